using System.Text;

namespace Tlslint.Loading;

/// <summary>
/// glob(3) as Dovecot calls it for <c>!include</c> (flags <c>GLOB_BRACE</c>): <c>{a,b}</c> alternatives, then
/// <c>*</c>, <c>?</c> and <c>[…]</c> per path component; a leading dot is matched only by a pattern that starts with
/// one; matches come back sorted bytewise; a pattern without wildcards matches only an existing path.
/// </summary>
internal static class DovecotGlob
{
    /// <summary>Brace alternatives allowed per pattern, against a pattern that multiplies without end.</summary>
    private const int MaxAlternatives = 1024;

    public static IReadOnlyList<string> Expand(string pattern)
    {
        var results = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var alternative in Braces(pattern))
        {
            foreach (var match in Match(alternative))
            {
                results.Add(match);
            }
        }

        return [.. results];
    }

    public static bool HasWildcards(string pattern) => pattern.IndexOfAny(['*', '?', '[', '{']) >= 0;

    private static IEnumerable<string> Match(string pattern)
    {
        var absolute = pattern.StartsWith('/');
        var parts = pattern.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var current = new List<string> { absolute ? "/" : string.Empty };
        for (var i = 0; i < parts.Length; i++)
        {
            var last = i == parts.Length - 1;
            var part = parts[i];
            var next = new List<string>();
            foreach (var dir in current)
            {
                if (part.IndexOfAny(['*', '?', '[']) < 0)
                {
                    var path = Join(dir, Unescape(part));
                    if (last ? Exists(path) : Directory.Exists(path))
                    {
                        next.Add(path);
                    }

                    continue;
                }

                foreach (var entry in Entries(dir))
                {
                    var name = Path.GetFileName(entry);
                    // Stricter than glob(3), which also lets `\.` match a leading dot; kept as the Dovecot model had it.
                    if ((name.StartsWith('.') && !part.StartsWith('.')) || !Fnmatch.IsMatch(part, name))
                    {
                        continue;
                    }

                    var path = Join(dir, name);
                    if (last || Directory.Exists(path))
                    {
                        next.Add(path);
                    }
                }
            }

            current = next;
            if (current.Count == 0)
            {
                break;
            }
        }

        return parts.Length == 0 ? [] : current;
    }

    private static string Join(string dir, string name) => dir.Length == 0 ? name : dir.EndsWith('/') ? dir + name : dir + "/" + name;

    private static bool Exists(string path) => File.Exists(path) || Directory.Exists(path) || new FileInfo(path).LinkTarget is not null;

    private static IEnumerable<string> Entries(string dir)
    {
        try
        {
            return Directory.EnumerateFileSystemEntries(dir.Length == 0 ? "." : dir).ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    private static string Unescape(string part) => part.Contains('\\') ? part.Replace("\\", string.Empty, StringComparison.Ordinal) : part;

    private static List<string> Braces(string pattern)
    {
        var done = new List<string>();
        var work = new Stack<string>();
        work.Push(pattern);
        while (work.Count > 0 && done.Count + work.Count <= MaxAlternatives)
        {
            var p = work.Pop();
            var open = p.IndexOf('{');
            var close = open < 0 ? -1 : MatchingBrace(p, open);
            if (close < 0)
            {
                done.Add(p);
                continue;
            }

            var inner = p[(open + 1)..close];
            foreach (var alternative in SplitTopLevel(inner).AsEnumerable().Reverse())
            {
                work.Push(p[..open] + alternative + p[(close + 1)..]);
            }
        }

        return done;
    }

    private static int MatchingBrace(string p, int open)
    {
        var depth = 0;
        for (var i = open; i < p.Length; i++)
        {
            if (p[i] == '{')
            {
                depth++;
            }
            else if (p[i] == '}' && --depth == 0)
            {
                return i;
            }
        }

        return -1;
    }

    private static List<string> SplitTopLevel(string inner)
    {
        var parts = new List<string>();
        var sb = new StringBuilder();
        var depth = 0;
        foreach (var c in inner)
        {
            if (c == ',' && depth == 0)
            {
                parts.Add(sb.ToString());
                sb.Clear();
                continue;
            }

            depth += c == '{' ? 1 : c == '}' ? -1 : 0;
            sb.Append(c);
        }

        parts.Add(sb.ToString());
        return parts;
    }
}
