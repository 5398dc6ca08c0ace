using Tlslint.Cli;

namespace Tlslint.Tests.Files;

/// <summary>
/// tlslint reads private keys to learn their type, size and match, and must never let any of the key out: no output
/// format may carry a PEM key marker or any run of the key's base64 or hex, whatever the findings say about the file.
/// </summary>
public sealed class SecretsNeverPrintedTests
{
    /// <summary>Shorter runs could match by chance in base64-looking text such as fingerprints of public data.</summary>
    private const int Window = 16;

    private TempTree _tree = null!;

    [SetUp]
    public void CreateTree() => _tree = new TempTree();

    [TearDown]
    public void DeleteTree() => _tree.Dispose();

    private static string Material(string name) => File.ReadAllText(Path.Combine(TestPaths.Fixtures, "_material", name));

    /// <summary>
    /// Every way a key reaches a finding: a world-readable key file, a key inside a certificate file that is configured
    /// with a separate key, a mismatched pair, a combined chain file, a key in a CA file, an encrypted key, a key given
    /// as a DH file.
    /// </summary>
    private string[] WriteTree()
    {
        var keys = new[] { "test-rsa2048.key", "test-other.key", "test-ec256.key", "test-root-ca.key", "test-encrypted.key" };
        _tree.Write("etc/ssl/certs/mail.pem", Material("test-rsa2048.crt") + Material("test-intermediate-ca.crt") + Material("test-rsa2048.key"));
        _tree.Write("etc/ssl/private/other.key", Material("test-other.key"));
        _tree.Write("etc/ssl/private/ec.pem", Material("test-ec256.key") + Material("test-ec256.crt"));
        _tree.Write("etc/ssl/certs/ca.pem", Material("test-root-ca.crt") + Material("test-root-ca.key"));
        _tree.Write("etc/ssl/private/encrypted.key", Material("test-encrypted.key"));
        _tree.Write("etc/postfix/main.cf",
            "smtpd_tls_security_level = may\n" +
            "smtpd_tls_cert_file = /etc/ssl/certs/mail.pem\n" +
            "smtpd_tls_key_file = /etc/ssl/private/other.key\n" +
            "smtpd_tls_eccert_file = /etc/ssl/private/ec.pem\n" +
            "smtpd_tls_CAfile = /etc/ssl/certs/ca.pem\n" +
            "smtpd_tls_dh1024_param_file = /etc/ssl/private/other.key\n" +
            "smtp_tls_security_level = may\n" +
            "smtp_tls_cert_file = /etc/ssl/certs/mail.pem\n" +
            "smtp_tls_key_file = /etc/ssl/private/encrypted.key\n");
        return keys;
    }

    [Test]
    public void No_output_format_contains_key_material()
    {
        var keys = WriteTree();
        var outputs = new Dictionary<string, string>();
        foreach (var format in new[] { "text", "json", "sarif", "github" })
        {
            outputs[format] = Run("--root", _tree.Root, "--now", "2026-01-01", "--format", format, "--no-color", _tree.PathOf("etc/postfix"));
        }

        foreach (var format in new[] { "text", "json" })
        {
            outputs["endpoints " + format] = Run("endpoints", "--root", _tree.Root, "--format", format, _tree.PathOf("etc/postfix"));
        }

        Assert.That(outputs["text"], Does.Contain("TLS301").And.Contain("TLS302").And.Contain("TLS306").And.Contain("TLS004"),
            "the tree must make the rules talk about the key files, or the test proves nothing");
        foreach (var (format, output) in outputs)
        {
            Assert.That(output, Does.Not.Contain("PRIVATE KEY"), format);
            Assert.That(output, Does.Not.Contain("-----BEGIN"), format);
            var windows = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i + Window <= output.Length; i++)
            {
                windows.Add(output.Substring(i, Window));
            }

            foreach (var key in keys)
            {
                var leaked = Runs(Material(key)).FirstOrDefault(windows.Contains);
                Assert.That(leaked, Is.Null, $"{format} output holds a run of {key}");
            }
        }
    }

    /// <summary>
    /// Dovecot lets the key's passphrase be written into the configuration: every output must still leave it out,
    /// although a rule reports that it is there.
    /// </summary>
    [Test]
    public void A_passphrase_in_the_configuration_is_never_printed()
    {
        const string passphrase = "correct-horse-battery-staple-42";
        _tree.Write("etc/dovecot/dovecot.conf",
            "protocols = imap\n" +
            "ssl = required\n" +
            "ssl_cert = </etc/ssl/certs/mail.pem\n" +
            "ssl_key = </etc/ssl/private/mail.key\n" +
            "ssl_key_password = " + passphrase + "\n");
        _tree.Write("etc/ssl/certs/mail.pem", Material("test-rsa2048.crt"));
        _tree.Write("etc/ssl/private/mail.key", Material("test-rsa2048.key"));
        var outputs = new Dictionary<string, string>();
        foreach (var format in new[] { "text", "json", "sarif", "github" })
        {
            outputs[format] = Run("--root", _tree.Root, "--now", "2026-01-01", "--format", format, "--no-color", _tree.PathOf("etc/dovecot"));
        }

        foreach (var format in new[] { "text", "json" })
        {
            outputs["endpoints " + format] = Run("endpoints", "--root", _tree.Root, "--format", format, _tree.PathOf("etc/dovecot"));
        }

        Assert.That(outputs["text"], Does.Contain("TLS310"), "the passphrase must be reported, or the test proves nothing");
        foreach (var (format, output) in outputs)
        {
            Assert.That(output, Does.Not.Contain(passphrase), format);
        }
    }

    /// <summary>Every window of the key's base64 body, and of the hex of its bytes.</summary>
    private static IEnumerable<string> Runs(string pem)
    {
        var base64 = string.Concat(pem.Split('\n').Where(l => l.Length > 0 && !l.StartsWith("-----", StringComparison.Ordinal) && !l.Contains(':')));
        var hex = Convert.ToHexString(Convert.FromBase64String(base64));
        foreach (var text in new[] { base64, hex, hex.ToLowerInvariant() })
        {
            for (var i = 0; i + Window <= text.Length; i++)
            {
                yield return text.Substring(i, Window);
            }
        }
    }

    private static string Run(params string[] args)
    {
        var outcome = CliOutcome.Run(args);
        return outcome.Out + outcome.Err;
    }
}
