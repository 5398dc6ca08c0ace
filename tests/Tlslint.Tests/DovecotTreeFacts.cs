using Tlslint.Analysis;
using Tlslint.Loading;
using Tlslint.Model;
using Tlslint.Model.Dovecot;
using Tlslint.Text;

namespace Tlslint.Tests;

/// <summary>What tlslint makes of a Dovecot tree, in the shape <c>doveconf -a</c> prints it, for the oracle tests.</summary>
internal static class DovecotTreeFacts
{
    /// <summary>The TLS and authentication settings tlslint models: these are compared value by value.</summary>
    public static readonly string[] ModelledSettings =
    [
        "ssl", "ssl_cert", "ssl_key", "ssl_ca", "ssl_alt_cert", "ssl_alt_key", "ssl_key_password", "ssl_dh",
        "ssl_min_protocol", "ssl_cipher_list", "ssl_cipher_suites", "ssl_curve_list", "ssl_prefer_server_ciphers",
        "ssl_options", "ssl_client_require_valid_cert", "ssl_verify_client_cert", "ssl_client_ca_dir", "ssl_client_ca_file",
        "ssl_client_cert", "ssl_client_key", "disable_plaintext_auth", "auth_mechanisms", "login_trusted_networks",
        "login_log_format_elements", "protocols", "verbose_ssl", "listen",
    ];

    public sealed record Facts(DovecotConfig Config, IReadOnlyList<ConfigDiagnostic> Diagnostics, IReadOnlyList<TlsEndpoint> Endpoints);

    /// <summary>Every <c>dovecot.conf</c> under <paramref name="root"/>, as discovery finds them.</summary>
    public static IReadOnlyList<string> Trees(string root) =>
        Discovery.Find([root], [], root, []).Where(t => t.Product == Product.Dovecot).Select(t => t.Files[0]).ToList();

    /// <summary>
    /// Reads a tree as the given release would. <paramref name="debianBuild"/> mirrors Debian's packages, whose
    /// built-in <c>protocols</c> default is empty (the oracle on the test machine is Debian's doveconf).
    /// </summary>
    public static Facts Load(string dovecotConf, ProductVersion version, bool debianBuild, string? root = null)
    {
        var context = new LoadContext(p => p, Assumptions.Default, root);
        var (entry, statements, _, diagnostics) = DovecotTreeLoader.Read(dovecotConf, context);
        var config = DovecotConfigBuilder.Build(statements, version, debianBuild, diagnostics);
        var endpoints = entry is null
            ? []
            : DovecotResolver.Endpoints(config, new SourceLocation(entry, null), Assumptions.Default.OpenSsl.Version, diagnostics);
        return new Facts(config, diagnostics, endpoints);
    }

    /// <summary>Global values of the modelled settings: written, or the release's default (Debian build).</summary>
    public static Dictionary<string, string> Globals(DovecotConfig config)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in ModelledSettings)
        {
            var value = config.Global(name)?.Value ?? DovecotDefaults.For(name, config.Version, config.DebianProtocols);
            if (value is not null)
            {
                result[name] = value;
            }
        }

        return result;
    }

    /// <summary>Modelled settings inside filters, keyed as doveconf nests them (<c>local 10.0.0.1/protocol imap/ssl</c>).</summary>
    public static Dictionary<string, string> FilterValues(DovecotConfig config)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (filter, settings) in config.Filters)
        {
            if (filter.IsGlobal)
            {
                continue;
            }

            foreach (var (name, value) in settings)
            {
                if (ModelledSettings.Contains(name))
                {
                    result[$"{FilterPath(filter)}/{name}"] = value.Value;
                }
            }
        }

        return result;
    }

    /// <summary>The listeners tlslint opens TLS endpoints for, as <c>service port ssl</c>.</summary>
    public static List<string> Listeners(IReadOnlyList<TlsEndpoint> endpoints) =>
        endpoints.Where(e => e.Role == EndpointRole.Server && !e.Name.Contains(" [", StringComparison.Ordinal))
            .Select(e => $"{e.Name.Split('/')[0]} {e.Ports[0]} ssl={e.Settings["inet_listener ssl"].Value}")
            .Order(StringComparer.Ordinal)
            .ToList();

    private static string FilterPath(DovecotFilter f)
    {
        var parts = new List<string>();
        if (f.Local is not null)
        {
            parts.Add($"local {f.Local}");
        }

        if (f.LocalName is not null)
        {
            parts.Add($"local_name {f.LocalName}");
        }

        if (f.Remote is not null)
        {
            parts.Add($"remote {f.Remote}");
        }

        if (f.Protocol is not null)
        {
            parts.Add($"protocol {f.Protocol}");
        }

        return string.Join("/", parts);
    }

    /// <summary>Reads <c>doveconf</c> output: <c>path/key</c> → value, sections as <c>header/</c> prefixes.</summary>
    public static Dictionary<string, string> ParseDoveconf(string output)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        var path = new List<string>();
        foreach (var raw in output.Split('\n'))
        {
            var line = raw.TrimEnd('\r').Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (line == "}")
            {
                if (path.Count > 0)
                {
                    path.RemoveAt(path.Count - 1);
                }

                continue;
            }

            if (line.EndsWith(" {", StringComparison.Ordinal) && !line.Contains(" = ", StringComparison.Ordinal))
            {
                path.Add(line[..^2].Replace("\"", string.Empty, StringComparison.Ordinal));
                continue;
            }

            var eq = line.IndexOf(" =", StringComparison.Ordinal);
            if (eq < 0)
            {
                continue;
            }

            var key = line[..eq];
            var value = line[(eq + 2)..].TrimStart();
            if (value.Length >= 2 && value[0] == '"' && value[^1] == '"')
            {
                value = value[1..^1];
            }

            result[string.Join("/", path.Append(key))] = value;
        }

        return result;
    }

    /// <summary>The inet listeners of the login services of the enabled protocols in <c>doveconf -a</c> output.</summary>
    public static List<string> DoveconfListeners(Dictionary<string, string> all)
    {
        var services = new Dictionary<string, string>
        {
            ["imap"] = "imap-login", ["pop3"] = "pop3-login", ["submission"] = "submission-login",
            ["sieve"] = "managesieve-login", ["lmtp"] = "lmtp",
        };
        var protocols = all.GetValueOrDefault("protocols", string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var tlsOff = all.GetValueOrDefault("ssl") == "no";
        var result = new List<string>();
        foreach (var protocol in protocols.Where(services.ContainsKey).Distinct())
        {
            var prefix = $"service {services[protocol]}/inet_listener";
            var listeners = all.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal) && k.EndsWith("/port", StringComparison.Ordinal));
            foreach (var portKey in listeners)
            {
                var port = all[portKey];
                var ssl = all.GetValueOrDefault(portKey[..^"port".Length] + "ssl", "no");
                if (port == "0" || (ssl == "yes" && tlsOff))
                {
                    continue;
                }

                result.Add($"{services[protocol]} {port} ssl={ssl}");
            }
        }

        result.Sort(StringComparer.Ordinal);
        return result;
    }
}
