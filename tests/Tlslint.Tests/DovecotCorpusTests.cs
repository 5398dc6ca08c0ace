using Tlslint.Analysis;
using Tlslint.Loading;
using Tlslint.Model;
using Tlslint.Model.Dovecot;
using Tlslint.Rules;
using Tlslint.Syntax.Dovecot;

namespace Tlslint.Tests;

/// <summary>Dovecot files written by others (../shared/corpus) parse, and Debian's stock tree agrees with its doveconf dumps.</summary>
public sealed class DovecotCorpusTests
{
    private static readonly ProductVersion Debian12 = new(2, 3, 19);

    /// <summary>Corpus files that are templates, not configurations: their placeholders are rightly errors.</summary>
    private static readonly Dictionary<string, string> KnownTemplates = new(StringComparer.Ordinal)
    {
        ["public/iredmail__iRedMail/samples/dovecot/dovecot.conf"] =
            "iRedMail's installer replaces PH_* placeholders; `protocols = PH_PROTOCOLS` names no protocol, and doveconf rejects the raw sample too",
    };

    /// <summary>Every file under a directory named dovecot (the trees, fragments, templates and Debian's protocols.d).</summary>
    private static IEnumerable<string> DovecotFiles(string corpus) =>
        Directory.EnumerateFiles(corpus, "*", SearchOption.AllDirectories)
            .Where(f => f.Replace('\\', '/').Contains("/dovecot/", StringComparison.Ordinal))
            .Where(f => !f.EndsWith(".pem", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

    [Test]
    public void Every_dovecot_file_in_the_corpus_parses_without_syntax_errors()
    {
        var corpus = TestPaths.RequireCorpus();
        var files = DovecotFiles(corpus).ToList();
        Assert.That(files, Has.Count.GreaterThanOrEqualTo(40));
        var problems = new List<string>();
        foreach (var path in files)
        {
            var diagnostics = new List<ConfigDiagnostic>();
            var file = ConfigFileReader.Read(path, Path.GetRelativePath(corpus, path), diagnostics);
            Assert.That(file, Is.Not.Null, path);
            var document = DovecotParser.Parse(file!);
            problems.AddRange(document.Diagnostics.Where(d => d.Kind == DiagnosticKind.ParseError).Select(d => $"{d.Location}: {d.Message}"));
        }

        Assert.That(problems, Is.Empty);
    }

    [Test]
    public void Every_dovecot_tree_in_the_corpus_loads_without_TLS001()
    {
        var corpus = TestPaths.RequireCorpus();
        var result = Linter.Run(new LintRequest { Paths = [corpus], Rules = [RuleCatalog.Find("TLS001")!], WorkingDirectory = corpus });
        var dovecot = result.Trees.Where(t => t.Product == Product.Dovecot).ToList();
        Assert.That(dovecot, Has.Count.GreaterThanOrEqualTo(5));
        var files = dovecot.SelectMany(t => t.Files).Select(f => f.Path).ToHashSet();
        var findings = result.Findings.Where(f => files.Contains(f.Location.File.Path)).ToList();
        Assert.That(findings.Where(f => !KnownTemplates.ContainsKey(f.Location.File.Path)).Select(f => $"{f.Location}: {f.Message}"), Is.Empty);
        foreach (var template in KnownTemplates.Keys)
        {
            Assert.That(findings.Any(f => f.Location.File.Path == template), Is.True,
                $"{template} is listed as a known template but loads cleanly now: remove it from the list");
        }
    }

    [Test]
    public void Debian12_effective_values_equal_doveconf_a_and_n()
    {
        var corpus = TestPaths.RequireCorpus();
        using var root = DebianRoot(corpus);
        var conf = Path.Combine(corpus, "debian12", "dovecot", "dovecot.conf");
        var facts = DovecotTreeFacts.Load(conf, Debian12, debianBuild: true, root: root.Root);
        Assert.That(facts.Diagnostics.Where(d => d.Fatal).Select(d => d.Message), Is.Empty);

        var all = DovecotTreeFacts.ParseDoveconf(File.ReadAllText(Path.Combine(corpus, "debian12", "oracle", "doveconf-a.txt")));
        var ours = DovecotTreeFacts.Globals(facts.Config);
        var compared = ours.Where(kv => all.TryGetValue(kv.Key, out var v) && !v.StartsWith("# hidden", StringComparison.Ordinal)).ToList();
        Assert.That(compared, Has.Count.GreaterThanOrEqualTo(20));
        Assert.That(compared, Is.EquivalentTo(compared.ToDictionary(kv => kv.Key, kv => all[kv.Key])), "values differ from doveconf -a");
        Assert.That(DovecotTreeFacts.Listeners(facts.Endpoints), Is.EqualTo(DovecotTreeFacts.DoveconfListeners(all)));
        Assert.That(DovecotTreeFacts.FilterValues(facts.Config), Is.Empty);

        // doveconf -n prints the settings written with a value other than the default.
        var written = DovecotTreeFacts.ParseDoveconf(File.ReadAllText(Path.Combine(corpus, "debian12", "oracle", "doveconf-n.txt")))
            .Where(kv => DovecotTreeFacts.ModelledSettings.Contains(kv.Key))
            .ToDictionary(kv => kv.Key, kv => kv.Value);
        var changed = ours.Where(kv => kv.Value != DovecotDefaults.For(kv.Key, Debian12, debianProtocols: true)).ToDictionary(kv => kv.Key, kv => kv.Value);
        Assert.That(changed.Keys, Is.EquivalentTo(written.Keys));
        Assert.That(changed.Where(kv => !written[kv.Key].StartsWith("# hidden", StringComparison.Ordinal)),
            Is.EquivalentTo(written.Where(kv => !kv.Value.StartsWith("# hidden", StringComparison.Ordinal))));
    }

    [Test]
    public void Debian12_tree_is_recognised_as_debian_and_lists_its_listeners()
    {
        var corpus = TestPaths.RequireCorpus();
        using var root = DebianRoot(corpus);
        var result = Linter.Run(new LintRequest
        {
            Paths = [Path.Combine(corpus, "debian12", "dovecot")],
            Rules = [],
            Root = root.Root,
            WorkingDirectory = corpus,
        });
        var tree = result.Trees.Single();
        var protocols = tree.Endpoints.First().Settings;
        Assert.That(tree.Endpoints.Select(e => $"{e.Name} {string.Join(",", e.Ports)} {e.Mode.Value}"), Is.EquivalentTo(new[]
        {
            "imap-login/imap 143 StartTlsRequired", "imap-login/imaps 993 Implicit",
            "pop3-login/pop3 110 StartTlsRequired", "pop3-login/pop3s 995 Implicit",
            "submission-login/submission 587 StartTlsRequired", "outgoing  StartTlsOptional",
        }));
        Assert.That(protocols.ContainsKey("ssl"), Is.True);
    }

    /// <summary>A --root holding Debian's /usr/share/dovecot (the corpus keeps it apart, under usr-share/).</summary>
    private static TempTree DebianRoot(string corpus)
    {
        var root = new TempTree();
        Directory.CreateDirectory(root.PathOf("usr/share"));
        Directory.CreateSymbolicLink(root.PathOf("usr/share/dovecot"), Path.Combine(corpus, "debian12", "usr-share", "dovecot"));
        return root;
    }
}
