using System.Text.Json;
using Tlslint.Cli;
using Tlslint.Configuration;

namespace Tlslint.Tests.Configuration;

/// <summary><c>.tlslint.yaml</c>: found upward, strict about keys, overridden by flags.</summary>
public sealed class ProjectConfigTests
{
    /// <summary>SSLv3 left on (TLS101 error at line 2) and TLS 1.0/1.1 (TLS102 warnings).</summary>
    private const string SslV3 = "smtpd_tls_security_level = may\nsmtpd_tls_protocols = !SSLv2\n";

    private TempTree _tree = null!;

    [SetUp]
    public void CreateTree()
    {
        _tree = new TempTree();
        Directory.CreateDirectory(_tree.PathOf(".git")); // the search stops at the top of a work tree
    }

    [TearDown]
    public void DeleteTree() => _tree.Dispose();

    [Test]
    public void The_nearest_file_above_the_linted_path_is_used()
    {
        _tree.Write(".tlslint.yaml", "ignore: [TLS101]\n");
        _tree.Write("etc/postfix/main.cf", SslV3);
        Assert.That(RuleIds(_tree.PathOf("etc/postfix")), Has.No.Member("TLS101").And.Member("TLS102"));
    }

    [Test]
    public void The_search_stops_at_the_top_of_a_git_work_tree()
    {
        _tree.Write("repo/.git/HEAD", "ref: refs/heads/main\n");
        _tree.Write(".tlslint.yaml", "ignore: [TLS101]\n");
        _tree.Write("repo/postfix/main.cf", SslV3);
        Assert.That(ProjectConfigReader.Find(_tree.PathOf("repo/postfix")), Is.Null);
        Assert.That(RuleIds(_tree.PathOf("repo/postfix")), Has.Member("TLS101"));
    }

    [Test]
    public void An_unknown_key_is_an_error_with_its_line_and_a_suggestion()
    {
        _tree.Write(".tlslint.yaml", "profile: modern\n# comment\nignroe: [TLS101]\n");
        _tree.Write("main.cf", SslV3);
        var r = Run(_tree.Root);
        Assert.That(r.Code, Is.EqualTo(2));
        Assert.That(r.Err, Does.Contain(".tlslint.yaml:3:1: unknown key `ignroe` (did you mean `ignore`?)"));
    }

    [Test]
    public void Values_of_the_wrong_kind_and_bad_yaml_are_errors_with_lines()
    {
        _tree.Write(".tlslint.yaml", "profile: strict\nfail-on: [error]\nrules:\n  TLS101: loud\n");
        _tree.Write("main.cf", SslV3);
        var r = Run(_tree.Root);
        Assert.That(r.Code, Is.EqualTo(2));
        Assert.That(r.Err, Does.Contain(":1:10: profile `strict`").And.Contain(":2:10: `fail-on` takes a single value").And.Contain(":4:11: level `loud`"));

        _tree.Write(".tlslint.yaml", "select: [TLS1\n");
        var bad = Run(_tree.Root);
        Assert.That(bad.Code, Is.EqualTo(2));
        Assert.That(bad.Err, Does.Contain("not valid YAML"));
    }

    [Test]
    public void Rule_levels_and_off_change_what_is_reported()
    {
        _tree.Write(".tlslint.yaml", "rules:\n  TLS101: note\n  legacy-tls-enabled: off\n");
        _tree.Write("main.cf", SslV3);
        var r = Run(_tree.Root, "--format", "json");
        var findings = Findings(r);
        Assert.That(findings.Where(f => f.Rule == "TLS101").Select(f => f.Level), Is.Not.Empty.And.All.EqualTo("note"));
        Assert.That(findings.Select(f => f.Rule), Has.No.Member("TLS102"));
    }

