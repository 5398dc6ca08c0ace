using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Tlslint.Analysis;
using Tlslint.Model;
using Tlslint.Text;

namespace Tlslint.Reporting;

/// <summary>
/// SARIF 2.1.0 for GitHub code scanning: one run, every rule that ran, results relative to %SRCROOT%. Suppressed
/// findings are left out unless <paramref name="includeSuppressed"/>, which keeps them with their <c>suppressions</c>.
/// </summary>
/// <param name="docFor">The Markdown doc of a rule (its help).</param>
/// <param name="helpUriFor">Where a rule's doc can be read online.</param>
/// <param name="sourceRoot">The directory relative paths start from (the repository checkout).</param>
/// <param name="includeSuppressed">Keep suppressed findings, marked as suppressed in source.</param>
public sealed class SarifReportWriter(Func<Rule, string> docFor, Func<Rule, string> helpUriFor, string sourceRoot,
    bool includeSuppressed = false) : IReportWriter
{
    /// <summary>GitHub code scanning rejects a run with more results than this.</summary>
    public const int MaxResults = 25_000;

    /// <summary>GitHub code scanning rejects a result with more locations than this.</summary>
    public const int MaxLocationsPerResult = 1_000;

    /// <summary>GitHub code scanning rejects an upload whose gzip-compressed size exceeds this.</summary>
    public const long MaxCompressedBytes = 10L * 1024 * 1024;

    private const string SourceRootId = "%SRCROOT%";

    /// <summary>
    /// What the log just written left out to stay within GitHub's limits (results beyond 25,000, related locations
    /// beyond 999 per result, results that would take the log past 10 MiB gzip-compressed): one sentence each, also
    /// written into the run as warning notifications. Empty when nothing was left out.
    /// </summary>
    public IReadOnlyList<string> Truncations { get; private set; } = [];

    /// <summary>Why the log just written would still be rejected by GitHub code scanning (empty when it would not).</summary>
    public IReadOnlyList<string> LimitProblems { get; private set; } = [];

    public void Write(LintResult result, TextWriter output)
    {
        var rules = result.RulesRun.ToList();
        var ruleIndex = rules.Select((r, i) => (r.Descriptor.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var findings = result.Findings.Concat(includeSuppressed ? result.Suppressed : [])
            .OrderBy(f => f.Location.File.Path, StringComparer.Ordinal)
            .ThenBy(f => f.Location.Line)
            .ThenBy(f => f.Location.Column)
            .ThenBy(f => f.Rule.Id, StringComparer.Ordinal)
            .ToList();

        // Fingerprints and line-hash counters are taken over every finding, so that a result keeps its identity
        // whether or not others were left out.
        var fingerprints = Fingerprint.Of(findings);
        var occurrences = new Dictionary<string, int>(StringComparer.Ordinal);
        var results = new List<SarifResult>(findings.Count);
        var cutRelated = 0;
        for (var n = 0; n < findings.Count; n++)
        {
            var f = findings[n];
            cutRelated += f.Related.Count > MaxLocationsPerResult - 1 ? 1 : 0;
            var related = f.Related.Take(MaxLocationsPerResult - 1).Select((r, i) => Location(r.Location, i + 1, r.Message)).ToList();
            var hash = LineHash(f);
            occurrences[hash] = occurrences.GetValueOrDefault(hash) + 1;
            results.Add(new SarifResult(
                f.Rule.Id,
                ruleIndex.TryGetValue(f.Rule.Id, out var index) ? index : 0,
                f.Level.Id(),
                new SarifMessage(f.Message),
                [Location(f.Location, null, null)],
                related.Count == 0 ? null : related,
                new Dictionary<string, string>
                {
                    ["primaryLocationLineHash"] = $"{hash}:{occurrences[hash]}",
                    ["tlslintFingerprint/v1"] = fingerprints[n],
                },
                f.Endpoint is null ? null : new SarifResultProperties(f.Endpoint))
            {
                Suppressions = f.Suppression is { } s
                    ? [new SarifSuppression("inSource", "accepted", s.Justification.Length == 0 ? null : s.Justification, Location(s.Location, null, null))]
                    : null,
            });
        }

        // When something must go, the least severe results go first: level, then the rule's security-severity.
        var priority = Enumerable.Range(0, findings.Count)
            .OrderBy(i => findings[i].Level)
            .ThenByDescending(i => findings[i].Rule.SecuritySeverity ?? 0)
            .ThenBy(i => i)
            .ToList();

        var truncations = new List<string>();
        if (cutRelated > 0)
        {
            truncations.Add($"{cutRelated} {(cutRelated == 1 ? "result has" : "results have")} more than {MaxLocationsPerResult - 1} related locations; "
                + $"the SARIF log keeps the first {MaxLocationsPerResult - 1} of each (GitHub code scanning accepts {MaxLocationsPerResult} locations per result and shows 100)");
        }

        var kept = Math.Min(results.Count, MaxResults);
        if (kept < results.Count)
        {
            truncations.Add($"{results.Count} results are more than the {MaxResults} GitHub code scanning accepts in one run; the SARIF log keeps the "
                + $"{kept} most severe (GitHub stores at most 5000 of them); narrow the run with --select, --ignore, --exclude or a baseline, or upload several categories");
        }

        var json = Serialize(result, rules, Keep(results, priority, kept), truncations);
        var compressed = CompressedSize(json);
        var problems = new List<string>();
        if (compressed > MaxCompressedBytes)
        {
            // The largest number of the most severe results that still fits, found by halving (only for huge logs).
            var before = kept;
            var fits = -1;
            var (low, high) = (0, kept - 1);
            var note = new List<string>(truncations) { string.Empty };
            while (low <= high)
            {
                var mid = low + ((high - low) / 2);
                note[^1] = SizeNote(compressed, before, mid);
                if (CompressedSize(Serialize(result, rules, Keep(results, priority, mid), note)) <= MaxCompressedBytes)
                {
                    fits = mid;
                    low = mid + 1;
                }
                else
                {
                    high = mid - 1;
                }
            }

            if (fits < 0)
            {
                problems.Add($"the SARIF log is {compressed / (1024 * 1024)} MiB gzip-compressed even without results, more than the 10 MiB GitHub code scanning accepts");
            }
            else
            {
                truncations.Add(SizeNote(compressed, before, fits));
                json = Serialize(result, rules, Keep(results, priority, fits), truncations);
            }
        }

        Truncations = truncations;
        LimitProblems = problems;
        output.WriteLine(json);
    }

    private static string SizeNote(long compressed, int before, int kept) =>
        $"the SARIF log would be {compressed / (1024 * 1024)} MiB gzip-compressed, more than the 10 MiB GitHub code scanning accepts; "
        + $"it keeps the {kept} most severe of {before} results; narrow the run with --select, --ignore, --exclude or a baseline";

    /// <summary>The <paramref name="count"/> most severe results, in file order.</summary>
    private static List<SarifResult> Keep(List<SarifResult> results, List<int> priority, int count) =>
        count >= results.Count ? results : [.. priority.Take(count).Order().Select(i => results[i])];

    private string Serialize(LintResult result, List<Rule> rules, IReadOnlyList<SarifResult> results, IReadOnlyList<string> truncations)
    {
        var root = sourceRoot.EndsWith('/') ? sourceRoot : sourceRoot + "/";
        var notifications = result.Errors.Select(e => new SarifNotification(new SarifMessage(e), "error"))
            .Concat(truncations.Select(t => new SarifNotification(new SarifMessage(t), "warning")))
            .ToList();
        var run = new SarifRun(
            new SarifTool(new SarifDriver(ToolInfo.Name, ToolInfo.Version, ToolInfo.Version, ToolInfo.InformationUri,
                rules.Select(Rule).ToList())),
            [new SarifInvocation(!result.HasInputProblems, notifications)],
            new SarifAutomationDetails($"{ToolInfo.Name}/"),
            new Dictionary<string, SarifArtifactLocation> { [SourceRootId] = new(new Uri(root).AbsoluteUri) },
            results,
            "utf16CodeUnits",
            new SarifRunProperties(AssumptionText.Entries(result).ToDictionary(e => e.Key, e => new JsonAssumption(e.Version, e.Source))));
        var log = new SarifLog("https://json.schemastore.org/sarif-2.1.0.json", "2.1.0", [run]);
        return JsonSerializer.Serialize(log, SarifContext.Default.SarifLog);
    }

    private static long CompressedSize(string json)
    {
        using var counter = new CountingStream();
        using (var gzip = new System.IO.Compression.GZipStream(counter, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true))
        {
            var bytes = Encoding.UTF8.GetBytes(json);
            gzip.Write(bytes, 0, bytes.Length);
        }

        return counter.Length;
    }

    private SarifRule Rule(Rule rule)
    {
        var d = rule.Descriptor;
        var doc = docFor(rule);
        var tags = new List<string> { "security", "tls", d.Category.ToString().ToLowerInvariant() };
        tags.AddRange(d.AppliesTo.Members().Select(p => p.Id()));
        return new SarifRule(
            d.Id,
            PascalCase(d.Name),
            new SarifText(d.Title),
            new SarifText(FullDescription(doc, d.Title)),
            new SarifHelp(PlainText(doc), doc),
            helpUriFor(rule),
            new SarifConfiguration(d.DefaultLevel.Id()),
            new SarifRuleProperties(tags,
                d.SecuritySeverity?.ToString("0.0", CultureInfo.InvariantCulture),
                "high",
                d.DefaultLevel == Level.Note ? "recommendation" : d.DefaultLevel.Id()));
    }

    private static SarifArtifactLocation ArtifactLocation(string path) =>
        Path.IsPathRooted(path)
            ? new SarifArtifactLocation(new Uri(path).AbsoluteUri)
            : new SarifArtifactLocation(EscapeRelative(path), SourceRootId);

    private static SarifLocation Location(SourceLocation location, int? id, string? message)
    {
        // A finding about a whole file covers all its lines (GitHub and the validator want a region every time).
        var range = location.Range ?? WholeFile(location.File);
        var region = new SarifRegion(range.Start.Line, range.Start.Column, range.End.Line,
            range.End.Line == range.Start.Line ? Math.Max(range.End.Column, range.Start.Column + 1) : range.End.Column);
        return new SarifLocation(
            new SarifPhysicalLocation(ArtifactLocation(location.File.Path), region),
            id,
            message is null ? null : new SarifMessage(message));
    }

    private static TextRange WholeFile(SourceFile file)
    {
        var end = file.PositionAt(file.Text.Length);
        return new TextRange(file.PositionAt(0), end);
    }

    private static string EscapeRelative(string path) =>
        string.Join('/', path.Split('/').Select(Uri.EscapeDataString));

    /// <summary>
    /// A fingerprint that survives lines inserted above the finding: the rule, the file and the text of the primary
    /// line with whitespace folded (a counter after the colon tells identical lines apart).
    /// </summary>
    private static string LineHash(Finding f)
    {
        var text = f.Location.Range is { } r ? LineText(f.Location.File, r.Start.Line) : string.Empty;
        var folded = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes($"{f.Rule.Id}\0{f.Location.File.Path}\0{folded}"));
        return Convert.ToHexStringLower(bytes, 0, 8);
    }

    private static string LineText(SourceFile file, int line)
    {
        var range = file.LineRange(line);
        return file.Text[range.Start.Offset..range.End.Offset];
    }

    private static string FullDescription(string doc, string fallback)
    {
        var start = doc.IndexOf("## What it does", StringComparison.Ordinal);
        if (start < 0)
        {
            return fallback;
        }

        var body = doc[(start + "## What it does".Length)..];
        var end = body.IndexOf("\n## ", StringComparison.Ordinal);
        var text = (end < 0 ? body : body[..end]).Trim();
        return string.Join(' ', text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
    }

    private static string PlainText(string markdown) =>
        markdown.Replace("```", string.Empty, StringComparison.Ordinal).Replace("`", string.Empty, StringComparison.Ordinal);

    private static string PascalCase(string kebab) =>
        string.Concat(kebab.Split('-').Select(w => w.Length == 0 ? w : char.ToUpperInvariant(w[0]) + w[1..]));
}
