namespace Tlslint.Loading;

/// <summary>
/// What httpd's Include treats as a wildcard; the matching itself (<c>apr_fnmatch</c> with <c>APR_FNM_PERIOD</c> on one
/// path component) is <see cref="Fnmatch"/>.
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
}
