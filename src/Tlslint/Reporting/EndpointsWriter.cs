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

            output.WriteLine();
        }

        output.WriteLine($"{endpoints.Count} endpoint{(endpoints.Count == 1 ? string.Empty : "s")}; {AssumptionText.OneLine(result)}");
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
