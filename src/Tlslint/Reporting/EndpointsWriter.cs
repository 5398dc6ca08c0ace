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
                Effective(output, eff);
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

            output.WriteLine();
        }

        output.WriteLine($"{endpoints.Count} endpoint{(endpoints.Count == 1 ? string.Empty : "s")}; {AssumptionText.OneLine(result)}");
    }

    private static void Effective(TextWriter output, EffectiveTls eff)
    {
        output.WriteLine($"  {"effective",-16} {eff.Protocols}   [OpenSSL {eff.Build.Name}, security level {eff.SecurityLevel}: {eff.SecurityLevelReason}]");
        foreach (var limit in eff.Limits)
        {
            output.WriteLine($"  {string.Empty,-16} not {limit.Version.Name()}: {limit.Reason}");
        }

        if (eff.Rejection is { } rejection)
        {
            output.WriteLine($"  {"TLS fails",-16} {rejection}");
            return;
        }

        var tls13 = eff.Ciphers.Tls13;
        output.WriteLine($"  {"TLS 1.3 suites",-16} {(tls13.Count == 0 ? "(none)" : string.Join(" ", tls13))}{(eff.Tls13List is null ? "   [library default]" : string.Empty)}");
        var tls12 = eff.Negotiable.Where(s => !s.IsTls13).ToList();
        output.WriteLine($"  {"TLS 1.2- suites",-16} {eff.Ciphers.Ciphers.Count} in the list, {tls12.Count} negotiable: {string.Join(" ", tls12)}");
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
        Effective = e.Effective is { } eff ? ToJson(eff) : null,
    };

    private static EffectiveJson ToJson(EffectiveTls eff) => new(
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
        eff.Intent.All.Select(s => s.Name).ToList());

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
