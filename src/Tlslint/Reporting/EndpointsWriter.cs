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

            Optional(output, "TLS 1.3 suites", e.Tls13Ciphers, v => v);
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
        e.Certificates.Select(c => new CertificateJson(c.Kind, ToJson(c.Certificate, v => v), c.Key is null ? null : ToJson(c.Key, v => v))).ToList(),
        e.AuthEnabled is null ? null : ToJson(e.AuthEnabled, b => b ? "yes" : "no"),
        e.AuthBeforeTls is null ? null : ToJson(e.AuthBeforeTls, b => b ? "yes" : "no"),
        e.Settings.OrderBy(kv => kv.Key, StringComparer.Ordinal).ToDictionary(kv => kv.Key, kv => ToJson(kv.Value, v => v)));

    private static SettingJson ToJson<T>(Setting<T> s, Func<T, string> text) => new(
        text(s.Value),
        s.Origin.ToString().ToLowerInvariant(),
        s.Location.ToString(),
        s.Name,
        s.RawText,
        s.DefaultFor?.ToString());
}
