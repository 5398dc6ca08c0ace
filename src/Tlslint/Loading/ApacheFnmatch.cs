namespace Tlslint.Loading;

/// <summary>
/// The wildcard matching httpd's Include uses (<c>apr_fnmatch</c> with <c>APR_FNM_PERIOD</c> on one path component):
/// <c>*</c>, <c>?</c>, <c>[…]</c> with <c>!</c> or <c>^</c> negation and ranges, <c>\</c> escapes; a leading <c>.</c>
/// must be matched by a literal <c>.</c>.
/// </summary>
public static class ApacheFnmatch
{
    /// <summary>Whether a pattern holds a wildcard (<c>apr_fnmatch_test</c>).</summary>
    public static bool HasWildcard(string pattern)
    {
        for (var i = 0; i < pattern.Length; i++)
        {
            switch (pattern[i])
            {
                case '?' or '*':
                    return true;
                case '\\' when i + 1 < pattern.Length:
                    i++;
                    break;
                case '[' when pattern.IndexOf(']', i + 1) > i:
                    return true;
            }
        }

        return false;
    }

    public static bool IsMatch(string pattern, string name)
    {
        if (name.StartsWith('.') && !pattern.StartsWith('.') && !pattern.StartsWith("\\.", StringComparison.Ordinal))
        {
            return false;
        }

        // Iterative matcher with one backtrack point for the last '*': linear in practice, never recursive.
        int p = 0, n = 0, starP = -1, starN = 0;
        while (n < name.Length)
        {
            if (p < pattern.Length && pattern[p] == '*')
            {
                starP = p++;
                starN = n;
                continue;
            }

            if (p < pattern.Length && MatchOne(pattern, ref p, name[n]))
            {
                n++;
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

    /// <summary>Matches one character at <paramref name="p"/>, advancing past the pattern element on success.</summary>
    private static bool MatchOne(string pattern, ref int p, char c)
    {
        switch (pattern[p])
        {
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
                var close = pattern.IndexOf(']', p + 2);
                if (close < 0)
                {
                    break;
                }

                var i = p + 1;
                var negate = pattern[i] is '!' or '^';
                if (negate)
                {
                    i++;
                }

                var found = false;
                for (; i < close; i++)
                {
                    if (i + 2 < close && pattern[i + 1] == '-')
                    {
                        found |= c >= pattern[i] && c <= pattern[i + 2];
                        i += 2;
                    }
                    else
                    {
                        found |= pattern[i] == c;
                    }
                }

                if (found == negate)
                {
                    return false;
                }

                p = close + 1;
                return true;
        }

        if (pattern[p] != c)
        {
            return false;
        }

        p++;
        return true;
    }
}
