using System.Diagnostics;
using Tlslint.Analysis;
using Tlslint.Files;
using Tlslint.Model;
using Tlslint.Text;

namespace Tlslint.Tests.Files;

/// <summary>The file store reads certificates, keys and DH files boundedly and learns only public facts from them.</summary>
public sealed class TlsFileStoreTests
{
    private TempTree _tree = null!;

    [SetUp]
    public void CreateTree() => _tree = new TempTree();

    [TearDown]
    public void DeleteTree() => _tree.Dispose();

    private static string Material(string name) => Path.Combine(TestPaths.Fixtures, "_material", name);

    /// <summary>A tree whose first file lies in <paramref name="directory"/>, so relative paths start there.</summary>
    internal static ConfigTree TreeIn(string directory, string? referenceBase = null) => new()
    {
        Product = Product.Postfix,
        Root = directory,
        Files = [new SourceFile("main.cf", Path.Combine(directory, "main.cf"), string.Empty)],
        Directives = [],
        Endpoints = [],
        Diagnostics = [],
        Version = new AssumedVersion(new ProductVersion(3, 7, 11), "test"),
        ReferenceBase = referenceBase,
    };

    private TlsFile Open(string path, string? root = null) => new TlsFileStore(root).Open(TreeIn(_tree.Root), path);

    [TestCase("test-rsa2048.crt", KeyAlgorithm.Rsa, 2048, null, "SHA-256")]
    [TestCase("test-rsa1024.crt", KeyAlgorithm.Rsa, 1024, null, "SHA-256")]
    [TestCase("test-ec256.crt", KeyAlgorithm.Ec, 256, "P-256", "SHA-256")]
    [TestCase("test-ec192.crt", KeyAlgorithm.Ec, 192, "P-192", "SHA-256")]
    [TestCase("test-ec224.crt", KeyAlgorithm.Ec, 224, "P-224", "SHA-256")]
    [TestCase("test-dsa.crt", KeyAlgorithm.Dsa, 2048, null, "SHA-256")]
    [TestCase("test-sha1-leaf.crt", KeyAlgorithm.Rsa, 2048, null, "SHA-1")]
    [TestCase("test-md5-leaf.crt", KeyAlgorithm.Rsa, 2048, null, "MD5")]
    public void Certificate_key_and_signature_are_read(string file, KeyAlgorithm algorithm, int bits, string? curve, string hash)
    {
        var cert = Open(Material(file)).Contents.Certificates.Single();
        Assert.Multiple(() =>
        {
            Assert.That(cert.PublicKey.Algorithm, Is.EqualTo(algorithm));
            Assert.That(cert.PublicKey.Bits, Is.EqualTo(bits));
            Assert.That(cert.PublicKey.Curve, Is.EqualTo(curve));
            Assert.That(cert.Signature.Hash, Is.EqualTo(hash));
            Assert.That(cert.IsCertificateAuthority, Is.False);
            Assert.That(cert.IsSelfSigned, Is.False);
            Assert.That(cert.Issuer, Does.Contain("tlslint test"));
        });
    }

    [TestCase("rsa2048")]
    [TestCase("rsa1024")]
    [TestCase("ec256")]
    [TestCase("ec192")]
    [TestCase("ec224")]
    [TestCase("dsa")]
    public void Private_key_matches_its_certificate_and_not_another(string name)
    {
        var key = Open(Material($"test-{name}.key")).Contents.PrivateKeys.Single();
        var cert = Open(Material($"test-{name}.crt")).Contents.Certificates.Single();
        var other = Open(Material("test-other.key")).Contents.PrivateKeys.Single();
        Assert.That(key.Encrypted, Is.False);
        Assert.That(key.PublicKey, Is.Not.Null);
        Assert.That(key.PublicKey!.SameKeyAs(cert.PublicKey), Is.True);
        Assert.That(other.PublicKey!.SameKeyAs(cert.PublicKey), Is.False);
    }

    [Test]
    public void Traditional_rsa_and_dsa_keys_are_read()
    {
        var cert = Open(Material("test-rsa2048.crt")).Contents.Certificates.Single();
        var traditional = Open(Material("test-rsa2048-traditional.key")).Contents.PrivateKeys.Single();
        Assert.That(traditional.Label, Is.EqualTo("RSA PRIVATE KEY"));
        Assert.That(traditional.PublicKey!.SameKeyAs(cert.PublicKey), Is.True);

        var dsaCert = Open(Material("test-dsa.crt")).Contents.Certificates.Single();
        var dsaKey = Open(Material("test-dsa-traditional.key")).Contents.PrivateKeys.Single();
        Assert.That(dsaKey.Label, Is.EqualTo("DSA PRIVATE KEY"));
        Assert.That(dsaKey.PublicKey!.SameKeyAs(dsaCert.PublicKey), Is.True);
    }

