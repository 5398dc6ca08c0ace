using System.Text.Json;
using Tlslint.Analysis;
using Tlslint.Model;
using Tlslint.Tls;

namespace Tlslint.Reporting;

/// <summary>The effective TLS surface, one entry per endpoint, as text or as versioned JSON.</summary>
public sealed class EndpointsWriter(bool json) : IReportWriter
{
    public const int SchemaVersion = 1;

    public void Write(LintResult result, TextWriter output)
    {
        var endpoints = result.Trees.SelectMany(t => t.Endpoints).ToList();
        if (json)
        {
            var report = new EndpointsReport(SchemaVersion,
                new JsonTool(ToolInfo.Name, ToolInfo.Version, ToolInfo.InformationUri),
                AssumptionText.Entries(result).ToDictionary(e => e.Key, e => new JsonAssumption(e.Version, e.Source)),
                endpoints.Select(ToJson).ToList(),
                result.Errors.Select(e => new JsonError(e)).ToList());
            output.WriteLine(JsonSerializer.Serialize(report, EndpointsJsonContext.Default.EndpointsReport));
            return;
        }

        foreach (var e in endpoints)
        {
            var ports = e.Ports.Count == 0 ? "-" : string.Join(",", e.Ports);
            output.WriteLine($"{e.Product.Id()} {e.Role.ToString().ToLowerInvariant()} {e.Name}  ports {ports}  ({e.Anchor})");
            Line(output, "mode", e.Mode.Value.Id(), e.Mode);
            var protocols = e.Protocols.Value.IsValid ? e.Protocols.Value.Enabled.ToString() : "INVALID: " + e.Protocols.Value.Problem + " (TLS is disabled)";
            Line(output, "protocols", protocols, e.Protocols);
            Line(output, "ciphers", e.Ciphers.Value.CipherString, e.Ciphers);
            if (e.Effective is { } eff)
            {
                Effective(output, e, eff);
            }

            Line(output, "server order", e.ServerCipherPreference.Value ? "yes" : "no", e.ServerCipherPreference);
            foreach (var c in e.Certificates)
            {
                Line(output, $"{c.Kind} cert", c.Certificate.Value, c.Certificate);
                if (c.Key is { } key)
                {
                    Line(output, $"{c.Kind} key", key.Value, key);
                }
            }

            if (e.AuthEnabled is { } auth)
            {
                Line(output, "auth", auth.Value ? "yes" : "no", auth);
            }

            if (e.AuthBeforeTls is { } before)
            {
                Line(output, "auth before TLS", before.Value ? "yes" : "no", before);
            }

            Optional(output, "TLS 1.3 list", e.Tls13Ciphers, v => v);
            Optional(output, "curves", e.Curves, v => v);
            Optional(output, "DH parameters", e.DhParameters, v => v);
            Optional(output, "compression", e.Compression, YesNo);
            Optional(output, "session tickets", e.SessionTickets, YesNo);
            Optional(output, "insecure reneg.", e.InsecureRenegotiation, YesNo);
            Optional(output, "OCSP stapling", e.OcspStapling, YesNo);
            Optional(output, "HSTS", e.Hsts, h => h.OnAllResponses ? $"{h.Value} (always)" : h.Value);
            Optional(output, "verify peer", e.VerifyPeer, YesNo);
            Optional(output, "verify name", e.VerifyPeerName, YesNo);

            output.WriteLine();
        }

        output.WriteLine($"{endpoints.Count} endpoint{(endpoints.Count == 1 ? string.Empty : "s")}; {AssumptionText.OneLine(result)}");
    }

    private static string YesNo(bool value) => value ? "yes" : "no";

    private static void Optional<T>(TextWriter output, string label, Setting<T>? s, Func<T, string> text)
    {
        if (s is not null)
        {
            Line(output, label, text(s.Value), s);
        }
    }

