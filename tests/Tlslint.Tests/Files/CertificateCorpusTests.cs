using Tlslint.Analysis;
using Tlslint.Model;
using Tlslint.Rules;

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
}
