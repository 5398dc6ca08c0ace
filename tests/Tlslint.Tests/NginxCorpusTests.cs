using Tlslint.Analysis;
using Tlslint.Loading;
using Tlslint.Model;
using Tlslint.Syntax.Nginx;

namespace Tlslint.Tests;

/// <summary>Real nginx configurations written by others (../shared/corpus) parse as nginx parses them, and agree with the oracle dump.</summary>
public sealed class NginxCorpusTests
{
    /// <summary>Corpus files nginx itself rejects as they stand (templates, broken samples), each with the reason.</summary>
    private static readonly Dictionary<string, string> KnownTemplates = new(StringComparer.Ordinal)
    {
        ["public/modoboa__modoboa-installer/modoboa_installer/scripts/files/nginx/modoboa.conf.tpl"] =
            "a Python template: `%{rspamd_enabled}` prefixes are replaced by the installer, and their braces are nginx blocks as written",
        ["public/certbot__certbot/certbot-compatibility-test/nginx/nginx-roundtrip-testdata/guide-to-nginx-ssl-spdy-hsts/nginx.conf"] =
            "an old wiki sample: `listen … spdy` (removed in nginx 1.9.5) and a missing `;` after `ssl_ciphers HIGH:!aNULL:!MD5`; nginx 1.22.1 rejects both",
        ["debian12/nginx/sites-enabled/default"] =
            "on Debian a symbolic link to ../sites-available/default; the corpus copy holds the link as a 26-byte text file naming its target",
    };

    /// <summary>Every nginx file of the corpus: under a directory named nginx, or named so, or a known nginx snippet.</summary>
    public static IEnumerable<string> NginxFiles(string corpus)
    {
        foreach (var file in Directory.EnumerateFiles(corpus, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(corpus, file).Replace('\\', '/');
            if (relative.StartsWith("debian12/oracle/", StringComparison.Ordinal) || relative.EndsWith("/README", StringComparison.Ordinal)
                || relative.EndsWith(".md", StringComparison.Ordinal) || !TestPaths.IsReadableFile(file))
            {
                continue;
            }

            if (relative.Contains("nginx", StringComparison.OrdinalIgnoreCase)
                || relative == "public/linuxserver__docker-swag/root/defaults/ssl.conf")
            {
                yield return relative;
            }
        }
    }

    [Test]
    public void Every_nginx_file_in_the_corpus_parses_without_TLS001()
    {
        var corpus = TestPaths.RequireCorpus();
        var files = NginxFiles(corpus).ToList();
        Assert.That(files, Has.Count.GreaterThanOrEqualTo(40));
        var problems = new List<string>();
        var templates = new HashSet<string>(StringComparer.Ordinal);
        foreach (var relative in files)
        {
            var full = Path.Combine(corpus, relative);
            var context = new LoadContext(p => Path.GetRelativePath(corpus, p).Replace('\\', '/'), Assumptions.Default, null);
            var tree = NginxTreeLoader.Load(new DiscoveredTree(Product.Nginx, Path.GetDirectoryName(full)!, [full]), context);
            var errors = tree.Diagnostics.Where(d => d.Kind == DiagnosticKind.ParseError && d.Location.File.Path == relative).ToList();
            if (errors.Count == 0)
            {
                continue;
            }

            if (KnownTemplates.ContainsKey(relative))
            {
                templates.Add(relative);
                continue;
            }

            problems.AddRange(errors.Select(d => $"{d.Location}: {d.Message}"));
        }

        Assert.That(problems, Is.Empty);
        Assert.That(KnownTemplates.Keys.Where(k => !templates.Contains(k)), Is.Empty,
            "listed as known templates but parse cleanly now: remove them from the list");
    }

    [Test]
    public void Debian12_tree_equals_nginx_T()
    {
        var corpus = TestPaths.RequireCorpus();
        var dumpPath = Path.Combine(corpus, "debian12", "oracle", "nginx-T.txt");
        var dump = File.ReadAllText(dumpPath);
        using var root = NginxTrees.Debian12Root(corpus);
        var tree = NginxTrees.Load(Path.Combine(root.Root, "etc", "nginx", "nginx.conf"), root: root.Root);
        string AsNginxSees(string p) => p.StartsWith(root.Root, StringComparison.Ordinal) ? p[root.Root.Length..] : p;

        Assert.That(NginxTrees.PredictedRefusals(tree).Select(p => $"{p.Location}: {p.Text}"), Is.Empty);
        var files = tree.Files.Select(f => AsNginxSees(f.FullPath)).ToList();
        Assert.That(files, Is.EqualTo(NginxTrees.DumpFiles(dump)), "same files in the same order as nginx -T");
        Assert.That(files, Is.EqualTo(new[] { "/etc/nginx/nginx.conf", "/etc/nginx/mime.types", "/etc/nginx/sites-enabled/default" }));

        var fromDump = NginxTrees.Load(dumpPath);
        Assert.That(fromDump.Files.Select(f => f.Path), Is.EqualTo(files), "the dump read as input yields its own files in order");
        var sequence = NginxTrees.Sequence(tree, AsNginxSees);
        Assert.That(sequence, Is.EqualTo(NginxTrees.Sequence(fromDump, p => p)), "same directives, in the same order, at the same lines");
        Assert.That(sequence, Has.Count.GreaterThanOrEqualTo(15));
        Assert.That(sequence, Does.Contain("/etc/nginx/nginx.conf:33 ssl_protocols TLSv1 TLSv1.1 TLSv1.2 TLSv1.3"));
    }

    [Test]
    public void Debian12_tree_has_no_tls_server_and_its_http_protocols_are_a_note()
    {
        var corpus = TestPaths.RequireCorpus();
        using var root = NginxTrees.Debian12Root(corpus);
        var result = Linter.Run(new LintRequest
        {
            Paths = [Path.Combine(root.Root, "etc", "nginx", "nginx.conf")],
            Rules = Tlslint.Rules.RuleCatalog.All,
            Root = root.Root,
            WorkingDirectory = root.Root,
        });

        var tree = result.Trees.Single();
        Assert.That(tree.Endpoints.Select(e => e.Name), Is.EqualTo(new[] { "http {} (no TLS server yet)" }));
        Assert.That(result.Findings.Select(f => (f.Rule.Id, f.Level, f.Location.Line)),
            Is.EquivalentTo(new[] { ("TLS102", Level.Note, 33) }));
    }
}
