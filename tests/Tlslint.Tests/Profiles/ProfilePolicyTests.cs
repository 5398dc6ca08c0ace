using Tlslint.Analysis;
using Tlslint.Model;
using Tlslint.Profiles;
using Tlslint.Rules;
using Tlslint.Tls;
using Tlslint.Tls.OpenSsl;

namespace Tlslint.Tests.Profiles;

/// <summary>The profiles' thresholds, checked against their sources (Mozilla guidelines 6.0, NCSC-NL 2025-05).</summary>
public sealed class ProfilePolicyTests
{
    private static readonly ProfilePolicy Intermediate = ProfilePolicy.For(Profile.Intermediate);
    private static readonly ProfilePolicy Modern = ProfilePolicy.For(Profile.Modern);
    private static readonly ProfilePolicy Ncsc = ProfilePolicy.For(Profile.Ncsc2025);

    /// <summary>Appendix B's suites that OpenSSL 3.0 has (its Camellia-GCM and ARIA-CBC rows are not in OpenSSL).</summary>
    private static readonly string[] NcscGood = ["TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256"];

    private static readonly string[] NcscSufficient =
    [
        "TLS_AES_128_GCM_SHA256", "TLS_AES_128_CCM_SHA256",
        "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_ECDSA_WITH_AES_128_CCM",
        "TLS_ECDHE_ECDSA_WITH_AES_256_CCM", "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
        "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256",
    ];

    private static readonly string[] NcscPhaseOut =
    [
        "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256", "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384",
        "TLS_ECDHE_ECDSA_WITH_CAMELLIA_128_CBC_SHA256", "TLS_ECDHE_ECDSA_WITH_CAMELLIA_256_CBC_SHA384",
        "TLS_ECDHE_ECDSA_WITH_ARIA_128_GCM_SHA256", "TLS_ECDHE_ECDSA_WITH_ARIA_256_GCM_SHA384",
        "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256", "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384",
        "TLS_ECDHE_RSA_WITH_CAMELLIA_128_CBC_SHA256", "TLS_ECDHE_RSA_WITH_CAMELLIA_256_CBC_SHA384",
        "TLS_ECDHE_RSA_WITH_ARIA_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_ARIA_256_GCM_SHA384",
        "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_DHE_RSA_WITH_AES_256_GCM_SHA384", "TLS_DHE_RSA_WITH_AES_128_CCM",
        "TLS_DHE_RSA_WITH_AES_256_CCM", "TLS_DHE_RSA_WITH_CHACHA20_POLY1305_SHA256", "TLS_DHE_RSA_WITH_ARIA_128_GCM_SHA256",
        "TLS_DHE_RSA_WITH_ARIA_256_GCM_SHA384", "TLS_DHE_RSA_WITH_AES_128_CBC_SHA256", "TLS_DHE_RSA_WITH_AES_256_CBC_SHA256",
        "TLS_DHE_RSA_WITH_CAMELLIA_128_CBC_SHA256", "TLS_DHE_RSA_WITH_CAMELLIA_256_CBC_SHA256",
    ];

    [Test]
    public void Ncsc_suite_classes_are_appendix_B_and_everything_else_is_insufficient()
    {
        var byLevel = CipherTable.Suites.Where(s => s.StandardName is not null)
            .ToLookup(NcscTables.Suite, s => s.StandardName!);
        Assert.That(byLevel[NcscLevel.Good], Is.EquivalentTo(NcscGood));
        Assert.That(byLevel[NcscLevel.Sufficient], Is.EquivalentTo(NcscSufficient));
        Assert.That(byLevel[NcscLevel.PhaseOut], Is.EquivalentTo(NcscPhaseOut));
        Assert.That(byLevel[NcscLevel.Insufficient], Does.Contain("TLS_RSA_WITH_AES_128_GCM_SHA256")
            .And.Contain("TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA").And.Contain("TLS_AES_128_CCM_8_SHA256")
            .And.Contain("TLS_DHE_DSS_WITH_AES_128_GCM_SHA256").And.Contain("TLS_ECDHE_ECDSA_WITH_AES_128_CCM_8"));
    }

