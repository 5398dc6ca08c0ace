using Tlslint.Analysis;
using Tlslint.Loading;
using Tlslint.Model;
using Tlslint.Syntax.Postfix;
using Tlslint.Text;

namespace Tlslint.Tests;

/// <summary>What tlslint's parsers say a Postfix directory contains, in the shape postconf prints it.</summary>
internal static class PostfixTreeFacts
{
    public static IReadOnlyList<string> PostfixDirectories(string root) =>
        Discovery.Find([root], [], root, []).Where(t => t.Product == Product.Postfix).Select(t => t.Directory).ToList();

    public static MainCfDocument? MainCf(string dir) => Parse(dir, "main.cf", MainCfParser.Parse);

    public static MasterCfDocument? MasterCf(string dir) => Parse(dir, "master.cf", MasterCfParser.Parse);

    /// <summary>main.cf: last definition of each name, whitespace folded as postconf prints it.</summary>
    public static Dictionary<string, string> MainValues(MainCfDocument doc)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var p in doc.Parameters)
        {
            result[p.Name] = Fold(p.Value);
        }

        return result;
    }

    /// <summary>master.cf: <c>service/type/param</c> → value, as <c>postconf -P</c> prints it (last entry, last -o win).</summary>
    public static Dictionary<string, string> ServiceValues(MasterCfDocument doc)
    {
        var last = new Dictionary<string, MasterService>(StringComparer.Ordinal);
        foreach (var s in doc.Services)
        {
            last[s.Key] = s;
        }

        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var s in last.Values)
        {
            foreach (var o in s.Overrides)
            {
                result[$"{s.Key}/{o.Name}"] = Fold(o.Value);
            }
        }

        return result;
    }

    /// <summary>Reads postconf's <c>name = value</c> output (long values folded onto indented lines).</summary>
    public static Dictionary<string, string> ParsePostconfOutput(string text)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        string? name = null;
        var value = new System.Text.StringBuilder();
        void Flush()
        {
            if (name is not null)
            {
                result[name] = Fold(value.ToString());
            }
        }

        foreach (var line in text.Split('\n'))
        {
            if (line.Length == 0)
            {
                continue;
            }

            if (char.IsWhiteSpace(line[0]))
            {
                value.Append(' ').Append(line.Trim());
                continue;
            }

            Flush();
            var eq = line.IndexOf(" =", StringComparison.Ordinal);
            name = eq < 0 ? line.Trim() : line[..eq];
            value.Clear().Append(eq < 0 ? string.Empty : line[(eq + 2)..]);
        }

        Flush();
        return result;
    }

    public static string Fold(string value) =>
        string.Join(' ', value.Split([' ', '\t', '\r', '\n', '\v', '\f'], StringSplitOptions.RemoveEmptyEntries));

    public static bool HasFatalSyntaxError(IEnumerable<ConfigDiagnostic> diagnostics) =>
        diagnostics.Any(d => d.Kind == DiagnosticKind.ParseError && d.Fatal);

    private static T? Parse<T>(string dir, string name, Func<SourceFile, T> parse) where T : class
    {
        var path = Path.Combine(dir, name);
        return TestPaths.IsReadableFile(path) ? parse(new SourceFile(name, path, File.ReadAllText(path))) : null;
    }
}
