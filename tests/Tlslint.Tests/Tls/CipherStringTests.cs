using Tlslint.Tls.OpenSsl;

namespace Tlslint.Tests.Tls;

/// <summary>The engine's quirks and diagnostics, one behaviour per test (the lists themselves are proven by the vectors).</summary>
public sealed class CipherStringTests
{
    private static CipherListResult Eval(string s, OpenSslBuild? build = null, string? tls13 = null, int? level = null) =>
        CipherString.Evaluate(s, build ?? OpenSslBuild.Debian12, tls13, level);

    private static CipherDiagnostic Only(CipherListResult r, CipherDiagnosticKind kind)
    {
        var found = r.Diagnostics.Where(d => d.Kind == kind).ToList();
        Assert.That(found, Has.Count.EqualTo(1), string.Join("\n", r.Diagnostics));
        return found[0];
    }

    [Test]
    public void Lowercase_words_are_unknown_and_keep_what_they_meant_to_remove()
    {
        var r = Eval("HIGH:!anull");
        Assert.That(r.Ciphers.Count(c => c.Authentication == Authentication.Null), Is.EqualTo(12));
        var d = Only(r, CipherDiagnosticKind.UnknownWord);
        Assert.That((d.Offset, d.Text, d.Suggestion, d.Operator), Is.EqualTo((6, "anull", "aNULL", "!")));
    }

    [Test]
    public void A_near_miss_gets_a_suggestion()
    {
        Assert.That(Only(Eval("HIGH:!PSD"), CipherDiagnosticKind.UnknownWord).Suggestion, Is.EqualTo("PSK"));
    }

    [Test]
    public void Text_glued_to_an_unknown_word_is_reported_as_skipped()
    {
        var r = Eval("ALL:!EXP@STRENGTH");
        var d = Only(r, CipherDiagnosticKind.TextSkipped);
        Assert.That((d.Offset, d.Text), Is.EqualTo((8, "@STRENGTH")));
        Assert.That(Eval("ALL:!LOW@STRENGTH").Diagnostics.Any(x => x.Kind == CipherDiagnosticKind.TextSkipped), Is.False);
    }

    [Test]
    public void Default_after_the_start_is_an_unknown_word()
    {
        Assert.That(Only(Eval("HIGH:DEFAULT"), CipherDiagnosticKind.DefaultNotFirst).Offset, Is.EqualTo(5));
        Assert.That(Eval("DEFAULT:!aNULL").Diagnostics, Is.Empty);
    }

    [Test]
    public void Protocol_aliases_used_as_switches_are_named()
    {
        var d = Only(Eval("HIGH:!SSLv3:!TLSv1.3"), CipherDiagnosticKind.ProtocolAliasAsSwitch);
        Assert.That(d.Text, Is.EqualTo("!SSLv3"));
        Assert.That(Eval("HIGH:!SSLv3:!TLSv1.3").Diagnostics.Single(x => x.Kind == CipherDiagnosticKind.UnknownWord).Text, Is.EqualTo("TLSv1.3"));
    }

    [Test]
    public void Words_that_match_nothing_say_why()
    {
        Assert.That(Only(Eval("HIGH:3DES"), CipherDiagnosticKind.MatchedNothing).Message, Does.Contain("debian12"));
        Assert.That(Only(Eval("HIGH:!aNULL:aNULL"), CipherDiagnosticKind.MatchedNothing).Message, Does.Contain("earlier `!`"));
        Assert.That(Only(Eval("HIGH:RC4"), CipherDiagnosticKind.UnknownWord).Message, Does.Contain("lacks"));
        Assert.That(Only(Eval("HIGH:HIGH+FIPS"), CipherDiagnosticKind.EmptyCombination).Text, Is.EqualTo("HIGH+FIPS"));
    }

    [TestCase("HIGH:!", 5)]
    [TestCase("HIGH\tMEDIUM", 4)]
    [TestCase("HIGH:@FOO", 5)]
    [TestCase("HIGH:@SECLEVEL=6", 5)]
    public void Invalid_commands_are_located(string s, int offset)
    {
        var r = Eval(s);
        Assert.That(r.Error, Is.EqualTo(CipherListError.InvalidCommand));
        Assert.That(Only(r, CipherDiagnosticKind.InvalidCommand).Offset, Is.EqualTo(offset));
        Assert.That(r.Ciphers, Is.Empty);
    }