    [Test]
    public void Encrypted_keys_are_recognised_without_a_passphrase()
    {
        Assert.That(Open(Material("test-encrypted.key")).Contents.PrivateKeys.Single().Encrypted, Is.True);
        Assert.That(File.ReadAllText(Material("test-encrypted-traditional.key")), Does.Contain("Proc-Type: 4,ENCRYPTED"));
        var key = Open(Material("test-encrypted-traditional.key")).Contents.PrivateKeys.Single();
        Assert.That(key.Encrypted, Is.True);
        Assert.That(key.PublicKey, Is.Null);
    }

    [Test]
    public void Roots_and_intermediates_are_told_apart()
    {
        var root = Open(Material("test-root-ca.crt")).Contents.Certificates.Single();
        var intermediate = Open(Material("test-intermediate-ca.crt")).Contents.Certificates.Single();
        var leaf = Open(Material("test-rsa2048.crt")).Contents.Certificates.Single();
        var self = Open(Material("test-selfsigned.crt")).Contents.Certificates.Single();
        Assert.Multiple(() =>
        {
            Assert.That(root.IsSelfSigned && root.IsCertificateAuthority, Is.True);
            Assert.That(intermediate.IsSelfSigned, Is.False);
            Assert.That(intermediate.IsCertificateAuthority, Is.True);
            Assert.That(self.IsSelfSigned, Is.True);
            Assert.That(self.IsCertificateAuthority, Is.False);
            Assert.That(root.Issued(intermediate), Is.True);
            Assert.That(intermediate.Issued(leaf), Is.True);
            Assert.That(root.Issued(leaf), Is.False);
            Assert.That(leaf.NotAfter, Is.EqualTo(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero)));
        });
    }

    [TestCase("test-dh512.pem", 512, null)]
    [TestCase("test-dh1024.pem", 1024, null)]
    [TestCase("test-dh2048.pem", 2048, null)]
    [TestCase("test-ffdhe2048.pem", 2048, "ffdhe2048")]
    public void Dh_prime_size_and_known_groups(string file, int bits, string? group)
    {
        var dh = Open(Material(file)).Contents.DhParameters.Single();
        Assert.That(dh.PrimeBits, Is.EqualTo(bits));
        Assert.That(dh.KnownGroup, Is.EqualTo(group));
    }

    [Test]
    public void Blocks_keep_their_file_order()
    {
        var path = _tree.Write("bundle.pem", File.ReadAllText(Material("test-rsa2048.key")) + File.ReadAllText(Material("test-rsa2048.crt"))
            + File.ReadAllText(Material("test-intermediate-ca.crt")) + File.ReadAllText(Material("test-dh2048.pem")));
        var contents = Open(path).Contents;
        Assert.That(contents.PrivateKeys.Single().Block, Is.EqualTo(0));
        Assert.That(contents.Certificates.Select(c => c.Block), Is.EqualTo(new[] { 1, 2 }));
        Assert.That(contents.DhParameters.Single().Block, Is.EqualTo(3));
        Assert.That(contents.Problems, Is.Empty);
    }

    [Test]
    public void Damaged_and_foreign_content_is_described_not_thrown()
    {
        var damaged = _tree.Write("damaged.pem", "-----BEGIN CERTIFICATE-----\nMIIBzzzz\n-----END CERTIFICATE-----\n");
        Assert.That(Open(damaged).Contents.Problems, Has.Count.EqualTo(1));
        var der = _tree.WriteBytes("cert.der", [0x30, 0x82, 0x01, 0x00, 0x00, 0x01]);
        Assert.That(Open(der).Contents.Problems.Single(), Does.Contain("no PEM"));
    }

    [Test]
    public void Missing_directories_fifos_and_devices_are_refused_at_once()
    {
        var watch = Stopwatch.StartNew();
        Assert.That(Open(_tree.PathOf("nope.pem")).Status, Is.EqualTo(TlsFileStatus.Missing));
        Assert.That(Open(_tree.Root).Status, Is.EqualTo(TlsFileStatus.NotRegularFile));
        if (OperatingSystem.IsLinux())
        {
            Assert.That(Open("/dev/zero").Status, Is.EqualTo(TlsFileStatus.NotRegularFile));
            var fifo = _tree.PathOf("fifo.pem");
            Assert.That(ExternalTool.Run("mkfifo", [fifo], TimeSpan.FromSeconds(10)).ExitCode, Is.Zero);
            Assert.That(Open(fifo).Status, Is.EqualTo(TlsFileStatus.NotRegularFile));
        }

        var huge = _tree.PathOf("huge.pem");
        using (var stream = File.Create(huge))
        {
            stream.SetLength(1L << 30); // sparse: 1 GiB on paper, nothing on disk
        }

        Assert.That(Open(huge).Status, Is.EqualTo(TlsFileStatus.TooLarge));
        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(5)));
    }

    [Test]
    public void Broken_link_names_its_target()
    {
        var link = _tree.PathOf("link.pem");
        File.CreateSymbolicLink(link, "/nonexistent/cert.pem");
        var file = Open(link);
        Assert.That(file.Status, Is.EqualTo(TlsFileStatus.Missing));
        Assert.That(file.Problem, Does.Contain("`/nonexistent/cert.pem`"));
    }

    [Test]
    public void Absolute_paths_and_absolute_link_targets_resolve_under_the_root()
    {
        _tree.Write("etc/ssl/certs/real.pem", File.ReadAllText(Material("test-rsa2048.crt")));
        Directory.CreateDirectory(_tree.PathOf("etc/dovecot/private"));
        File.CreateSymbolicLink(_tree.PathOf("etc/dovecot/private/dovecot.pem"), "/etc/ssl/certs/real.pem");
        var file = Open("/etc/dovecot/private/dovecot.pem", root: _tree.Root);
        Assert.That(file.Status, Is.EqualTo(TlsFileStatus.Read));
        Assert.That(file.FullPath, Is.EqualTo(_tree.PathOf("etc/dovecot/private/dovecot.pem")));
        Assert.That(file.Contents.Certificates, Has.Count.EqualTo(1));
        Assert.That(file.Permissions?.Directory, Is.EqualTo(OperatingSystem.IsLinux() ? _tree.PathOf("etc/ssl/certs") : null));
    }

    [Test]
    public void Relative_paths_start_at_the_reference_base_under_the_root()
    {
        _tree.Write("var/spool/postfix/rel.pem", File.ReadAllText(Material("test-rsa2048.crt")));
        var store = new TlsFileStore(_tree.Root);
        var tree = TreeIn(_tree.PathOf("etc/postfix"), "/var/spool/postfix");
        Assert.That(store.Resolve(tree, "rel.pem"), Is.EqualTo(_tree.PathOf("var/spool/postfix/rel.pem")));
        Assert.That(store.Open(tree, "rel.pem").Status, Is.EqualTo(TlsFileStatus.Read));
        Assert.That(store.Resolve(TreeIn(_tree.PathOf("etc/postfix")), "x.pem"), Is.EqualTo(_tree.PathOf("etc/postfix/x.pem")));
    }

    [Test]
    public void Paths_with_run_time_variables_are_not_guessed()
    {
        Assert.That(Open("/etc/ssl/$ssl_server_name.crt").Status, Is.EqualTo(TlsFileStatus.Unresolved));
    }

    [Test]
    public void Each_path_is_read_once_per_store()
    {
        var store = new TlsFileStore();
        var path = _tree.Write("a.pem", File.ReadAllText(Material("test-rsa2048.crt")));
        var first = store.Open(TreeIn(_tree.Root), path);
        File.WriteAllText(path, string.Empty);
        Assert.That(store.Open(TreeIn(_tree.Root), "a.pem"), Is.SameAs(first));
    }

    [Test]
    public void Permissions_owner_and_directory_are_read_on_linux()
    {
        if (!OperatingSystem.IsLinux())
        {
            Assert.Ignore("POSIX permissions are read on Linux only");
            return;
        }

        var path = _tree.Write("k/key.pem", File.ReadAllText(Material("test-rsa2048.key")));
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead);
        File.SetUnixFileMode(_tree.PathOf("k"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var permissions = Open(path).Permissions!;
        Assert.That(permissions.ModeText, Is.EqualTo("0640"));
        Assert.That(permissions.DirectoryMode, Is.EqualTo(0x1C0));
        Assert.That(permissions.Owner, Is.EqualTo(Environment.UserName));
    }
}
