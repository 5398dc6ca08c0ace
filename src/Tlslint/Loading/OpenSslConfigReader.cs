using Tlslint.Analysis;
using Tlslint.Model;
using Tlslint.Text;
using Tlslint.Tls;

namespace Tlslint.Loading;

/// <summary>
/// Finds and reads the system-wide OpenSSL configuration that applies to a scanned tree: <c>ssl/openssl.cnf</c> beside
/// the product's directory (<c>etc/postfix</c> → <c>etc/ssl/openssl.cnf</c>), or <c>etc/ssl/openssl.cnf</c> under
/// <c>--root</c>. Only the <c>system_default</c> section matters; the reader follows the section names the way OpenSSL
/// does, ignores <c>.include</c> and <c>$variable</c> expansion, and takes command names case-insensitively.
/// </summary>
public static class OpenSslConfigReader
{
    public static OpenSslSystemConfig? Find(DiscoveredTree tree, LoadContext context, List<ConfigDiagnostic> diagnostics)
    {
        var candidates = new List<string>();
        if (context.Root is { } root)
        {
            candidates.Add(Path.Combine(root, "etc", "ssl", "openssl.cnf"));
        }

        if (Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(tree.Directory)) is { } parent)
        {
            candidates.Add(Path.Combine(parent, "ssl", "openssl.cnf"));
        }

        var path = candidates.FirstOrDefault(File.Exists);
        if (path is null)
        {
            return null;
        }

        var file = ConfigFileReader.Read(path, context.Display(path), diagnostics);
        return file is null ? null : Parse(file);
    }

    /// <summary>The system_default section of <paramref name="file"/>, or null when the file has none.</summary>
    public static OpenSslSystemConfig? Parse(SourceFile file)
    {
        var sections = Sections(file);
        string? Value(string section, string name) =>
            sections.TryGetValue(section, out var s) && s.Values.TryGetValue(name, out var v) ? v.Value : null;

        var init = Value("default", "openssl_conf");
        var ssl = init is null ? null : Value(init, "ssl_conf");
        var system = ssl is null ? null : Value(ssl, "system_default");
        if (system is null || !sections.TryGetValue(system, out var section))
        {
            return null;
        }

        Setting<string>? Get(string name) =>
            section.Values.TryGetValue(name, out var v)
                ? new Setting<string>(v.Value, SettingOrigin.Explicit, new SourceLocation(file, v.Range), v.Name, v.Value)
                : null;

        return new OpenSslSystemConfig(file, new SourceLocation(file, section.Header))
        {
            CipherString = Get("CipherString"),
            Ciphersuites = Get("Ciphersuites"),
            MinProtocol = Get("MinProtocol"),
            MaxProtocol = Get("MaxProtocol"),
        };
    }

    private sealed record Entry(string Name, string Value, TextRange Range);

    private sealed record Section(TextRange? Header, Dictionary<string, Entry> Values);

    /// <summary>Sections by name; within one, names case-insensitive and the last assignment wins.</summary>
    private static Dictionary<string, Section> Sections(SourceFile file)
    {
        var sections = new Dictionary<string, Section>(StringComparer.Ordinal)
        {
            ["default"] = new(null, new Dictionary<string, Entry>(StringComparer.OrdinalIgnoreCase)),
        };
        var current = sections["default"];
        var text = file.Text;
        var pos = 0;
        while (pos < text.Length)
        {
            var lineStart = pos;
            var end = text.IndexOf('\n', pos);
            if (end < 0)
            {
                end = text.Length;
            }

            pos = end + 1;
            var line = text[lineStart..end].TrimEnd('\r');
            var hash = line.IndexOf('#');
            if (hash >= 0)
            {
                line = line[..hash];
            }

            var trimmed = line.Trim();
            if (trimmed.Length == 0 || trimmed.StartsWith('.'))
            {
                continue;
            }

            var indent = line.Length - line.TrimStart().Length;
            var range = file.RangeOf(lineStart + indent, lineStart + indent + trimmed.Length);
            if (trimmed.StartsWith('[') && trimmed.EndsWith(']'))
            {
                var name = trimmed[1..^1].Trim();
                if (!sections.TryGetValue(name, out current))
                {
                    current = new Section(range, new Dictionary<string, Entry>(StringComparer.OrdinalIgnoreCase));
                    sections[name] = current;
                }

                continue;
            }

            var eq = trimmed.IndexOf('=');
            if (eq <= 0)
            {
                continue;
            }

            var key = trimmed[..eq].Trim();
            var value = trimmed[(eq + 1)..].Trim();
            if (value.Length >= 2 && value[0] == value[^1] && value[0] is '"' or '\'')
            {
                value = value[1..^1];
            }

            current.Values[key] = new Entry(key, value, range);
        }

        return sections;
    }
}
