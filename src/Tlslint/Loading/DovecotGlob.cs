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
                    if ((name.StartsWith('.') && !part.StartsWith('.')) || !Fnmatch(part, name))
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

    /// <summary>fnmatch(3) without flags for one component: <c>*</c>, <c>?</c>, <c>[a-z]</c>, <c>[!x]</c>, <c>\x</c>.</summary>
    internal static bool Fnmatch(string pattern, string name)
    {
        int p = 0, n = 0, starP = -1, starN = -1;
        while (n < name.Length)
        {
            if (p < pattern.Length)
            {
                var c = pattern[p];
                if (c == '*')
                {
                    starP = p++;
                    starN = n;
                    continue;
                }

                if (c == '?')
                {
                    p++;
                    n++;
                    continue;
                }

                if (c == '[' && Bracket(pattern, p, name[n], out var after) is { } matched)
                {
                    if (matched)
                    {
                        p = after;
                        n++;
                        continue;
                    }
                }
                else
                {
                    if (c == '\\' && p + 1 < pattern.Length)
                    {
                        c = pattern[++p];
                    }

                    if (c == name[n])
                    {
                        p++;
                        n++;
                        continue;
                    }
                }
            }

            if (starP < 0)
            {
                return false;
            }

            p = starP + 1;
            n = ++starN;
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length;
    }

    /// <summary>Whether <paramref name="c"/> matches the bracket expression at <paramref name="start"/>; null when it is not one.</summary>
    private static bool? Bracket(string pattern, int start, char c, out int after)
    {
        after = start;
        var i = start + 1;
        var negate = i < pattern.Length && pattern[i] is '!' or '^';
        if (negate)
        {
            i++;
        }

        var matched = false;
        var first = true;
        while (i < pattern.Length && (pattern[i] != ']' || first))
        {
            first = false;
            var lo = pattern[i];
            if (i + 2 < pattern.Length && pattern[i + 1] == '-' && pattern[i + 2] != ']')
            {
                matched |= c >= lo && c <= pattern[i + 2];
                i += 3;
            }
            else
            {
                matched |= c == lo;
                i++;
            }
        }

        if (i >= pattern.Length)
        {
            return null; // no closing bracket: a literal '['
        }

        after = i + 1;
        return matched != negate;
    }

    /// <summary>GLOB_BRACE: <c>a{b,c}d</c> → <c>abd</c>, <c>acd</c>, nested braces expanded from the outside in.</summary>
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
