using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tlslint.Analysis;

/// <summary>
/// The findings a project has accepted for now (<c>--write-baseline</c>), so that a run reports only new ones
/// (<c>--baseline</c>). Stored as JSON; paths are relative to the baseline file, so the run may start anywhere.
/// </summary>
public sealed class Baseline
{
    public const int SchemaVersion = 1;

    private readonly Dictionary<string, int> _fingerprints;

    private Baseline(string directory, IEnumerable<string> fingerprints)
    {
        Directory = directory;
        _fingerprints = fingerprints.GroupBy(f => f, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
    }

    /// <summary>The directory paths in the baseline are relative to.</summary>
    public string Directory { get; }

    public int Count => _fingerprints.Values.Sum();

    /// <summary>Writes the (unsuppressed) findings of <paramref name="result"/> to <paramref name="path"/>.</summary>
    public static void Write(LintResult result, string path)
    {
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full)!;
        var prints = Fingerprint.Of(result.Findings, directory);
        var entries = result.Findings.Select((f, i) => new BaselineEntry(prints[i], f.Rule.Id,
            Path.GetRelativePath(directory, f.Location.File.FullPath).Replace('\\', '/'), f.Message)).ToList();
        var file = new BaselineFile(SchemaVersion, "tlslint", entries);
        File.WriteAllText(full, JsonSerializer.Serialize(file, BaselineJsonContext.Default.BaselineFile) + "\n");
    }

    /// <summary>Reads a baseline; null with a message when it cannot be read or is not one.</summary>
    public static Baseline? Read(string path, out string? problem)
    {
        problem = null;
        var full = Path.GetFullPath(path);
        try
        {
            var file = JsonSerializer.Deserialize(File.ReadAllText(full), BaselineJsonContext.Default.BaselineFile);
            if (file?.Findings is null || file.SchemaVersion != SchemaVersion)
            {
                problem = $"{path}: not a tlslint baseline (schemaVersion {SchemaVersion}); write one with --write-baseline";
                return null;
            }

            return new Baseline(Path.GetDirectoryName(full)!, file.Findings.Select(f => f.Fingerprint));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            problem = $"{path}: cannot be read as a baseline: {e.Message}";
            return null;
        }
    }

    /// <summary>The result without the findings this baseline lists (each entry accepts one finding).</summary>
    public LintResult Filter(LintResult result)
    {
        var prints = Fingerprint.Of(result.Findings, Directory);
        var kept = result.Findings.Where((_, i) => !_fingerprints.ContainsKey(prints[i])).ToList();
        return result with { Findings = kept, Baselined = result.Findings.Count - kept.Count };
    }
}

internal sealed record BaselineFile(int SchemaVersion, string Tool, IReadOnlyList<BaselineEntry> Findings);

/// <summary>One accepted finding; rule, file and message are there for people reading the file.</summary>
internal sealed record BaselineEntry(string Fingerprint, string RuleId, string File, string Message);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(BaselineFile))]
internal sealed partial class BaselineJsonContext : JsonSerializerContext;
