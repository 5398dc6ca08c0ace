namespace Tlslint.Text;

/// <summary>Optimal-string-alignment distance (Levenshtein plus adjacent swaps), for "did you mean" suggestions.</summary>
public static class EditDistance
{
    /// <summary>
    /// The candidate closest to <paramref name="name"/> (compared in lower case; candidates are taken as written), within
    /// a distance that grows with the name's length (under 3 for short names); null when none is that close. The first
    /// of equally close candidates wins.
    /// </summary>
    public static string? Nearest(string name, IEnumerable<string> candidates)
    {
        var lower = name.ToLowerInvariant();
        string? best = null;
        var bestDistance = Math.Max(2, name.Length / 6) + 1;
        foreach (var candidate in candidates)
        {
            if (Math.Abs(candidate.Length - name.Length) >= bestDistance)
            {
                continue;
            }

            var d = Between(lower, candidate, bestDistance);
            if (d < bestDistance)
            {
                bestDistance = d;
                best = candidate;
            }
        }

        return best;
    }

    /// <summary>The distance between two strings, or any value ≥ <paramref name="limit"/> once it is known to exceed it.</summary>
    public static int Between(string a, string b, int limit = int.MaxValue)
    {
        var previous2 = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var d = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d = Math.Min(d, previous2[j - 2] + 1);
                }

                current[j] = d;
                rowMin = Math.Min(rowMin, d);
            }

            if (rowMin >= limit)
            {
                return limit;
            }

            (previous2, previous, current) = (previous, current, previous2);
        }

        return previous[b.Length];
    }
}
