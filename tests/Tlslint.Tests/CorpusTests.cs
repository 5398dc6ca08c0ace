using Tlslint.Analysis;
using Tlslint.Model.Postfix;
using Tlslint.Rules;

namespace Tlslint.Tests;

/// <summary>Real configurations written by others (../shared/corpus) parse, and agree with the oracle dumps.</summary>
public sealed class CorpusTests
{
    /// <summary>Corpus files that are templates, not configurations: their placeholders are rightly parse errors.</summary>
    private static readonly Dictionary<string, string> KnownTemplates = new(StringComparer.Ordinal)
    {
        ["public/iredmail__iRedMail/samples/postfix/master.cf"] =
            "iRedMail's installer replaces PH_* placeholders (e.g. the maxproc field PH_AMAVISD_MAX_SERVERS); postconf rejects the raw sample too",
    };

    [Test]
    public void Every_postfix_tree_in_the_corpus_parses_without_TLS001()
    {
        var corpus = TestPaths.RequireCorpus();
        var result = Linter.Run(new LintRequest
        {
            Paths = [corpus],
            Rules = [RuleCatalog.Find("TLS001")!],
            WorkingDirectory = corpus,
        });
        Assert.That(result.Trees.Count(t => t.Product == Tlslint.Model.Product.Postfix), Is.GreaterThanOrEqualTo(8));
        // Other products have their own corpus tests (Apache: ApacheCorpusTests, which restores the corpus's symlinks first).
        var postfix = result.Findings.Where(f => IsPostfixFile(f.Location.File.Path));
        var unexpected = postfix.Where(f => !KnownTemplates.ContainsKey(f.Location.File.Path)).ToList();
        Assert.That(unexpected.Select(f => $"{f.Location}: {f.Message}"), Is.Empty);
        foreach (var template in KnownTemplates.Keys)
        {
            Assert.That(postfix.Any(f => f.Location.File.Path == template), Is.True,
                $"{template} is listed as a known template but parses cleanly now: remove it from the list");
        }
    }

    private static bool IsPostfixFile(string path) => Path.GetFileName(path) is "main.cf" or "master.cf";

    [Test]
    public void Debian12_main_cf_equals_postconf_n()
    {
        var corpus = TestPaths.RequireCorpus();
        var dir = Path.Combine(corpus, "debian12", "postfix");
        var oracle = PostfixTreeFacts.ParsePostconfOutput(File.ReadAllText(Path.Combine(corpus, "debian12", "oracle", "postconf-n.txt")));
        oracle.Remove("config_directory");
        var ours = PostfixTreeFacts.MainValues(PostfixTreeFacts.MainCf(dir)!);
        Assert.That(oracle, Is.Not.Empty);
        Assert.That(ours.Where(kv => oracle.ContainsKey(kv.Key)), Is.EquivalentTo(oracle));
        var version = new Tlslint.Model.ProductVersion(3, 7, 11);
        Assert.That(ours.Keys.Where(k => !oracle.ContainsKey(k) && PostfixVocabulary.IsKnown(k, version)), Is.Empty,
            "postconf -n prints every set parameter it knows; a name we call known but it omits means our vocabulary is wrong");
    }

    [Test]
    public void Debian12_master_cf_equals_postconf_P()
    {
        var corpus = TestPaths.RequireCorpus();
        var dir = Path.Combine(corpus, "debian12", "postfix");
        var oracle = PostfixTreeFacts.ParsePostconfOutput(File.ReadAllText(Path.Combine(corpus, "debian12", "oracle", "postconf-P.txt")));
        var ours = PostfixTreeFacts.ServiceValues(PostfixTreeFacts.MasterCf(dir)!);
        Assert.That(oracle, Is.Not.Empty);
        Assert.That(ours, Is.EquivalentTo(oracle));
    }

    [Test]
    public void Debian12_services_equal_postconf_M()
    {
        var corpus = TestPaths.RequireCorpus();
        var master = PostfixTreeFacts.MasterCf(Path.Combine(corpus, "debian12", "postfix"))!;
        var oracle = File.ReadAllLines(Path.Combine(corpus, "debian12", "oracle", "postconf-Mf.txt"))
            .Where(l => l.Length > 0 && !char.IsWhiteSpace(l[0]))
            .Select(l => l.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            .Select(f => $"{f[0]}/{f[1]} {f[7]}")
            .ToList();
        var ours = master.Services.Select(s => $"{s.Key} {s.Command.Text}").ToList();
        Assert.That(ours, Is.EqualTo(oracle));
    }
}