    [TestCase("X25519", NcscLevel.Good)]
    [TestCase("x448", NcscLevel.Good)]
    [TestCase("prime256v1", NcscLevel.Good)]
    [TestCase("P-521", NcscLevel.Good)]
    [TestCase("brainpoolP384r1", NcscLevel.Good)]
    [TestCase("secp224r1", NcscLevel.PhaseOut)]
    [TestCase("ffdhe3072", NcscLevel.PhaseOut)]
    [TestCase("ffdhe8192", NcscLevel.PhaseOut)]
    [TestCase("ffdhe2048", NcscLevel.Insufficient)]
    [TestCase("secp192r1", NcscLevel.Insufficient)]
    [TestCase("sect571r1", NcscLevel.Insufficient)]
    [TestCase("X25519Kyber768", NcscLevel.Insufficient)]
    public void Ncsc_groups(string name, NcscLevel expected) => Assert.That(NcscTables.Group(name), Is.EqualTo(expected));

    [TestCase("auto")]
    [TestCase("X25519MLKEM768")]
    [TestCase("SecP384r1MLKEM1024")]
    public void Ncsc_tables_do_not_judge_auto_or_ml_kem(string name) => Assert.That(NcscTables.Group(name), Is.Null);

    [TestCase(null, NcscLevel.Insufficient)]
    [TestCase("modp4096", NcscLevel.Insufficient)]
    [TestCase("ffdhe2048", NcscLevel.Insufficient)]
    [TestCase("ffdhe3072", NcscLevel.PhaseOut)]
    [TestCase("ffdhe6144", NcscLevel.PhaseOut)]
    public void Ncsc_dh_groups(string? known, NcscLevel expected) => Assert.That(NcscTables.DhGroup(known), Is.EqualTo(expected));

    [Test]
    public void Protocols_per_profile()
    {
        Assert.That(Levels(Intermediate), Is.EqualTo(new Level?[] { Level.Warning, Level.Warning, null, null }));
        Assert.That(Levels(Modern), Is.EqualTo(new Level?[] { Level.Warning, Level.Warning, Level.Warning, null }));
        Assert.That(Levels(Ncsc), Is.EqualTo(new Level?[] { Level.Error, Level.Error, null, null }));

        static Level?[] Levels(ProfilePolicy p) =>
            [.. new[] { TlsVersion.TlsV1_0, TlsVersion.TlsV1_1, TlsVersion.TlsV1_2, TlsVersion.TlsV1_3 }.Select(v => p.Protocol(v)?.Level)];
    }

    [Test]
    public void Dh_thresholds_per_profile()
    {
        // Mozilla 6.0 intermediate `dh_param_size: 2048`; modern names none (no DHE) and is judged the same way.
        foreach (var p in new[] { Intermediate, Modern })
        {
            Assert.That(p.DhGroup(1023, null)?.Level, Is.EqualTo(Level.Error));
            Assert.That(p.DhGroup(1024, null)?.Level, Is.EqualTo(Level.Warning));
            Assert.That(p.DhGroup(2048, null), Is.Null);
            Assert.That(p.DhGroup(2048, "ffdhe2048"), Is.Null);
        }

        Assert.That(Ncsc.DhGroup(4096, null)?.Level, Is.EqualTo(Level.Error));
        Assert.That(Ncsc.DhGroup(2048, "ffdhe2048")?.Level, Is.EqualTo(Level.Error));
        Assert.That(Ncsc.DhGroup(3072, "ffdhe3072"), Is.Null);
    }

    [Test]
    public void Groups_per_profile()
    {
        Assert.That(Intermediate.Group("secp521r1"), Is.Null);
        Assert.That(Modern.Group("secp521r1")?.Level, Is.EqualTo(Level.Note), "Mozilla modern 6.0 tls_curves: X25519MLKEM768, X25519, prime256v1, secp384r1");
        Assert.That(Modern.Group("P-384"), Is.Null);
        Assert.That(Modern.Group("X25519MLKEM768"), Is.Null);
        Assert.That(Intermediate.Group("secp224r1")?.Level, Is.EqualTo(Level.Note));
        Assert.That(Ncsc.Group("secp224r1")?.Level, Is.EqualTo(Level.Warning));
        Assert.That(Ncsc.Group("secp192r1")?.Level, Is.EqualTo(Level.Error));
        Assert.That(Ncsc.Group("secp521r1"), Is.Null);
    }

