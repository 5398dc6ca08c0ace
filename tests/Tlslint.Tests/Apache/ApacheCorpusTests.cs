using Tlslint.Analysis;
using Tlslint.Rules;
using Tlslint.Syntax.Apache;
using Tlslint.Text;

namespace Tlslint.Tests.Apache;

/// <summary>Apache files of ../shared/corpus parse, and the Debian trees agree with httpd's own dumps there.</summary>
public sealed class ApacheCorpusTests
{
    /// <summary>Corpus directories that hold httpd configuration files (and nothing else of interest).</summary>
    private static readonly string[] ApacheDirectories =
    [
        "debian12/apache2",
        "debian12/variants/apache2-a2enmod-ssl",
        "public/h5bp__server-configs-apache",
        "public/apache__httpd",
        "public/certbot__certbot/certbot/src/certbot/_internal/plugins/apache",
        "public/certbot__certbot/certbot/src/certbot/_internal/tests/plugins/apache",
    ];

    /// <summary>Files in those directories that are not httpd configuration syntax.</summary>
    private static readonly string[] NotConfiguration = ["magic", "envvars"];

    [Test]
    public void Every_apache_file_in_the_corpus_parses_without_TLS001()
    {
        var corpus = TestPaths.RequireCorpus();
        var files = ApacheDirectories.Select(d => Path.Combine(corpus, d)).Where(Directory.Exists)
            .SelectMany(d => Directory.EnumerateFiles(d, "*", SearchOption.AllDirectories))
            .Where(f => !NotConfiguration.Contains(Path.GetFileName(f)) && !CorpusCopy.IsLinkStandIn(f))
            .ToList();
        Assert.That(files, Has.Count.GreaterThan(100));

        var problems = new List<string>();
        foreach (var path in files)
        {
            var document = ApacheParser.Parse(new SourceFile(Path.GetRelativePath(corpus, path), path, File.ReadAllText(path)));
            problems.AddRange(document.Diagnostics.Where(d => d.Kind == DiagnosticKind.ParseError).Select(d => $"{d.Location}: {d.Message}"));
        }

        Assert.That(problems, Is.Empty);
    }

    [TestCase("debian12/apache2")]
    [TestCase("debian12/variants/apache2-a2enmod-ssl")]
    public void Debian_tree_lints_without_TLS001_TLS002_TLS003(string tree)
    {
        var corpus = TestPaths.RequireCorpus();
        using var copy = CorpusCopy.Materialize(Path.Combine(corpus, tree));
        var result = Linter.Run(new LintRequest
        {
            Paths = [copy.Root],
            Rules = new[] { "TLS001", "TLS002", "TLS003", "TLS004" }.Select(id => RuleCatalog.Find(id)!).ToList(),
            WorkingDirectory = copy.Root,
        });

        Assert.That(result.Trees.Select(t => t.Product), Is.EqualTo(new[] { Tlslint.Model.Product.Apache }));
        Assert.That(result.Findings.Select(f => $"{f.Location}: {f.Rule.Id} {f.Message}"), Is.Empty);
    }

    [TestCase("debian12/apache2", "apache2-dump.txt", "apache2-vhosts-modules.txt")]
    [TestCase("debian12/variants/apache2-a2enmod-ssl", "variant-apache2-a2enmod-ssl-dump.txt", "variant-apache2-a2enmod-ssl-vhosts-modules.txt")]
    public void Debian_tree_equals_the_httpd_dumps(string tree, string includesDump, string vhostsDump)
    {
        var corpus = TestPaths.RequireCorpus();
        using var copy = CorpusCopy.Materialize(Path.Combine(corpus, tree));
        var oracle = Path.Combine(corpus, "debian12", "oracle");
        string Localise(string text) => text.Replace($"<corpus>/{tree}", copy.Root, StringComparison.Ordinal);
        var includes = Localise(File.ReadAllText(Path.Combine(oracle, includesDump)));
        var vhosts = Localise(File.ReadAllText(Path.Combine(oracle, vhostsDump)));

        var config = ApacheTreeFacts.Read(Path.Combine(copy.Root, "apache2.conf"));

        Assert.That(ApacheTreeFacts.OracleIncludeLines(includes), Is.Not.Empty);
        Assert.That(ApacheTreeFacts.IncludeLines(config), Is.EqualTo(ApacheTreeFacts.OracleIncludeLines(includes)), "include order");
        Assert.That(ApacheTreeFacts.OracleVirtualHosts(vhosts), Is.Not.Empty);
        Assert.That(ApacheTreeFacts.VirtualHosts(config), Is.EqualTo(ApacheTreeFacts.OracleVirtualHosts(vhosts)), "virtual hosts");
        Assert.That(config.Modules.Order(StringComparer.Ordinal), Is.EqualTo(ApacheTreeFacts.OracleModules(vhosts)), "loaded modules");
    }
}
