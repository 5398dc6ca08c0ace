using System.Diagnostics;
using Tlslint.Analysis;
using Tlslint.Rules;

namespace Tlslint.Tests;

/// <summary>Hostile or broken Dovecot input: located diagnostics, bounded time, and the rest of the tree still linted.</summary>
public sealed class DovecotBadInputTests
{
    /// <summary>The line every case ends with; its TLS102 finding proves that linting went on.</summary>
    private const string Tail = "ssl_min_protocol = TLSv1\n";

    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);

    private static List<string> Lint(TempTree tree)
    {
        var rules = new[] { "TLS001", "TLS002", "TLS003", "TLS004", "TLS102" }.Select(id => RuleCatalog.Find(id)!).ToList();
        var watch = Stopwatch.StartNew();
        var result = Linter.Run(new LintRequest { Paths = [tree.Root], Rules = rules, WorkingDirectory = tree.Root });
        Assert.That(watch.Elapsed, Is.LessThan(Bound));
        return result.Findings.Select(f => $"{f.Rule.Id} {f.Location.File.Path}:{(f.Location.Range is null ? 0 : f.Location.Line)}").ToList();
    }

    [Test]
    public void Unbalanced_braces_are_located_and_the_rest_is_linted()
    {
        using var tree = new TempTree();
        tree.Write("dovecot.conf", "protocols = imap\n}\nprotocol imap {\n  ssl = required\n" + Tail);

        Assert.That(Lint(tree), Is.EquivalentTo(new[] { "TLS001 dovecot.conf:2", "TLS001 dovecot.conf:3", "TLS102 dovecot.conf:5" }));
    }

    [Test]
    public void Include_of_dev_zero_is_refused_at_the_include()
    {
        using var tree = new TempTree();
        tree.Write("dovecot.conf", "protocols = imap\n!include /dev/zero\n" + Tail);

        Assert.That(Lint(tree), Is.EquivalentTo(new[] { "TLS004 dovecot.conf:2", "TLS102 dovecot.conf:3" }));
    }

    [Test]
    public void Include_of_a_fifo_does_not_block()
    {
        if (!OperatingSystem.IsLinux())
        {
            Assert.Ignore("FIFOs are made with mkfifo(1) on Linux");
        }

        using var tree = new TempTree();
        tree.Write("dovecot.conf", "protocols = imap\n!include conf.d/*.conf\n" + Tail);
        Directory.CreateDirectory(tree.PathOf("conf.d"));
        var mkfifo = ExternalTool.Run("mkfifo", [tree.PathOf("conf.d/10-ssl.conf")], TimeSpan.FromSeconds(10));
        Assert.That(mkfifo.ExitCode, Is.Zero, mkfifo.Error);

        Assert.That(Lint(tree), Is.EquivalentTo(new[] { "TLS004 dovecot.conf:2", "TLS102 dovecot.conf:3" }));
    }

    [Test]
    public void A_20_MB_include_is_refused()
    {
        using var tree = new TempTree();
        tree.Write("dovecot.conf", "protocols = imap\n!include big.conf\n" + Tail);
        using (var big = File.CreateText(tree.PathOf("big.conf")))
        {
            var line = "mail_location = maildir:~/Maildir\n";
            for (var written = 0L; written < 20L * 1024 * 1024; written += line.Length)
            {
                big.Write(line);
            }
        }

        Assert.That(Lint(tree), Is.EquivalentTo(new[] { "TLS004 dovecot.conf:2", "TLS102 dovecot.conf:3" }));
    }

    [Test]
    public void Five_thousand_nested_sections_cost_no_stack()
    {
        using var tree = new TempTree();
        const int depth = 5000;
        tree.Write("dovecot.conf", "protocols = imap\n" + string.Concat(Enumerable.Repeat("plugin {\n", depth)) + "x = y\n"
            + string.Concat(Enumerable.Repeat("}\n", depth)) + Tail);

        Assert.That(Lint(tree), Is.EqualTo(new[] { $"TLS102 dovecot.conf:{2 * depth + 3}" }));
    }

    [Test]
    public void Five_thousand_unclosed_sections_are_reported_without_recursion()
    {
        using var tree = new TempTree();
        tree.Write("dovecot.conf", "protocols = imap\n" + Tail + string.Concat(Enumerable.Repeat("plugin {\n", 5000)));

        var findings = Lint(tree);
        Assert.That(findings.Count(f => f.StartsWith("TLS001", StringComparison.Ordinal)), Is.EqualTo(5000));
        Assert.That(findings, Does.Contain("TLS102 dovecot.conf:2"));
    }

    [Test]
    public void Byte_order_mark_and_crlf()
    {
        using var tree = new TempTree();
        tree.WriteBytes("dovecot.conf", [0xEF, 0xBB, 0xBF, .. "protocols = imap\r\nssl = yes\r\n"u8, .. "ssl_min_protocol = TLSv1\r\n"u8]);

        Assert.That(Lint(tree), Is.EquivalentTo(new[] { "TLS001 dovecot.conf:1", "TLS102 dovecot.conf:3" }));
    }

    [Test]
    public void Include_cycles_through_a_glob_and_a_relative_path()
    {
        using var tree = new TempTree();
        tree.Write("dovecot.conf", "protocols = imap\n!include conf.d/*.conf\n" + Tail);
        tree.Write("conf.d/a.conf", "!include ../dovecot.conf\n!include *.conf\n");

        Assert.That(Lint(tree), Is.EquivalentTo(new[] { "TLS003 conf.d/a.conf:1", "TLS003 conf.d/a.conf:2", "TLS102 dovecot.conf:3" }));
    }

    [Test]
    public void Includes_that_multiply_are_cut_off()
    {
        using var tree = new TempTree();
        tree.Write("dovecot.conf", "protocols = imap\n!include a.inc\n" + Tail);
        for (var i = 0; i < 20; i++)
        {
            tree.Write($"{(char)('a' + i)}.inc", $"!include {(char)('a' + i + 1)}.inc\n!include {(char)('a' + i + 1)}.inc\n");
        }

        tree.Write("u.inc", "mail_location = maildir:~/Maildir\n");
        var findings = Lint(tree);
        Assert.That(findings.Any(f => f.StartsWith("TLS001", StringComparison.Ordinal)), Is.True);
        Assert.That(findings, Does.Contain("TLS102 dovecot.conf:3"));
    }
}
