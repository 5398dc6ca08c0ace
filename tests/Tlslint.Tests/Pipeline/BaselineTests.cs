using System.Text.Json;
using Tlslint.Cli;

namespace Tlslint.Tests.Pipeline;

/// <summary><c>--write-baseline</c> and <c>--baseline</c>: accepted findings stay accepted when lines move.</summary>
public sealed class BaselineTests
{
    private const string Weak =
        "compatibility_level = 3.6\n" +
        "smtpd_tls_security_level = may\n" +
        "smtpd_tls_protocols = !SSLv2\n";

    private TempTree _tree = null!;

    [SetUp]
    public void CreateTree() => _tree = new TempTree();

    [TearDown]
    public void DeleteTree() => _tree.Dispose();

    [Test]
    public void A_baseline_accepts_todays_findings_even_after_lines_are_inserted_above_them()
    {
        _tree.Write("postfix/main.cf", Weak);
        var baseline = _tree.PathOf("tlslint-baseline.json");
        var write = Run("--write-baseline", baseline, _tree.PathOf("postfix"));
        Assert.That(write.Code, Is.Zero, write.Err);
        Assert.That(write.Err, Does.Contain("wrote"));
        using (var doc = JsonDocument.Parse(File.ReadAllText(baseline)))
        {
            var entries = doc.RootElement.GetProperty("findings").EnumerateArray().ToList();
            Assert.That(entries, Is.Not.Empty);
            Assert.That(entries.Select(e => e.GetProperty("file").GetString()), Has.All.EqualTo("postfix/main.cf"));
        }

        _tree.Write("postfix/main.cf", "# moved down by a comment\nmyhostname = mx.example.org\n\n" + Weak);
        var again = Run("--baseline", baseline, _tree.PathOf("postfix"), "--format", "json");
        Assert.That(again.Code, Is.Zero, again.Out);
        using var json = JsonDocument.Parse(again.Out);
        Assert.That(json.RootElement.GetProperty("findings").GetArrayLength(), Is.Zero);
        Assert.That(json.RootElement.GetProperty("summary").GetProperty("baselined").GetInt32(), Is.GreaterThan(0));
    }

    [Test]
    public void A_new_finding_is_reported_despite_the_baseline_and_the_run_may_start_elsewhere()
    {
        _tree.Write("postfix/main.cf", Weak);
        var baseline = _tree.PathOf("tlslint-baseline.json");
        Assert.That(Run("--write-baseline", baseline, _tree.PathOf("postfix")).Code, Is.Zero);

        _tree.Write("postfix/main.cf", Weak + "tls_preempt_cipherlist = no\nsmtpd_use_tls = yes\n");
        var previous = Environment.CurrentDirectory;
        Environment.CurrentDirectory = _tree.PathOf("postfix");
        try
        {
            var r = Run("--baseline", baseline, ".", "--format", "json");
            using var json = JsonDocument.Parse(r.Out);
            var lines = json.RootElement.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("startLine").GetInt32()).ToList();
            Assert.That(lines, Is.Not.Empty, "the new lines must be reported");
            Assert.That(lines, Has.All.GreaterThan(3), "the accepted findings on lines 1-3 must not be");
        }
        finally
        {
            Environment.CurrentDirectory = previous;
        }
    }

    [Test]
    public void A_missing_or_foreign_baseline_is_a_usage_error()
    {
        _tree.Write("main.cf", Weak);
        Assert.That(Run("--baseline", _tree.PathOf("none.json"), _tree.Root).Code, Is.EqualTo(2));
        _tree.Write("other.json", "{\"x\": 1}");
        var r = Run("--baseline", _tree.PathOf("other.json"), _tree.Root);
        Assert.That(r.Code, Is.EqualTo(2));
        Assert.That(r.Err, Does.Contain("not a tlslint baseline"));
    }

    private static CliOutcome Run(params string[] args) => CliOutcome.Run([.. args, "--no-config"]);
}