    private static void Effective(TextWriter output, TlsEndpoint e, EffectiveTls eff)
    {
        output.WriteLine($"  {"effective",-16} {eff.Protocols}   [OpenSSL {eff.Build.Name}, security level {eff.SecurityLevel}: {eff.SecurityLevelReason}]");
        if (eff.NotModelled is { } notModelled)
        {
            output.WriteLine($"  {"NOT MODELLED",-16} {notModelled}");
        }

        foreach (var limit in eff.Limits)
        {
            output.WriteLine($"  {string.Empty,-16} not {limit.Version.Name()}: {limit.Reason}");
        }

        foreach (var ignored in eff.IgnoredSystemSettings)
        {
            output.WriteLine($"  {"openssl.cnf",-16} `{ignored.Command}` ({ignored.Location}) does not apply: {ignored.Reason}");
        }

        if (e.Role == EndpointRole.Server)
        {
            var keys = string.Join(", ", eff.ServedKeys.Select(k => $"{k.Key?.Describe() ?? "unknown"} ({k.Kind})"));
            if (eff.KeyTypesUnknown is { } unknown)
            {
                output.WriteLine($"  {"cert key types",-16} {(keys.Length > 0 ? keys + "; " : string.Empty)}not filtered: {unknown}");
            }
            else if (keys.Length > 0)
            {
                output.WriteLine($"  {"cert key types",-16} {keys}");
            }

            if (e.Dhe is { } dhe)
            {
                output.WriteLine($"  {"DHE",-16} {(dhe.Value.Available ? "yes" : "no")}: {dhe.Value.Reason}");
            }
        }

        if (eff.Rejection is { } rejection)
        {
            output.WriteLine($"  {"TLS fails",-16} {rejection}");
            return;
        }

        if (eff.Failure is { } failure)
        {
            output.WriteLine($"  {"TLS fails",-16} {failure}");
            return;
        }

        var tls13 = eff.Negotiable.Where(s => s.IsTls13).ToList();
        var listed = eff.Ciphers.Tls13.Count == tls13.Count ? string.Empty : $"   [{eff.Ciphers.Tls13.Count} in the list]";
        output.WriteLine($"  {"TLS 1.3 suites",-16} {(tls13.Count == 0 ? "(none)" : string.Join(" ", tls13))}{(eff.Tls13List is null ? "   [library default]" : string.Empty)}{listed}");
        var tls12 = eff.Negotiable.Where(s => !s.IsTls13).ToList();
        output.WriteLine($"  {"TLS 1.2- suites",-16} {eff.Ciphers.Ciphers.Count} in the list, {tls12.Count} negotiable: {string.Join(" ", tls12)}");
        foreach (var filter in eff.Dropped)
        {
            output.WriteLine($"  {"dropped",-16} {filter.Removed.Count} suite{(filter.Removed.Count == 1 ? string.Empty : "s")} ({string.Join(" ", filter.Removed.Take(3))}{(filter.Removed.Count > 3 ? " …" : string.Empty)}): {filter.Reason}");
        }
    }

    private static void Line<T>(TextWriter output, string label, string value, Setting<T> s)
    {
        var origin = s.Origin switch
        {
            SettingOrigin.Default => $"default for {s.DefaultFor}",
            SettingOrigin.Inherited => "inherited",
            _ => "explicit",
        };
        output.WriteLine($"  {label,-16} {value}   [{s.Name}, {origin}, {s.Location}]");
    }

