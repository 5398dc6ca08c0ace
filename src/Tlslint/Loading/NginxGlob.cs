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
                    next.AddRange(Directory.EnumerateFileSystemEntries(dir).Where(e => Fnmatch.IsMatch(part, Path.GetFileName(e))));
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
            if (IsPattern(p[i]) ? !Fnmatch.IsMatch(p[i], n[i]) : Unquote(p[i]) != n[i])
            {
                return false;
            }
        }

        return true;
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
