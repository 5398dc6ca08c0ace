namespace Tlslint.Loading;

/// <summary>
/// Pathname expansion as nginx asks glob(3) for it (no flags): <c>*</c>, <c>?</c> and <c>[…]</c> within one path
/// component, a leading dot only matched by a literal dot, <c>\</c> quoting the next character, matches sorted in
/// byte order; no match is an empty list, not an error.
/// </summary>
public static class NginxGlob
{
    /// <summary>True when nginx treats an include path as a pattern (it contains <c>*</c>, <c>?</c> or <c>[</c>).</summary>
    public static bool IsPattern(string path) => path.AsSpan().IndexOfAny('*', '?', '[') >= 0;

    /// <summary>The existing paths an absolute pattern matches, sorted.</summary>
    public static IReadOnlyList<string> Expand(string absolutePattern)
    {
        var parts = absolutePattern.Split('/');
        var current = new List<string> { parts[0].Length == 0 ? "/" : parts[0] };
        for (var i = 1; i < parts.Length; i++)
        {
            var part = parts[i];
            if (part.Length == 0)
            {
                continue;
            }

            var next = new List<string>();
            foreach (var dir in current)
            {
                if (!IsPattern(part))
                {
                    next.Add(Path.Join(dir, Unquote(part)));
                    continue;
                }

                if (!Directory.Exists(dir))
                {
                    continue;
                }

                try
                {
                    next.AddRange(Directory.EnumerateFileSystemEntries(dir).Where(e => Matches(part, Path.GetFileName(e))));
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    // glob(3) skips directories it cannot read.
                }
            }

            current = next;
        }

        return current.Where(Exists).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>Whether a whole path matches a pattern component by component (for patterns over a list of known files).</summary>
    public static bool MatchesPath(string pattern, string path)
    {
        var p = pattern.Split('/');
        var n = path.Split('/');
        if (p.Length != n.Length)
        {
            return false;
        }

        for (var i = 0; i < p.Length; i++)
        {
            if (IsPattern(p[i]) ? !Matches(p[i], n[i]) : Unquote(p[i]) != n[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>fnmatch(3) for one path component, with a leading dot matched only literally.</summary>
    public static bool Matches(string pattern, string name)
    {
        if (name.StartsWith('.') && !(pattern.StartsWith('.') || pattern.StartsWith("\\.", StringComparison.Ordinal)))
        {
            return false;
        }

        int p = 0, n = 0, starP = -1, starN = -1;
        while (n < name.Length)
        {
            if (p < pattern.Length && Step(pattern, ref p, name[n]))
            {
                n++;
                continue;
            }

            if (p < pattern.Length && pattern[p] == '*')
            {
                starP = p++;
                starN = n;
                continue;
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

    /// <summary>Matches one character against the pattern element at <paramref name="p"/> and advances past it when it matches.</summary>
    private static bool Step(string pattern, ref int p, char c)
    {
        switch (pattern[p])
        {
            case '*':
                return false;
            case '?':
                p++;
                return true;
            case '\\' when p + 1 < pattern.Length:
                if (pattern[p + 1] != c)
                {
                    return false;
                }

                p += 2;
                return true;
            case '[':
                var end = ClassEnd(pattern, p);
                if (end < 0)
                {
                    goto default; // an unclosed bracket is a literal '['
                }

                if (!InClass(pattern, p + 1, end, c))
                {
                    return false;
                }

                p = end + 1;
                return true;
            default:
                if (pattern[p] != c)
                {
                    return false;
                }

                p++;
                return true;
        }
    }

    /// <summary>The index of the <c>]</c> closing the bracket expression at <paramref name="open"/>, or -1.</summary>
    private static int ClassEnd(string pattern, int open)
    {
        var i = open + 1;
        if (i < pattern.Length && pattern[i] is '!' or '^')
        {
            i++;
        }

        if (i < pattern.Length && pattern[i] == ']')
        {
            i++; // a ']' first in the set is a member
        }

        for (; i < pattern.Length; i++)
        {
            if (pattern[i] == ']')
            {
                return i;
            }
        }

        return -1;
    }

    private static bool InClass(string pattern, int start, int end, char c)
    {
        var negate = pattern[start] is '!' or '^';
        var i = negate ? start + 1 : start;
        var found = false;
        var first = true;
        while (i < end)
        {
            var low = pattern[i];
            if (low == ']' && !first)
            {
                break;
            }

            first = false;
            if (i + 2 < end && pattern[i + 1] == '-')
            {
                found |= c >= low && c <= pattern[i + 2];
                i += 3;
                continue;
            }

            found |= c == low;
            i++;
        }

        return found != negate;
    }

    private static string Unquote(string part)
    {
        if (!part.Contains('\\'))
        {
            return part;
        }

        var result = new System.Text.StringBuilder(part.Length);
        for (var i = 0; i < part.Length; i++)
        {
            if (part[i] == '\\' && i + 1 < part.Length)
            {
                i++;
            }

            result.Append(part[i]);
        }

        return result.ToString();
    }

    private static bool Exists(string path) =>
        File.Exists(path) || Directory.Exists(path) || new FileInfo(path).LinkTarget is not null;
}
