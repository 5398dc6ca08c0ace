using Tlslint.Analysis;
using Tlslint.Model;
using Tlslint.Rules;
using Tlslint.Tests.Apache;

namespace Tlslint.Tests.Files;

/// <summary>The stock Debian trees name the snakeoil pair (and Dovecot its dh.pem): a root without them gives notes, not errors.</summary>
public sealed class CertificateCorpusTests
{
    [Test]
    public void Debian_files_missing_under_the_root_are_TLS004_notes()
    {
        var corpus = TestPaths.RequireCorpus();
        using var emptyRoot = new TempTree();
        var debian = Path.Combine(corpus, "debian12");
        var result = Linter.Run(new LintRequest
        {
            Paths = [debian],
            Rules = [RuleCatalog.Find("TLS004")!],
            WorkingDirectory = debian,
            Root = emptyRoot.Root,
        });

        var notes = result.Findings.Where(f => f.Rule.Id == "TLS004").ToList();
        Assert.That(notes.Select(f => f.Level), Has.All.EqualTo(Level.Note), string.Join("\n", notes.Select(f => f.Message)));
        // nginx.conf includes /etc/nginx/… by absolute path, which an empty root cannot hold: that is TLS002, not a certificate matter.
        Assert.That(result.Trees.Where(t => t.Product != Product.Nginx).SelectMany(t => t.Diagnostics).Where(d => d.Fatal), Is.Empty);
        var messages = string.Join("\n", notes.Select(f => f.Message));
        Assert.That(messages, Does.Contain("`/etc/ssl/certs/ssl-cert-snakeoil.pem` (from `smtpd_tls_cert_file`) does not exist"));
        Assert.That(messages, Does.Contain("`/etc/ssl/private/ssl-cert-snakeoil.key` (from `smtpd_tls_key_file`) does not exist"));
        if (Linter.SupportedProducts.Contains(Product.Dovecot))
        {
            Assert.That(messages, Does.Contain("dh.pem"));
        }
    }

    /// <summary>The variant is Debian's tree after `a2enmod ssl` and `a2ensite default-ssl`.</summary>
    [Test]
    public void Debian_apache_default_ssl_site_under_an_empty_root_gives_TLS004_notes_for_the_snakeoil_pair()
    {
        var corpus = TestPaths.RequireCorpus();
        using var tree = CorpusCopy.Materialize(Path.Combine(corpus, "debian12", "variants", "apache2-a2enmod-ssl"));
        using var emptyRoot = new TempTree();
        var result = Linter.Run(new LintRequest
        {
            Paths = [tree.Root],
            Rules = [RuleCatalog.Find("TLS004")!],
            WorkingDirectory = tree.Root,
            Root = emptyRoot.Root,
        });

        var notes = result.Findings.Where(f => f.Rule.Id == "TLS004").ToList();
        var messages = string.Join("\n", notes.Select(f => f.Message));
        Assert.That(result.Trees.Select(t => t.Product), Is.EqualTo(new[] { Product.Apache }));
        Assert.That(result.Trees.SelectMany(t => t.Diagnostics).Where(d => d.Fatal), Is.Empty);
        Assert.That(notes.Select(f => f.Level), Has.All.EqualTo(Level.Note), messages);
        Assert.That(notes.Select(f => f.Location.File.Path).Distinct(), Is.EqualTo(new[] { "sites-enabled/default-ssl.conf" }), messages);
        Assert.That(messages, Does.Contain("`/etc/ssl/certs/ssl-cert-snakeoil.pem` (from `SSLCertificateFile`) does not exist"));
        Assert.That(messages, Does.Contain("`/etc/ssl/private/ssl-cert-snakeoil.key` (from `SSLCertificateKeyFile`) does not exist"));
        Assert.That(notes, Has.Count.EqualTo(2), "the certificate file doubles as the DH source, but is noted once: " + messages);
    }
}
