using System.Diagnostics;
using Tlslint.Analysis;
using Tlslint.Rules;

namespace Tlslint.Tests.Apache;

/// <summary>Hostile or broken httpd trees: located diagnostics, bounded time, and the rest still linted.</summary>
public sealed class ApacheBadInputTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);

    private static (LintResult Result, TimeSpan Elapsed) Lint(TempTree tree, params string[] rules)
    {
        var watch = Stopwatch.StartNew();
        var result = Linter.Run(new LintRequest
        {
            Paths = [tree.Root],
            Rules = rules.Length == 0 ? RuleCatalog.All : rules.Select(r => RuleCatalog.Find(r)!).ToList(),
            WorkingDirectory = tree.Root,
        });
        return (result, watch.Elapsed);
    }

    private static List<string> Findings(LintResult result, string rule) =>
        result.Findings.Where(f => f.Rule.Id == rule).Select(f => $"{f.Location.File.Path}:{f.Location.Line}").ToList();

    [Test]
    public void Unclosed_sections_are_located_and_the_other_files_still_linted()
    {
        using var tree = new TempTree();
        tree.Write("apache2.conf", "Listen 443\nInclude sites/*.conf\n");
        tree.Write("sites/a.conf", "<VirtualHost *:443>\n    SSLEngine on\n    <Directory /var/www>\n");
        tree.Write("sites/b.conf", "<VirtualHost *:443>\n    SSLEngine on\n    SSLProtocol all\n</VirtualHost>\n");

        var (result, elapsed) = Lint(tree, "TLS001", "TLS101");

        Assert.That(Findings(result, "TLS001"), Is.EquivalentTo(new[] { "sites/a.conf:1", "sites/a.conf:3" }));
        Assert.That(Findings(result, "TLS101"), Is.EqualTo(new[] { "sites/b.conf:3" }));
        Assert.That(elapsed, Is.LessThan(Bound));
    }

    [Test]
    public void A_file_that_includes_itself_through_a_wildcard_is_one_cycle_finding()
    {
        using var tree = new TempTree();
        tree.Write("apache2.conf", "Listen 443\nInclude conf.d/*.conf\n");
        tree.Write("conf.d/self.conf", "SSLEngine on\nInclude conf.d/*.conf\n");

        var (result, elapsed) = Lint(tree, "TLS003", "TLS102");

        Assert.That(Findings(result, "TLS003"), Is.EqualTo(new[] { "conf.d/self.conf:2" }));
        Assert.That(Findings(result, "TLS102"), Is.Not.Empty, "the main server is still linted");
        Assert.That(elapsed, Is.LessThan(Bound));
    }

    [Test]
    public void A_fifo_inside_an_included_directory_is_reported_and_never_opened()
    {
        if (!OperatingSystem.IsLinux())
        {
            Assert.Ignore("FIFOs are made with mkfifo(1)");
        }

        using var tree = new TempTree();
        tree.Write("apache2.conf", "Listen 443\nSSLEngine on\nInclude conf.d\n");
        tree.Write("conf.d/10-tls.conf", "SSLProtocol all\n");
        var fifo = tree.PathOf("conf.d/20-pipe.conf");
        var (code, _, error) = ExternalTool.Run("mkfifo", [fifo], TimeSpan.FromSeconds(10));
        Assert.That(code, Is.Zero, error);

        var (result, elapsed) = Lint(tree, "TLS004", "TLS101");

        Assert.That(Findings(result, "TLS004"), Is.EqualTo(new[] { "conf.d/20-pipe.conf:1" }));
        Assert.That(Findings(result, "TLS101"), Is.EqualTo(new[] { "conf.d/10-tls.conf:1" }));
        Assert.That(elapsed, Is.LessThan(Bound));
    }

    [Test]
    public void A_twenty_megabyte_include_is_refused_with_a_finding()
    {
        using var tree = new TempTree();
        tree.Write("apache2.conf", "Listen 443\nSSLEngine on\nSSLProtocol all\nInclude huge.conf\n");
        var line = "# " + new string('x', 1022) + "\n";
        using (var writer = new StreamWriter(tree.PathOf("huge.conf")))
        {
            for (var i = 0; i < 20 * 1024; i++)
            {
                writer.Write(line);
            }
        }

        var (result, elapsed) = Lint(tree, "TLS004", "TLS101");

        Assert.That(Findings(result, "TLS004"), Is.EqualTo(new[] { "huge.conf:1" }));
        Assert.That(Findings(result, "TLS101"), Is.EqualTo(new[] { "apache2.conf:3" }));
        Assert.That(elapsed, Is.LessThan(Bound));
    }

    [Test]
    public void Five_thousand_nested_IfModule_sections_are_read_without_recursion()
    {
        using var tree = new TempTree();
        const int depth = 5000;
        var text = "Listen 443\n" + string.Concat(Enumerable.Repeat("<IfModule ssl_module>\n", depth))
                   + "SSLEngine on\nSSLProtocol all\n" + string.Concat(Enumerable.Repeat("</IfModule>\n", depth));
        tree.Write("apache2.conf", text);

        var (result, elapsed) = Lint(tree);

        Assert.That(result.Findings.Where(f => f.Rule.Id == "TLS001"), Is.Empty);
        Assert.That(Findings(result, "TLS101"), Is.EqualTo(new[] { $"apache2.conf:{depth + 3}" }));
        Assert.That(elapsed, Is.LessThan(Bound));
    }

    [Test]
    public void Five_thousand_nested_sections_with_one_end_missing_report_one_unclosed_section()
    {
        using var tree = new TempTree();
        const int depth = 5000;
        var text = string.Concat(Enumerable.Repeat("<IfDefine !NOPE>\n", depth)) + "SSLEngine on\n"
                   + string.Concat(Enumerable.Repeat("</IfDefine>\n", depth - 1));
        tree.Write("apache2.conf", text);

        var (result, elapsed) = Lint(tree, "TLS001");

        Assert.That(Findings(result, "TLS001"), Is.EqualTo(new[] { "apache2.conf:1" }));
        Assert.That(elapsed, Is.LessThan(Bound));
    }
}