    [Test]
    public void Fail_on_from_the_file_is_overridden_by_the_flag()
    {
        _tree.Write(".tlslint.yaml", "fail-on: none\n");
        _tree.Write("main.cf", SslV3);
        Assert.That(Run(_tree.Root).Code, Is.Zero);
        Assert.That(Run(_tree.Root, "--fail-on", "error").Code, Is.EqualTo(1));
    }

    [Test]
    public void Select_from_the_file_is_overridden_by_the_flag()
    {
        _tree.Write(".tlslint.yaml", "select: TLS102\n");
        _tree.Write("main.cf", SslV3);
        Assert.That(RuleIds(_tree.Root), Is.EquivalentTo(new[] { "TLS102" }));
        Assert.That(RuleIds(_tree.Root, "--select", "TLS101"), Is.EquivalentTo(new[] { "TLS101" }));
    }

    [Test]
    public void Profile_and_assume_reach_the_assumptions_and_flags_win()
    {
        _tree.Write(".tlslint.yaml", "profile: ncsc-2025\nassume:\n  postfix: \"3.5\"\n  openssl: \"1.1.1\"\n");
        _tree.Write("main.cf", SslV3);
        var assumptions = Assumptions(Run(_tree.Root, "--format", "json"));
        Assert.That(assumptions["profile"], Is.EqualTo("ncsc-2025"));
        Assert.That(assumptions["postfix"], Is.EqualTo("3.5"));
        Assert.That(assumptions["openssl"], Is.EqualTo("1.1.1"));

        var overridden = Assumptions(Run(_tree.Root, "--format", "json", "--profile", "modern", "--assume", "postfix=3.9"));
        Assert.That(overridden["profile"], Is.EqualTo("modern"));
        Assert.That(overridden["postfix"], Is.EqualTo("3.9"));
    }

    [Test]
    public void An_explicit_config_file_is_read_and_no_config_reads_none()
    {
        _tree.Write(".tlslint.yaml", "ignore: [TLS101]\n");
        _tree.Write("other.yaml", "ignore: [TLS102]\n");
        _tree.Write("main.cf", SslV3);
        Assert.That(RuleIds(_tree.Root, "--config", _tree.PathOf("other.yaml")), Has.Member("TLS101").And.No.Member("TLS102"));
        Assert.That(RuleIds(_tree.Root, "--no-config"), Has.Member("TLS101").And.Member("TLS102"));
    }

    [Test]
    public void Exclude_and_root_are_read()
    {
        _tree.Write(".tlslint.yaml", "exclude: ['old/**']\nroot: copy\n");
        _tree.Write("old/main.cf", SslV3);
        _tree.Write("copy/etc/ssl/x", "x");
        _tree.Write("cur/main.cf", "smtpd_tls_security_level = may\n");
        var r = Run(_tree.Root, "--format", "json");
        Assert.That(Findings(r).Select(f => f.File), Has.None.StartsWith("old/"), r.Err);
    }

    private sealed record F(string Rule, string Level, string File);

    private CliOutcome Run(params string[] args) => CliOutcome.RunIn(_tree.Root, args);

    /// <summary>The rules reported when run with these arguments (as JSON).</summary>
    private List<string> RuleIds(params string[] args)
    {
        var r = Run([.. args, "--format", "json"]);
        Assert.That(r.Code, Is.AnyOf(0, 1), r.Err);
        return Findings(r).Select(f => f.Rule).Distinct().ToList();
    }

    private static List<F> Findings(CliOutcome r)
    {
        using var doc = JsonDocument.Parse(r.Out);
        return doc.RootElement.GetProperty("findings").EnumerateArray()
            .Select(f => new F(f.GetProperty("ruleId").GetString()!, f.GetProperty("level").GetString()!, f.GetProperty("file").GetString()!))
            .ToList();
    }

    private static Dictionary<string, string> Assumptions(CliOutcome r)
    {
        using var doc = JsonDocument.Parse(r.Out);
        return doc.RootElement.GetProperty("assumptions").EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value.GetProperty("version").GetString()!);
    }
}
