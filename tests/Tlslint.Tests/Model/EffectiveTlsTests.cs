using Tlslint.Analysis;
using Tlslint.Model;
using Tlslint.Rules;
using Tlslint.Tls;
using Tlslint.Tls.OpenSsl;

namespace Tlslint.Tests.Model;

/// <summary>The effective surface every endpoint gets after loading: expansion, level, negotiable suites, protocols.</summary>
public sealed class EffectiveTlsTests
{
    private const string Master = "smtp inet n - y - - smtpd\nsubmission inet n - y - - smtpd\n  -o smtpd_tls_security_level=encrypt\n  -o smtpd_tls_ask_ccert=yes\nsmtp unix - - y - - smtp\n";

    private TempTree _tree = null!;

    [SetUp]
    public void CreateTree() => _tree = new TempTree();

    [TearDown]
    public void DeleteTree() => _tree.Dispose();

    private List<TlsEndpoint> Endpoints(string main, string master = Master, string? opensslCnf = null)
    {
        _tree.Write("etc/postfix/main.cf", main);
        _tree.Write("etc/postfix/master.cf", master);
        if (opensslCnf is not null)
        {
            _tree.Write("etc/ssl/openssl.cnf", opensslCnf);
        }

        var result = Linter.Run(new LintRequest { Paths = [_tree.PathOf("etc/postfix")], Rules = RuleCatalog.All, WorkingDirectory = _tree.Root });
        Assert.That(result.Errors, Is.Empty);
        return result.Trees.Single().Endpoints.ToList();
    }

    private static EffectiveTls Effective(IEnumerable<TlsEndpoint> endpoints, string name) =>
        endpoints.Single(e => e.Name == name).Effective!;

    [Test]
    public void Postfix_runs_at_level_zero_so_legacy_tls_and_anonymous_suites_stay_negotiable()
    {
        var eff = Effective(Endpoints("smtpd_tls_security_level = may\n"), "smtp/inet");
        Assert.That((eff.SecurityLevel, eff.SecurityLevelOrigin), Is.EqualTo((0, SecurityLevelOrigin.Product)));
        Assert.That(eff.Protocols, Is.EqualTo(TlsVersionSet.Range(TlsVersion.TlsV1_0, TlsVersion.TlsV1_3)));
        Assert.That(eff.Negotiable.Count(s => s.Weaknesses.HasFlag(CipherWeakness.Anonymous)), Is.EqualTo(12));
        Assert.That(eff.Ciphers.Ciphers, Has.Count.EqualTo(137));
        Assert.That(eff.Intent.Ciphers.Count(s => s.Encryption == Encryption.Rc4), Is.EqualTo(10), "medium with +RC4 asks for RC4");
    }

    [Test]
    public void Seclevel_in_the_grade_list_removes_legacy_tls()
    {
        var eff = Effective(Endpoints("smtpd_tls_security_level = may\ntls_medium_cipherlist = HIGH:@SECLEVEL=2\n"), "smtp/inet");
        Assert.That((eff.SecurityLevel, eff.SecurityLevelOrigin), Is.EqualTo((2, SecurityLevelOrigin.CipherString)));
        Assert.That(eff.Protocols, Is.EqualTo(TlsVersionSet.Of(TlsVersion.TlsV1_2, TlsVersion.TlsV1_3)));
        Assert.That(eff.Limits.Select(l => l.Version), Is.EqualTo(new[] { TlsVersion.TlsV1_0, TlsVersion.TlsV1_1 }));
    }

    [Test]
    public void Asking_for_client_certificates_adds_anull_to_the_exclusions()
    {
        var endpoints = Endpoints("smtpd_tls_security_level = may\n");
        var submission = endpoints.Single(e => e.Name == "submission/inet");
        Assert.That(submission.Ciphers.Value.AutomaticExclusions, Is.EqualTo(new[] { "aNULL" }));
        Assert.That(submission.Effective!.Negotiable.Any(s => s.Weaknesses.HasFlag(CipherWeakness.Anonymous)), Is.False);
    }

    [Test]
    public void A_verifying_client_excludes_anull_and_enull_and_runs_at_level_one()
    {
        var eff = Effective(Endpoints("smtp_tls_security_level = verify\n"), "smtp/unix");
        Assert.That(eff.Ciphers.CipherString, Does.EndWith(":!aNULL:!eNULL"));
        Assert.That(eff.SecurityLevel, Is.EqualTo(1));
        Assert.That(eff.Protocols.Contains(TlsVersion.TlsV1_0), Is.False);
    }

