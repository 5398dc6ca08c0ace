using System.Text.Json;
using Tlslint.Analysis;
using Tlslint.Cli;
using Tlslint.Rules;

namespace Tlslint.Tests.Cli;

/// <summary><c>tlslint /etc</c> as an administrator runs it: each tree once, readable text, progress on a terminal.</summary>
public sealed class EverydayUseTests
{
    private TempTree _tree = null!;

    [SetUp]
    public void CreateTree() => _tree = new TempTree();

    [TearDown]
    public void DeleteTree() => _tree.Dispose();

    [Test]
    public void A_tree_reached_through_several_symbolic_links_is_linted_once()
    {
        _tree.Write("etc/postfix/main.cf", "smtpd_tls_security_level = may\nsmtpd_tls_protocols = !SSLv2\n");
        Directory.CreateSymbolicLink(_tree.PathOf("etc/postfix-current"), _tree.PathOf("etc/postfix"));
        Directory.CreateSymbolicLink(_tree.PathOf("etc/mail"), _tree.PathOf("etc"));
        Directory.CreateSymbolicLink(_tree.PathOf("alias"), _tree.PathOf("etc/postfix"));
        var result = Linter.Run(new LintRequest
        {
            Paths = [_tree.PathOf("etc"), _tree.PathOf("alias"), _tree.PathOf("etc/postfix/main.cf")],
            Rules = RuleCatalog.All,
            WorkingDirectory = _tree.Root,
        });
        Assert.That(result.Trees, Has.Count.EqualTo(1), string.Join(", ", result.Trees.Select(t => t.Root)));
        Assert.That(result.Findings.GroupBy(f => (f.Rule.Id, f.Location.Line, f.Message)).Where(g => g.Count() > 1), Is.Empty);
    }

    [Test]
    public void An_included_file_given_alone_is_linted_with_the_tree_above_it()
    {
        // nginx is not read yet in every build: use the discovery step directly, which knows every entry file.
        _tree.Write("nginx/nginx.conf", "events {}\n");
        _tree.Write("nginx/sites-enabled/default", "server { listen 443 ssl; }\n");
        _tree.Write("httpd/conf/httpd.conf", "ServerName x\n");
        _tree.Write("httpd/conf.d/ssl.conf", "SSLEngine on\n");
        var errors = new List<string>();
        var found = Tlslint.Loading.Discovery.Find(
            [_tree.PathOf("nginx/sites-enabled/default"), _tree.PathOf("httpd/conf.d/ssl.conf")], [], _tree.Root, errors);
        Assert.That(errors, Is.Empty);
        Assert.That(found.Select(t => Path.GetFileName(t.Files[0])), Is.EquivalentTo(new[] { "nginx.conf", "httpd.conf" }));
    }

    [Test]
    public void Only_changed_reports_findings_in_the_given_files_but_reads_the_whole_tree()
    {
        _tree.Write("main.cf", "smtpd_tls_security_level = may\nsmtpd_tls_protocols = !SSLv2\n");
        _tree.Write("master.cf", "smtp inet n - y - - smtpd\nsubmission inet n - y - - smtpd\n  -o smtpd_sasl_auth_enable=yes\n");
        _tree.Write("notes.txt", "not a configuration\n");
        var (code, output, error) = Run("--only-changed", "--format", "json", _tree.PathOf("master.cf"), _tree.PathOf("notes.txt"));
        Assert.That(code, Is.EqualTo(1), error);
        using var doc = JsonDocument.Parse(output);
        var files = doc.RootElement.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("file").GetString()).Distinct().ToList();
        Assert.That(files, Has.Count.EqualTo(1).And.All.EndsWith("master.cf"));
        var rules = doc.RootElement.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("ruleId").GetString()).ToList();
        Assert.That(rules, Does.Contain("TLS403"), "the submission service inherits optional TLS from main.cf");

        var (alone, _, strayError) = Run("--only-changed", _tree.PathOf("notes.txt"));
        Assert.That(alone, Is.Zero, strayError);
    }

    [Test]
    public void Text_output_groups_by_file_and_ends_with_a_summary_by_level_and_the_explain_hint()
    {
        _tree.Write("main.cf", "smtpd_tls_security_level = may\nsmtpd_tls_protocols = !SSLv2\n");
        _tree.Write("master.cf", "smtp inet n - y - - smtpd\nsubmission inet n - y - - smtpd\n  -o smtpd_sasl_auth_enable=yes\n");
        var (_, output, _) = Run(_tree.Root);
        var lines = output.Split('\n');
        var fileOfLine = lines.Where(l => !l.StartsWith(" ", StringComparison.Ordinal)).Select(l => l.Split(':')[0]).Where(p => p.EndsWith(".cf", StringComparison.Ordinal)).ToList();
        Assert.That(fileOfLine, Is.EqualTo(fileOfLine.Order(StringComparer.Ordinal).ToList()), "findings of one file are together");
        Assert.That(output, Does.Match(@"\d+ findings in 2 files: \d+ errors?, \d+ warnings?, \d+ notes?"));
        Assert.That(output, Does.Contain("tlslint explain TLS"));
        Assert.That(output, Does.Not.Contain("\u001b["), "no colour when not on a terminal");
    }

    [Test]
    public void Progress_appears_only_on_a_terminal_after_the_delay_and_is_erased()
    {
        using var quiet = new StringWriter();
        using (var display = new ProgressDisplay(quiet, terminal: false, TimeSpan.Zero))
        {
            display.Report(1, 2);
            Thread.Sleep(300);
        }

        Assert.That(quiet.ToString(), Is.Empty);

        using var terminal = new StringWriter();
        using (var display = new ProgressDisplay(terminal, terminal: true, TimeSpan.FromHours(1)))
        {
            display.Report(1, 2);
        }

        Assert.That(terminal.ToString(), Is.Empty, "a fast run shows nothing");

        using var slow = new StringWriter();
        using (var display = new ProgressDisplay(slow, terminal: true, TimeSpan.Zero))
        {
            display.Report(3, 12);
            display.Paint();
        }

        Assert.That(slow.ToString(), Does.Contain("3/12 configuration trees linted").And.EndWith("\r\u001b[K"));
    }

    private static CliOutcome Run(params string[] args) => CliOutcome.Run([.. args, "--no-config"]);
}
