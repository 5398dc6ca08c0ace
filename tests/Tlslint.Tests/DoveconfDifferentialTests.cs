using Tlslint.Analysis;
using Tlslint.Model;

namespace Tlslint.Tests;

/// <summary>
/// Runs Debian's <c>doveconf -a -P</c> (packages dovecot-core, dovecot-imapd, dovecot-pop3d) over every Dovecot tree
/// in fixtures/ and the corpus, and compares with tlslint's reading: the global value of every modelled TLS and
/// authentication setting, every such setting inside filters, and the set of listeners with port and ssl flag.
/// </summary>
public sealed class DoveconfDifferentialTests
{
    private static readonly Lazy<string?> Doveconf = new(() =>
        new[] { "/usr/bin/doveconf", "/usr/sbin/doveconf" }.FirstOrDefault(File.Exists));

    private static readonly Lazy<ProductVersion> InstalledVersion = new(() =>
    {
        var (_, output, _) = ExternalTool.Run(Doveconf.Value!, ["-c", "/dev/null", "-n"], TimeSpan.FromSeconds(30));
        // "# 2.3.19.1 (9b53102964): /dev/null"
        var version = output.Split('\n')[0].TrimStart('#', ' ').Split(' ')[0];
        return ProductVersion.TryParse(string.Join('.', version.Split('.').Take(3)), out var v) ? v : new ProductVersion(2, 3, 19);
    });

    public static IEnumerable<TestCaseData> Trees()
    {
        var roots = new List<(string Label, string Root)> { ("fixtures", TestPaths.Fixtures) };
        if (TestPaths.Corpus is { } corpus)
        {
            roots.Add(("corpus", corpus));
        }

        foreach (var (label, root) in roots)
        {
            foreach (var conf in DovecotTreeFacts.Trees(root))
            {
                yield return new TestCaseData(conf).SetName($"doveconf agrees: {label}/{Path.GetRelativePath(root, conf)}");
            }
        }
    }

    [TestCaseSource(nameof(Trees))]
    public void Doveconf_agrees_with_the_parser(string conf)
    {
        var doveconf = RequireDoveconf();
        if (File.ReadLines(conf).Any(l => l.TrimStart().StartsWith("dovecot_config_version", StringComparison.Ordinal)))
        {
            Assert.Ignore($"a Dovecot 2.4 tree; the installed doveconf is {InstalledVersion.Value}");
        }

        var facts = DovecotTreeFacts.Load(conf, InstalledVersion.Value, debianBuild: true);
        // Unlike Postfix, Dovecot refuses to start on a setting name it does not know.
        var fatal = facts.Diagnostics.Where(d => d.Fatal).Select(d => $"{d.Location}: {d.Message}")
            .Concat(facts.Config.Directives.Where(d => d.Knowledge.Status is NameStatus.Unknown or NameStatus.TooNew)
                .Select(d => $"{d.NameLocation}: unknown setting {d.Name}"))
            .ToList();
        var run = ExternalTool.Run(doveconf, ["-c", conf, "-a", "-P"], TimeSpan.FromSeconds(30));
        if (run.ExitCode != 0)
        {
            Assert.That(fatal, Is.Not.Empty, $"doveconf failed but tlslint found nothing fatal:\n{run.Error}");
            return;
        }

        Assert.That(fatal, Is.Empty, "tlslint reports a fatal problem that doveconf accepts");
        var oracle = DovecotTreeFacts.ParseDoveconf(run.Output);

        var ours = DovecotTreeFacts.Globals(facts.Config);
        var theirs = ours.Keys.Where(oracle.ContainsKey).ToDictionary(k => k, k => oracle[k]);
        Assert.That(ours.Where(kv => oracle.ContainsKey(kv.Key)), Is.EquivalentTo(theirs), "global values differ from doveconf -a");

        var filters = DovecotTreeFacts.FilterValues(facts.Config);
        var oracleFilters = oracle.Where(kv => IsFilterPath(kv.Key) && DovecotTreeFacts.ModelledSettings.Contains(kv.Key.Split('/')[^1]))
            .ToDictionary(kv => kv.Key, kv => kv.Value);
        Assert.That(filters, Is.EquivalentTo(oracleFilters), "filter values differ from doveconf -a");

        Assert.That(DovecotTreeFacts.Listeners(facts.Endpoints), Is.EqualTo(DovecotTreeFacts.DoveconfListeners(oracle)),
            "listeners differ from the services doveconf -a lists");
        TestContext.Out.WriteLine($"compared {theirs.Count} global values, {filters.Count} filter values, {facts.Endpoints.Count} endpoints");
    }

    private static bool IsFilterPath(string key) =>
        key.StartsWith("protocol ", StringComparison.Ordinal) || key.StartsWith("local ", StringComparison.Ordinal)
        || key.StartsWith("local_name ", StringComparison.Ordinal) || key.StartsWith("remote ", StringComparison.Ordinal);

    private static string RequireDoveconf()
    {
        if (Doveconf.Value is { } path)
        {
            return path;
        }

        if (Environment.GetEnvironmentVariable("CI") == "true")
        {
            Assert.Fail("doveconf is not installed; .ci/run installs the Debian packages dovecot-core, dovecot-imapd and dovecot-pop3d for this test");
        }

        Assert.Ignore("doveconf is not installed (apt-get install dovecot-core dovecot-imapd dovecot-pop3d): the differential test needs the real Dovecot");
        return null!;
    }
}