    [Test]
    public void An_exclusion_with_an_operator_makes_postfix_fail_the_handshake()
    {
        var eff = Effective(Endpoints("smtpd_tls_security_level = may\nsmtpd_tls_exclude_ciphers = aNULL, !RC4\n"), "smtp/inet");
        Assert.That(eff.Rejection, Does.Contain("`!RC4`"));
        Assert.That(eff.Protocols.IsEmpty);
        Assert.That(eff.Negotiable, Is.Empty);
    }

    [Test]
    public void A_string_openssl_rejects_leaves_nothing()
    {
        var eff = Effective(Endpoints("smtpd_tls_security_level = may\nsmtpd_tls_ciphers = low\ntls_low_cipherlist = LOW\n"), "smtp/inet");
        Assert.That(eff.Rejection, Does.Contain("no cipher match"));
        Assert.That(eff.Protocols.IsEmpty);
    }

    [Test]
    public void Exclusions_split_on_colons_too()
    {
        var endpoint = Endpoints("smtpd_tls_security_level = may\nsmtpd_tls_exclude_ciphers = aNULL:MD5, RC4\n").Single(e => e.Name == "smtp/inet");
        Assert.That(endpoint.Ciphers.Value.Exclusions, Is.EqualTo(new[] { "aNULL", "MD5", "RC4" }));
    }

    [Test]
    public void The_system_openssl_cnf_supplies_the_tls13_list_and_postfix_replaces_its_protocol_floor()
    {
        const string cnf = "openssl_conf = default_conf\n\n[default_conf]\nssl_conf = ssl_sect\n\n[ssl_sect]\nsystem_default = system_default_sect\n\n"
            + "[system_default_sect]\nMinProtocol = TLSv1.2\nCipherString = DEFAULT@SECLEVEL=1\nCiphersuites = TLS_AES_256_GCM_SHA384\n";
        var endpoints = Endpoints("smtpd_tls_security_level = may\n", opensslCnf: cnf);
        var eff = Effective(endpoints, "smtp/inet");
        // Postfix 3.6+ sets its own floor from smtpd_tls_protocols (>=TLSv1), and runs at level 0 (checked live).
        Assert.That(eff.Protocols, Is.EqualTo(TlsVersionSet.Range(TlsVersion.TlsV1_0, TlsVersion.TlsV1_3)));
        Assert.That(eff.IgnoredSystemSettings.First().Command, Is.EqualTo("MinProtocol = TLSv1.2"));
        Assert.That(eff.IgnoredSystemSettings.First().Location, Does.Contain("openssl.cnf:10"));
        Assert.That(eff.Ciphers.Tls13.Select(s => s.Name), Is.EqualTo(new[] { "TLS_AES_256_GCM_SHA384" }));
        Assert.That(eff.SecurityLevel, Is.Zero, "Postfix's own level 0 wins over the system CipherString's");
    }

    [Test]
    public void Effective_tls_works_from_a_plain_cipher_string_for_any_product()
    {
        var endpoint = new TlsEndpoint
        {
            Name = "vhost",
            Product = Product.Nginx,
            Role = EndpointRole.Server,
            Ports = [443],
            Anchor = default,
            Mode = Setting(TlsMode.Implicit),
            Protocols = Setting(ProtocolSelection.Valid(TlsVersionSet.Range(TlsVersion.TlsV1_0, TlsVersion.TlsV1_2), "TLSv1.2 TLSv1.3")),
            Ciphers = Setting(CipherSelection.FromString("HIGH:!aNULL:!MD5")),
            ServerCipherPreference = Setting(false),
            Tls13Ciphers = Setting("TLS_AES_128_CCM_8_SHA256"),
        };
        var eff = EffectiveTlsResolver.Compute(endpoint, Assumptions.Default, null);
        Assert.That(eff.SecurityLevel, Is.EqualTo(2));
        Assert.That(eff.Ciphers.Ciphers, Has.Count.EqualTo(125));
        Assert.That(eff.Protocols, Is.EqualTo(TlsVersionSet.Of(TlsVersion.TlsV1_2)), "TLS 1.3 is not configured");
        Assert.That(eff.Ciphers.Tls13.Select(s => s.Name), Is.EqualTo(new[] { "TLS_AES_128_CCM_8_SHA256" }));
    }

    private static Setting<T> Setting<T>(T value) => new(value, SettingOrigin.Explicit, default, "x", value?.ToString() ?? string.Empty);
}