    private static EndpointJson ToJson(TlsEndpoint e) => new(
        e.Product.Id(),
        e.Role.ToString().ToLowerInvariant(),
        e.Name,
        e.Ports,
        e.Address,
        e.Anchor.ToString(),
        ToJson(e.Mode, m => m.Id()),
        ToJson(e.Protocols, p => p.IsValid ? p.Enabled.ToString() : "invalid"),
        e.Protocols.Value.Enabled.Versions.Select(v => v.Name()).ToList(),
        ToJson(e.Ciphers, c => c.CipherString),
        ToJson(e.ServerCipherPreference, b => b ? "yes" : "no"),
        e.Certificates.Select(c => new CertificateJson(c.Kind, Redacted(e, c.Certificate), c.Key is null ? null : Redacted(e, c.Key))).ToList(),
        e.AuthEnabled is null ? null : ToJson(e.AuthEnabled, b => b ? "yes" : "no"),
        e.AuthBeforeTls is null ? null : ToJson(e.AuthBeforeTls, b => b ? "yes" : "no"),
        e.Settings.OrderBy(kv => kv.Key, StringComparer.Ordinal).ToDictionary(kv => kv.Key, kv => Redacted(e, kv.Value)))
    {
        Effective = e.Effective is { } eff ? ToJson(eff) with
        {
            DheAvailable = e.Role == EndpointRole.Server ? e.Dhe?.Value.Available : null,
            DheReason = e.Role == EndpointRole.Server ? e.Dhe?.Value.Reason : null,
        } : null,
    };

    private static EffectiveJson ToJson(EffectiveTls eff) => new EffectiveJson(
        eff.Build.Name,
        eff.SecurityLevel,
        JsonNamingPolicy.KebabCaseLower.ConvertName(eff.SecurityLevelOrigin.ToString()),
        eff.SecurityLevelReason,
        eff.ConfiguredProtocols.Versions.Select(v => v.Name()).ToList(),
        eff.Protocols.Versions.Select(v => v.Name()).ToList(),
        eff.Limits.Select(l => new ProtocolLimitJson(l.Version.Name(), l.Reason)).ToList(),
        eff.Rejection,
        eff.Tls13List,
        eff.Ciphers.Tls13.Select(s => s.Name).ToList(),
        eff.Ciphers.Ciphers.Select(s => s.Name).ToList(),
        eff.Negotiable.Select(s => s.Name).ToList(),
        eff.Intent.All.Select(s => s.Name).ToList())
    {
        AllowedAtLevel = eff.AllowedAtLevel.Select(s => s.Name).ToList(),
        CertificateKeys = eff.ServedKeys.Select(k => new ServedKeyJson(k.Kind, k.File, k.Setting, k.Key?.Describe(),
            k.Key is null ? null : JsonNamingPolicy.KebabCaseLower.ConvertName(k.Key.Algorithm.ToString()), k.Key?.Bits, k.Problem)).ToList(),
        KeyTypesUnknown = eff.KeyTypesUnknown,
        DroppedSuites = eff.Dropped.Select(d => new DroppedSuitesJson(d.Reason, d.Removed.Select(s => s.Name).ToList())).ToList(),
        IgnoredSystemSettings = eff.IgnoredSystemSettings.Select(i => new IgnoredSystemSettingJson(i.Command, i.Location, i.Reason)).ToList(),
        NotModelled = eff.NotModelled,
        Failure = eff.Failure,
        StopsServer = eff.StopsServer,
    };

    /// <summary>
    /// A string setting as JSON, with secrets left out: a passphrase written in the configuration (Dovecot
    /// <c>ssl_key_password</c>) or key material pasted inline instead of a file name. Nothing secret leaves tlslint.
    /// </summary>
    private static SettingJson Redacted(TlsEndpoint e, Setting<string> s)
    {
        var secret = (e.PrivateKeyPassword is { } password && password.Name == s.Name)
            || s.Value.Contains("PRIVATE KEY", StringComparison.Ordinal)
            || s.RawText.Contains("PRIVATE KEY", StringComparison.Ordinal);
        return secret ? ToJson(s, _ => Hidden) with { Raw = Hidden } : ToJson(s, v => v);
    }

    private const string Hidden = "(secret, not shown)";

    private static SettingJson ToJson<T>(Setting<T> s, Func<T, string> text) => new(
        text(s.Value),
        s.Origin.ToString().ToLowerInvariant(),
        s.Location.ToString(),
        s.Name,
        s.RawText,
        s.DefaultFor?.ToString());
}
