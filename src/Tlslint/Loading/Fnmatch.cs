namespace Tlslint.Loading;

/// <summary>
/// fnmatch(3) for one path component with <c>FNM_PERIOD</c>, as glob(3) (nginx, Dovecot) and <c>apr_fnmatch</c>
/// (httpd's <c>Include</c>) apply it: <c>*</c>, <c>?</c>, <c>[…]</c> with <c>!</c> or <c>^</c> negation, ranges and a
/// leading <c>]</c> as a member, <c>\</c> quoting the next character, an unclosed <c>[</c> as a literal; a leading dot
/// in the name is matched only by a literal <c>.</c> or <c>\.</c>. Iterative with one backtrack point for the last
/// <c>*</c>: never recursive.
/// </summary>
public static class Fnmatch
{
    public static bool IsMatch(string pattern, string name)
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
}
