using System.Security.Cryptography;
using System.Text;
using Tlslint.Text;

namespace Tlslint.Analysis;

/// <summary>
/// Identities of findings that survive edits elsewhere in the file: built from the rule, the file, the text of the
/// finding's directive with whitespace folded, and its context (the endpoint), never from a line number. Identical
/// identities in one run are told apart by a counter (<c>…:2</c>), in file order.
/// </summary>
public static class Fingerprint
{
    /// <summary>Fingerprints for <paramref name="findings"/> in order, with paths relative to <paramref name="baseDirectory"/> (null: display paths).</summary>
    public static IReadOnlyList<string> Of(IReadOnlyList<Finding> findings, string? baseDirectory = null)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var result = new List<string>(findings.Count);
        foreach (var f in findings)
        {
            var hash = Hash(f, baseDirectory);
            seen[hash] = seen.GetValueOrDefault(hash) + 1;
            result.Add($"{hash}:{seen[hash]}");
        }

        return result;
    }

    /// <summary>The whitespace-folded text of a finding's range (its first line for longer ones; empty for a whole file).</summary>
    public static string NormalisedText(SourceLocation location)
    {
        if (location.Range is not { } r)
        {
            return string.Empty;
        }

        var text = location.File.Text;
        var start = Math.Clamp(r.Start.Offset, 0, text.Length);
        var end = Math.Clamp(r.End.Offset, start, text.Length);
        if (end == start)
        {
            var line = location.File.LineRange(r.Start.Line);
            (start, end) = (line.Start.Offset, line.End.Offset);
        }

        return string.Join(' ', text[start..end].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    private static string Hash(Finding f, string? baseDirectory)
    {
        var file = baseDirectory is null
            ? f.Location.File.Path
            : Path.GetRelativePath(baseDirectory, f.Location.File.FullPath).Replace('\\', '/');
        var key = $"{f.Rule.Id}\0{file}\0{NormalisedText(f.Location)}\0{f.Endpoint}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)), 0, 8);
    }
}
