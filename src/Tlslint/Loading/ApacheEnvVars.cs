using System.Text;

namespace Tlslint.Loading;

/// <summary>
/// Reads Debian's <c>envvars</c> (the shell file <c>apache2ctl</c> sources before starting httpd) without running it:
/// only <c>export NAME=value</c> lines count; <c>$NAME</c> and <c>${NAME}</c> in a value expand to what earlier
/// lines exported, and to nothing otherwise, as the shell would for an unset variable.
/// </summary>
public static class ApacheEnvVars
{
    public static Dictionary<string, string> Parse(string text)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (!line.StartsWith("export", StringComparison.Ordinal) || line.Length <= 6 || !char.IsWhiteSpace(line[6]))
            {
                continue;
            }

            var assignment = line[6..].TrimStart();
            var eq = assignment.IndexOf('=');
            if (eq <= 0 || !IsName(assignment[..eq]))
            {
                continue;
            }

            values[assignment[..eq]] = Word(assignment[(eq + 1)..], values);
        }

        return values;
    }

    private static bool IsName(string s) =>
        s.Length > 0 && (char.IsAsciiLetter(s[0]) || s[0] == '_') && s.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');

    /// <summary>One shell word: quotes removed, variables expanded outside single quotes, ends at unquoted blank, <c>;</c> or <c>#</c>.</summary>
    private static string Word(string text, IReadOnlyDictionary<string, string> values)
    {
        var result = new StringBuilder();
        char? quote = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quote is null && (char.IsWhiteSpace(c) || c is ';' or '#'))
            {
                break;
            }

            if (c is '\'' or '"' && (quote is null || quote == c))
            {
                quote = quote is null ? c : null;
                continue;
            }

            if (c == '\\' && quote != '\'' && i + 1 < text.Length)
            {
                result.Append(text[++i]);
                continue;
            }

            if (c == '$' && quote != '\'' && i + 1 < text.Length)
            {
                var braced = text[i + 1] == '{';
                var start = braced ? i + 2 : i + 1;
                var end = start;
                while (end < text.Length && (char.IsAsciiLetterOrDigit(text[end]) || text[end] == '_'))
                {
                    end++;
                }

                if (end > start && (!braced || (end < text.Length && text[end] == '}')))
                {
                    result.Append(values.TryGetValue(text[start..end], out var v) ? v : string.Empty);
                    i = braced ? end : end - 1;
                    continue;
                }
            }

            result.Append(c);
        }

        return result.ToString();
    }
}
