using Tlslint.Model;
using Tlslint.Model.Postfix;
using Tlslint.Tls;

namespace Tlslint.Tests.Model;

/// <summary>Protocol lists as tls_proto_mask_lims() reads them (formats.md §1.6).</summary>
public sealed class PostfixProtocolsTests
{
    private static readonly ProductVersion V37 = new(3, 7, 11);

    private static TlsVersionSet Range(TlsVersion from, TlsVersion to) => TlsVersionSet.Range(from, to);

    private static ProtocolSelection Valid(string list, ProductVersion? version = null)
    {
        var selection = PostfixProtocols.Parse(list, version ?? V37);
        Assert.That(selection.IsValid, Is.True, selection.Problem);
        return selection;
    }

    private static void AssertInvalid(string list, ProductVersion version)
    {
        var selection = PostfixProtocols.Parse(list, version);
        Assert.That(selection.IsValid, Is.False, $"`{list}` should be invalid on {version}, got {selection.Enabled}");
        Assert.That(selection.Problem, Is.Not.Null.And.Not.Empty);
        Assert.That(selection.Enabled.IsEmpty, Is.True);
    }

    [Test]
    public void Exclusions_alone_leave_everything_else()
    {
        var s = Valid("!SSLv2, !SSLv3");

        Assert.That(s.Enabled, Is.EqualTo(Range(TlsVersion.TlsV1_0, TlsVersion.TlsV1_3)));
        Assert.That(s.Contradictions, Is.Empty);
    }

    [Test]
    public void A_plain_name_makes_the_list_an_allow_list()
    {
        var s = Valid("TLSv1.2");

        Assert.That(s.Enabled, Is.EqualTo(TlsVersionSet.Of(TlsVersion.TlsV1_2)));
        Assert.That(s.Contradictions, Has.Count.EqualTo(1));
        Assert.That(s.Contradictions[0], Does.Contain("TLSv1.3"));
    }

    [Test]
    public void Names_are_case_insensitive()
    {
        Assert.That(Valid("tlsv1.2").Enabled, Is.EqualTo(TlsVersionSet.Of(TlsVersion.TlsV1_2)));
        Assert.That(Valid("!sslv2 !SSLV3").Enabled, Is.EqualTo(Range(TlsVersion.TlsV1_0, TlsVersion.TlsV1_3)));
    }

    [Test]
    public void Mixing_names_and_exclusions_is_a_contradiction()
    {
        var s = Valid("TLSv1.2, TLSv1.3, !SSLv3");

        Assert.That(s.Enabled, Is.EqualTo(Range(TlsVersion.TlsV1_2, TlsVersion.TlsV1_3)));
        Assert.That(s.Contradictions, Has.Some.Contains("`!`"));
    }

    [Test]
    public void Lower_bound()
    {
        var s = Valid(">=TLSv1.2");

        Assert.That(s.Enabled, Is.EqualTo(Range(TlsVersion.TlsV1_2, TlsVersion.TlsV1_3)));
        Assert.That(s.Contradictions, Is.Empty);
    }

    [Test]
    public void Upper_bound()
    {
        Assert.That(Valid("<=TLSv1.1").Enabled, Is.EqualTo(Range(TlsVersion.SslV3, TlsVersion.TlsV1_1)));
    }

    [Test]
    public void Both_bounds()
    {
        Assert.That(Valid(">=TLSv1.1 <=TLSv1.2").Enabled, Is.EqualTo(Range(TlsVersion.TlsV1_1, TlsVersion.TlsV1_2)));
    }

    [TestCase(">=0x0303")]
    [TestCase(">=0x303")]
    [TestCase(">=303")]
    [TestCase(">=0303")]
    [TestCase(">=tlsv1.2")]
    public void Bounds_accept_hexadecimal_versions(string list)
    {
        Assert.That(Valid(list).Enabled, Is.EqualTo(Range(TlsVersion.TlsV1_2, TlsVersion.TlsV1_3)));
    }

    [Test]
    public void Hexadecimal_upper_bound_for_tls_1_0()
    {
        Assert.That(Valid("<=0x0301").Enabled, Is.EqualTo(Range(TlsVersion.SslV3, TlsVersion.TlsV1_0)));
    }