    [Test]
    public void Tls13_suites_per_profile()
    {
        var ccm = CipherTable.FindByStandardName("TLS_AES_128_CCM_SHA256")!;
        var ccm8 = CipherTable.FindByStandardName("TLS_AES_128_CCM_8_SHA256")!;
        var gcm = CipherTable.FindByStandardName("TLS_AES_128_GCM_SHA256")!;
        Assert.That(Intermediate.Tls13Suite(gcm), Is.Null);
        Assert.That(Modern.Tls13Suite(ccm)?.Level, Is.EqualTo(Level.Note));
        Assert.That(Ncsc.Tls13Suite(ccm), Is.Null, "NCSC-NL 2025: TLS_AES_128_CCM_SHA256 is sufficient");
        Assert.That(Ncsc.Tls13Suite(ccm8)?.Level, Is.EqualTo(Level.Error));
    }

    [Test]
    public void Cipher_list_verdicts_per_profile()
    {
        var cbcSha1 = CipherTable.FindByName("ECDHE-RSA-AES128-SHA")!;
        var cbcSha256 = CipherTable.FindByName("ECDHE-RSA-AES128-SHA256")!;
        var dheGcm = CipherTable.FindByName("DHE-RSA-AES128-GCM-SHA256")!;
        var ecdheGcm = CipherTable.FindByName("ECDHE-RSA-AES128-GCM-SHA256")!;

        Assert.That(Intermediate.StaticRsa.Level, Is.EqualTo(Level.Warning));
        Assert.That(Ncsc.StaticRsa.Level, Is.EqualTo(Level.Error));
        Assert.That(Intermediate.Cbc([cbcSha1]).Level, Is.EqualTo(Level.Note));
        Assert.That(Ncsc.Cbc([cbcSha256, cbcSha1]).Level, Is.EqualTo(Level.Error));
        Assert.That(Ncsc.Cbc([cbcSha256]).Level, Is.EqualTo(Level.Warning));

        Assert.That(Intermediate.NeedsServerOrder(dheGcm), Is.False, "AEAD with forward secrecy");
        Assert.That(Ncsc.NeedsServerOrder(dheGcm), Is.True, "DHE-RSA is to be phased out");
        Assert.That(Ncsc.NeedsServerOrder(ecdheGcm), Is.False);
        Assert.That(Intermediate.NeedsServerOrder(cbcSha256), Is.True);
    }

    [Test]
    public void Hsts_and_tickets_per_profile()
    {
        Assert.That(Intermediate.MinimumHstsMaxAge, Is.EqualTo(31_536_000));
        Assert.That(Modern.MinimumHstsMaxAge, Is.EqualTo(63_072_000), "Mozilla 6.0 hsts_min_age");
        Assert.That(Ncsc.MinimumHstsMaxAge, Is.EqualTo(31_536_000));
        Assert.That(Intermediate.UnrotatedTicketKey.Level, Is.EqualTo(Level.Note));
        Assert.That(Ncsc.UnrotatedTicketKey.Level, Is.EqualTo(Level.Warning));
        Assert.That(Modern.Tls12Advice, Is.Not.Null);
        Assert.That(Intermediate.Tls12Advice, Is.Null);
    }

    [Test]
    public void The_rules_that_follow_the_profile_are_the_catalogs_profile_rules()
    {
        // rules.md marks TLS205, TLS206, TLS209, TLS211, TLS212 and TLS503 *profile*, and names the DH and HSTS
        // thresholds of the profiles (TLS210, TLS408); TLS102 reports TLS 1.2 under modern.
        var ids = RuleCatalog.All.Where(r => r.Descriptor.FollowsProfile).Select(r => r.Descriptor.Id);
        Assert.That(ids, Is.EquivalentTo(new[] { "TLS102", "TLS205", "TLS206", "TLS209", "TLS210", "TLS211", "TLS212", "TLS408", "TLS503" }));
    }

    [Test]
    public void Every_profile_rule_doc_says_what_each_profile_changes()
    {
        foreach (var rule in RuleCatalog.All.Where(r => r.Descriptor.FollowsProfile))
        {
            var doc = RuleCatalog.Doc(rule);
            var options = doc.IndexOf("## Options", StringComparison.Ordinal);
            Assert.That(options, Is.GreaterThan(0), $"{rule.Descriptor.Id}: no Options section");
            var section = doc[options..doc.IndexOf("## References", options, StringComparison.Ordinal)];
            foreach (var profile in Enum.GetValues<Profile>())
            {
                Assert.That(section, Does.Contain($"`{profile.Id()}`"), $"{rule.Descriptor.Id}: Options says nothing of {profile.Id()}");
            }
        }
    }
}