    [Test]
    public void The_last_seclevel_wins_over_the_context_level()
    {
        var r = Eval("@SECLEVEL=0:ALL:@SECLEVEL=3", level: 1);
        Assert.That((r.SecurityLevel, r.SecurityLevelOffset), Is.EqualTo((3, 16)));
        Assert.That(Eval("ALL", level: 0).SecurityLevel, Is.Zero);
        Assert.That(Eval("ALL").SecurityLevel, Is.EqualTo(2));
    }

    [Test]
    public void Seclevel_zero_keeps_anonymous_suites_negotiable()
    {
        var postfix = Eval("aNULL:-aNULL:HIGH:@STRENGTH", level: 0);
        Assert.That(postfix.Supported().Count(c => c.Weaknesses.HasFlag(CipherWeakness.Anonymous)), Is.EqualTo(12));
        Assert.That(Eval("aNULL:-aNULL:HIGH:@STRENGTH").Supported().Any(c => c.Weaknesses.HasFlag(CipherWeakness.Anonymous)), Is.False);
    }

    [Test]
    public void The_full_build_shows_what_a_string_asks_for()
    {
        var r = Eval("aNULL:-aNULL:HIGH:MEDIUM:+RC4:@STRENGTH", OpenSslBuild.Full);
        Assert.That(r.Ciphers.Count(c => c.Encryption == Encryption.Rc4), Is.EqualTo(10));
        Assert.That(r.Ciphers.TakeLast(10).All(c => c.Encryption == Encryption.Rc4 || c.StrengthBits < 128), Is.True);
        Assert.That(Eval("aNULL:-aNULL:HIGH:MEDIUM:+RC4:@STRENGTH").Ciphers.Any(c => c.Encryption == Encryption.Rc4), Is.False);
    }

    [Test]
    public void Suite_b_replaces_the_string()
    {
        var r = Eval("SUITEB192:ALL");
        Assert.That(r.Ciphers.Select(c => c.Name), Is.EqualTo(new[] { "ECDHE-ECDSA-AES256-GCM-SHA384" }));
        Assert.That(Only(r, CipherDiagnosticKind.SuiteB).Message, Does.Contain("ignored"));
    }

    [Test]
    public void Tls13_lists_report_openssl_names_and_tls12_suites()
    {
        var r = Eval("HIGH", tls13: "TLS_AES_128_GCM_SHA256:ECDHE-RSA-AES128-GCM-SHA256:TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256");
        Assert.That(r.Tls13.Select(s => s.Name), Is.EqualTo(new[] { "TLS_AES_128_GCM_SHA256", "ECDHE-RSA-AES128-GCM-SHA256" }));
        Assert.That(r.Tls13Diagnostics.Select(d => d.Kind),
            Is.EqualTo(new[] { CipherDiagnosticKind.UnknownTls13Suite, CipherDiagnosticKind.Tls12SuiteInTls13List }));
        Assert.That(Eval("HIGH", tls13: "FOO").Tls13Error, Is.EqualTo(CipherListError.NoCipherMatch));
        Assert.That(Eval("HIGH", tls13: string.Empty).Tls13, Is.Empty);
    }

    [Test]
    public void Weaknesses_come_from_attributes()
    {
        Assert.That(CipherTable.FindByName("AES128-SHA")!.Weaknesses,
            Is.EqualTo(CipherWeakness.NoForwardSecrecy | CipherWeakness.Cbc | CipherWeakness.Sha1Mac | CipherWeakness.NotAeadWithForwardSecrecy));
        Assert.That(CipherTable.FindByName("ECDHE-RSA-AES128-GCM-SHA256")!.Weaknesses, Is.EqualTo(CipherWeakness.None));
        Assert.That(CipherTable.FindByName("TLS_AES_128_CCM_8_SHA256")!.Weaknesses, Is.EqualTo(CipherWeakness.Ccm8));
    }
}