    [Test]
    public void None_as_a_bound_means_no_bound()
    {
        Assert.That(Valid(">=None").Enabled, Is.EqualTo(TlsVersionSet.AllModernLibrary));
    }

    [Test]
    public void Bound_combined_with_an_exclusion_is_a_contradiction()
    {
        var s = Valid(">=TLSv1.2, !TLSv1");

        Assert.That(s.Enabled, Is.EqualTo(Range(TlsVersion.TlsV1_2, TlsVersion.TlsV1_3)));
        Assert.That(s.Contradictions, Has.Some.Contains(">="));
    }

    [TestCase(">=TLSv1.2")]
    [TestCase("<=TLSv1.2")]
    public void Ranges_are_invalid_before_3_6(string list)
    {
        AssertInvalid(list, new ProductVersion(3, 5, 25));
        Assert.That(PostfixProtocols.Parse(list, new ProductVersion(3, 6)).IsValid, Is.True);
    }

    [TestCase("3.3.1", false)]
    [TestCase("3.3.2", true)]
    [TestCase("3.0.13", false)]
    [TestCase("3.0.14", true)]
    [TestCase("3.1.9", false)]
    [TestCase("3.1.10", true)]
    [TestCase("3.2.6", false)]
    [TestCase("3.2.7", true)]
    [TestCase("3.4", true)]
    [TestCase("2.11.6", false)]
    public void TLSv1_3_is_known_from_3_4_and_some_patch_releases(string version, bool known)
    {
        var selection = PostfixProtocols.Parse("!SSLv2, !SSLv3, !TLSv1.3", ProductVersion.Parse(version));

        Assert.That(selection.IsValid, Is.EqualTo(known), selection.Problem);
        if (known)
        {
            Assert.That(selection.Enabled, Is.EqualTo(Range(TlsVersion.TlsV1_0, TlsVersion.TlsV1_2)));
        }
    }

    [TestCase("!SSLv2, !SSLv3 # no old SSL")]
    [TestCase("#")]
    [TestCase("TLSv1.4")]
    [TestCase("TLSv1.0")]
    [TestCase("!TLSv1.0")]
    [TestCase("TLS1.2")]
    [TestCase(">=TLSv1.4")]
    [TestCase(">= TLSv1.2")]
    [TestCase(">=0x0305")]
    [TestCase("=>TLSv1.2")]
    public void Unknown_token_makes_the_whole_list_invalid(string list)
    {
        AssertInvalid(list, V37);
    }

    [TestCase("!SSLv2,!SSLv3")]
    [TestCase("!SSLv2 !SSLv3")]
    [TestCase("!SSLv2:!SSLv3")]
    [TestCase("!SSLv2\t!SSLv3")]
    [TestCase(" , !SSLv2 ,, : !SSLv3 ,")]
    public void Commas_whitespace_and_colons_separate(string list)
    {
        Assert.That(Valid(list).Enabled, Is.EqualTo(Range(TlsVersion.TlsV1_0, TlsVersion.TlsV1_3)));
    }

    [TestCase("")]
    [TestCase("   ")]
    [TestCase(" , ")]
    public void Empty_list_means_every_protocol_the_library_has(string list)
    {
        var s = Valid(list);

        Assert.That(s.Enabled, Is.EqualTo(Range(TlsVersion.SslV3, TlsVersion.TlsV1_3)));
        Assert.That(s.Contradictions, Is.Empty);
    }

    [Test]
    public void SSLv2_exclusion_alone_leaves_SSLv3()
    {
        Assert.That(Valid("!SSLv2").Enabled.Contains(TlsVersion.SslV3), Is.True);
    }

    [TestCase("!SSLv2, !SSLv3, !TLSv1.1", "TLSv1 TLSv1.2 TLSv1.3")]
    [TestCase("!SSLv2 !SSLv3 !TLSv1.2", "TLSv1 TLSv1.1 TLSv1.3")]
    public void Holes_are_flagged(string list, string enabled)
    {
        var s = Valid(list);

        Assert.That(s.Enabled.ToString(), Is.EqualTo(enabled));
        Assert.That(s.Contradictions, Has.Some.Contains("gap"));
    }

    [Test]
    public void Excluding_from_the_bottom_is_not_a_hole()
    {
        Assert.That(Valid("!SSLv2 !SSLv3 !TLSv1 !TLSv1.1").Contradictions, Is.Empty);
    }
}
