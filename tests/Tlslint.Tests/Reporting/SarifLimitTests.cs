using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Tlslint.Analysis;
using Tlslint.Model;
using Tlslint.Reporting;
using Tlslint.Rules;
using Tlslint.Text;

namespace Tlslint.Tests.Reporting;

/// <summary>
/// The SARIF writer driven over each of GitHub code scanning's limits: it keeps the log uploadable by leaving out the
/// least severe results (or related locations), and says so in the run's notifications and on stderr.
/// </summary>
public sealed class SarifLimitTests
{
    private static readonly Rule Error = RuleCatalog.Find("TLS101")!;
    private static readonly Rule Warning = RuleCatalog.Find("TLS102")!;
    private static readonly Rule Note = RuleCatalog.Find("TLS206")!;

    [Test]
    public void More_than_25000_results_keep_the_25000_most_severe_with_a_notification()
    {
        var file = Lines(25_010);
        var findings = new List<Finding>();
        for (var line = 1; line <= 25_010; line++)
        {
            // Ten notes spread through the file are what must go; errors and warnings all stay.
            var rule = line % 2_500 == 0 ? Note : line % 2 == 0 ? Warning : Error;
            findings.Add(At(rule, file, line, $"finding {line}"));
        }

        var (writer, doc) = Write(findings);
        var run = doc.RootElement.GetProperty("runs")[0];
        var results = run.GetProperty("results").EnumerateArray().ToList();
        Assert.That(results, Has.Count.EqualTo(SarifReportWriter.MaxResults));
        Assert.That(results.Select(r => r.GetProperty("level").GetString()), Has.None.EqualTo("note"), "the least severe go first");
        var lines = results.Select(r => r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32()).ToList();
        Assert.That(lines, Is.Ordered, "kept results stay in file order");
        Assert.That(writer.Truncations, Has.Count.EqualTo(1));
        Assert.That(writer.Truncations[0], Does.Contain("25010 results").And.Contain("keeps the 25000 most severe"));
        Assert.That(writer.LimitProblems, Is.Empty);
        Assert.That(Notifications(run), Is.EqualTo(new[] { ("warning", writer.Truncations[0]) }));
    }

    [Test]
    public void A_result_with_more_than_999_related_locations_keeps_the_first_999()
    {
        var file = Lines(1_600);
        var related = Enumerable.Range(2, 1_500).Select(l => new RelatedLocation(new SourceLocation(file, file.LineRange(l)), $"used by service {l}")).ToList();
        var findings = new List<Finding>
        {
            At(Warning, file, 1, "shared setting") with { Related = related },
            At(Warning, file, 1_600, "small one") with { Related = related.Take(3).ToList() },
        };

        var (writer, doc) = Write(findings);
        var run = doc.RootElement.GetProperty("runs")[0];
        var results = run.GetProperty("results").EnumerateArray().ToList();
        Assert.That(results, Has.Count.EqualTo(2));
        var kept = results[0].GetProperty("relatedLocations").EnumerateArray().ToList();
        Assert.That(kept, Has.Count.EqualTo(SarifReportWriter.MaxLocationsPerResult - 1), "with the primary location: 1000, GitHub's limit");
        Assert.That(kept[0].GetProperty("message").GetProperty("text").GetString(), Is.EqualTo("used by service 2"), "the first ones are kept");
        Assert.That(results[1].GetProperty("relatedLocations").GetArrayLength(), Is.EqualTo(3));
        Assert.That(writer.Truncations, Has.Count.EqualTo(1));
        Assert.That(writer.Truncations[0], Does.StartWith("1 result has more than 999 related locations"));
        Assert.That(Notifications(run).Select(n => n.Level), Is.EqualTo(new[] { "warning" }));
    }

    [Test]
    public void A_log_over_10_MiB_compressed_keeps_the_most_severe_results_that_fit()
    {
        // Messages that gzip cannot shrink much (random hex, about 2:1): 1,600 results of 16 KiB come to about 13 MiB.
        var file = Lines(1_600);
        var findings = Enumerable.Range(1, 1_600)
            .Select(line => At(line <= 400 ? Error : Note, file, line, Convert.ToHexString(RandomNumberGenerator.GetBytes(8 * 1024))))
            .ToList();

        var (writer, doc, json) = WriteWithText(findings);
        var size = Compressed(json);
        Assert.That(size, Is.LessThanOrEqualTo(SarifReportWriter.MaxCompressedBytes));
        Assert.That(size, Is.GreaterThan(SarifReportWriter.MaxCompressedBytes * 9 / 10), "as many results as fit are kept");
        var run = doc.RootElement.GetProperty("runs")[0];
        var results = run.GetProperty("results").EnumerateArray().ToList();
        Assert.That(results, Has.Count.LessThan(1_600).And.Count.GreaterThan(400));
        Assert.That(results.Count(r => r.GetProperty("level").GetString() == "error"), Is.EqualTo(400), "every error is kept");
        Assert.That(writer.Truncations, Has.Count.EqualTo(1));
        Assert.That(writer.Truncations[0], Does.Contain("more than the 10 MiB").And.Contain($"keeps the {results.Count} most severe of 1600 results"));
        Assert.That(Notifications(run), Is.EqualTo(new[] { ("warning", writer.Truncations[0]) }));
    }

    [Test]
    public void A_log_within_the_limits_has_no_notification_and_the_other_limits_hold()
    {
        var file = Lines(10);
        var (writer, doc) = Write([At(Error, file, 1, "one"), At(Note, file, 2, "two")]);
        var run = doc.RootElement.GetProperty("runs")[0];
        Assert.That(writer.Truncations, Is.Empty);
        Assert.That(Notifications(run), Is.Empty);

        // GitHub's other limits: 20 runs per file, 25,000 rules per run, 20 tags per rule (10 shown), no extensions.
        Assert.That(doc.RootElement.GetProperty("runs").GetArrayLength(), Is.EqualTo(1));
        var driver = run.GetProperty("tool").GetProperty("driver");
        Assert.That(run.GetProperty("tool").TryGetProperty("extensions", out _), Is.False);
        foreach (var rule in driver.GetProperty("rules").EnumerateArray())
        {
            Assert.That(rule.GetProperty("properties").GetProperty("tags").GetArrayLength(), Is.LessThanOrEqualTo(10));
        }
    }

    [Test]
    public void The_command_line_warns_on_stderr_and_keeps_its_exit_code_when_results_are_left_out()
    {
        // 25,003 lines setting the same parameter: every one but the last is a duplicate (TLS007, a warning).
        using var tree = new TempTree();
        var main = new StringBuilder("smtpd_tls_security_level = may\n");
        for (var i = 0; i < 25_003; i++)
        {
            main.Append("smtpd_tls_loglevel = 1\n");
        }

        tree.Write("main.cf", main.ToString());
        var sarif = Path.Combine(tree.Root, "out.sarif");
        var outcome = CliOutcome.RunIn(tree.Root, ".", "--select", "TLS007", "--format", "sarif", "--output", sarif);
        Assert.That(outcome.Code, Is.EqualTo(1), "findings at or above --fail-on, as without truncation: " + outcome.Err);
        Assert.That(outcome.Err, Does.Contain("tlslint: warning: 25002 results are more than the 25000 GitHub code scanning accepts in one run"));
        using var doc = JsonDocument.Parse(File.ReadAllText(sarif));
        var run = doc.RootElement.GetProperty("runs")[0];
        Assert.That(run.GetProperty("results").GetArrayLength(), Is.EqualTo(SarifReportWriter.MaxResults));
        Assert.That(run.GetProperty("invocations")[0].GetProperty("executionSuccessful").GetBoolean(), Is.True);
        Assert.That(Notifications(run).Single().Level, Is.EqualTo("warning"));

        var none = CliOutcome.RunIn(tree.Root, ".", "--select", "TLS007", "--format", "sarif", "--output", sarif, "--fail-on", "none");
        Assert.That(none.Code, Is.Zero, none.Err);
    }

    private static SourceFile Lines(int count)
    {
        var text = string.Concat(Enumerable.Range(1, count).Select(i => $"setting_{i} = value\n"));
        return new SourceFile("main.cf", "/srv/conf/main.cf", text);
    }

    private static Finding At(Rule rule, SourceFile file, int line, string message) =>
        new(rule.Descriptor, rule.Descriptor.DefaultLevel, message, new SourceLocation(file, file.LineRange(line)), [], null);

    private static (SarifReportWriter Writer, JsonDocument Doc) Write(IReadOnlyList<Finding> findings)
    {
        var (writer, doc, _) = WriteWithText(findings);
        return (writer, doc);
    }

    private static (SarifReportWriter Writer, JsonDocument Doc, string Json) WriteWithText(IReadOnlyList<Finding> findings)
    {
        var writer = new SarifReportWriter(RuleCatalog.Doc, RuleCatalog.HelpUri, "/srv/conf");
        var result = new LintResult([], findings, [], [Error, Warning, Note], Assumptions.Default);
        using var output = new StringWriter();
        writer.Write(result, output);
        var json = output.ToString();
        return (writer, JsonDocument.Parse(json), json);
    }

    private static List<(string Level, string Text)> Notifications(JsonElement run) =>
        run.GetProperty("invocations")[0].GetProperty("toolExecutionNotifications").EnumerateArray()
            .Select(n => (n.GetProperty("level").GetString()!, n.GetProperty("message").GetProperty("text").GetString()!))
            .ToList();

    private static long Compressed(string json)
    {
        using var memory = new MemoryStream();
        using (var gzip = new GZipStream(memory, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes(json));
        }

        return memory.Length;
    }
}
