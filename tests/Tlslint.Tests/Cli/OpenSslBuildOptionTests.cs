using System.Text.Json;

namespace Tlslint.Tests.Cli;

/// <summary>
/// The OpenSSL build chosen at lint time (<c>--openssl-build</c>, <c>openssl-build:</c> in .tlslint.yaml), printed
/// with the assumptions, and an assumed OpenSSL the engine does not model said out loud.
/// </summary>
public sealed class OpenSslBuildOptionTests
{
    private const string Main = "smtpd_tls_security_level = may\nsmtpd_tls_protocols = >=TLSv1\n";
    private const string Master = "smtp inet n - y - - smtpd\n";

    private TempTree _tree = null!;

    [SetUp]
    public void CreateTree()
    {
        _tree = new TempTree();
        Directory.CreateDirectory(_tree.PathOf(".git"));
        _tree.Write("postfix/main.cf", Main);
        _tree.Write("postfix/master.cf", Master);
    }

    [TearDown]
    public void DeleteTree() => _tree.Dispose();

    private CliOutcome Run(params string[] args) => CliOutcome.RunIn(_tree.Root, args);

    private static JsonElement Effective(CliOutcome r)
    {
        Assert.That(r.Code, Is.Zero, r.Err);
        using var json = JsonDocument.Parse(r.Out);
        return json.RootElement.GetProperty("endpoints").EnumerateArray()
            .Single(e => e.GetProperty("role").GetString() == "server").GetProperty("effective").Clone();
    }

    private static (string Version, string Source) Assumption(CliOutcome r, string key)
    {
        using var json = JsonDocument.Parse(r.Out);
        var a = json.RootElement.GetProperty("assumptions").GetProperty(key);
        return (a.GetProperty("version").GetString()!, a.GetProperty("source").GetString()!);
    }

    [Test]
    public void The_build_defaults_to_debian12_and_is_printed_with_the_assumptions()
    {
        var r = Run("endpoints", "--format", "json", "postfix");
        Assert.That(Effective(r).GetProperty("build").GetString(), Is.EqualTo("debian12"));
        Assert.That(Assumption(r, "openssl-build"), Is.EqualTo(("debian12", "default (Debian 12)")));
        Assert.That(Run("endpoints", "postfix").Out, Does.Contain("openssl-build debian12"));
    }

    [TestCase("full", 1)]
    [TestCase("debian12-legacy", 2)]
    public void The_option_selects_the_build_and_its_default_security_level(string build, int level)
    {
        var r = Run("endpoints", "--format", "json", "--openssl-build", build, "postfix");
        var eff = Effective(r);
        Assert.That(eff.GetProperty("build").GetString(), Is.EqualTo(build));
        Assert.That(Assumption(r, "openssl-build"), Is.EqualTo((build, "--openssl-build")));
        Assert.That(Assumption(r, "security-level").Version, Is.EqualTo(level.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Test]
    public void The_full_build_offers_suites_debian_leaves_out()
    {
        static bool HasRc4(JsonElement eff) => eff.GetProperty("configuredCiphers").EnumerateArray().Any(s => s.GetString()!.Contains("RC4"));
        _tree.Write("postfix/main.cf", Main + "smtpd_tls_ciphers = medium\ntls_medium_cipherlist = RC4:HIGH\n");
        Assert.That(HasRc4(Effective(Run("endpoints", "--format", "json", "postfix"))), Is.False);
        Assert.That(HasRc4(Effective(Run("endpoints", "--format", "json", "--openssl-build", "full", "postfix"))), Is.True);
    }

    [Test]
    public void The_lint_command_takes_the_option_too()
    {
        var r = Run("--format", "json", "--openssl-build", "full", "postfix");
        Assert.That(r.Code, Is.Not.EqualTo(2), r.Err);
        Assert.That(Assumption(r, "openssl-build"), Is.EqualTo(("full", "--openssl-build")));
    }

    [Test]
    public void An_unknown_build_is_a_usage_error()
    {
        var r = Run("endpoints", "--openssl-build", "debian11", "postfix");
        Assert.That(r.Code, Is.EqualTo(2));
        Assert.That(r.Err, Does.Contain("`debian11` is not one of debian12, debian12-legacy, full"));
    }

    [Test]
    public void The_config_file_chooses_the_build_and_the_flag_wins()
    {
        _tree.Write(".tlslint.yaml", "openssl-build: debian12-legacy\n");
        var fromFile = Run("endpoints", "--format", "json", "postfix");
        Assert.That(Effective(fromFile).GetProperty("build").GetString(), Is.EqualTo("debian12-legacy"));
        Assert.That(Assumption(fromFile, "openssl-build").Source, Does.EndWith(".tlslint.yaml: openssl-build"));

        var flag = Run("endpoints", "--format", "json", "--openssl-build", "full", "postfix");
        Assert.That(Effective(flag).GetProperty("build").GetString(), Is.EqualTo("full"));
    }

    [Test]
    public void A_bad_build_in_the_config_file_is_an_error_with_its_line()
    {
        _tree.Write(".tlslint.yaml", "profile: modern\nopenssl-build: bookworm\n");
        var r = Run("endpoints", "postfix");
        Assert.That(r.Code, Is.EqualTo(2));
        Assert.That(r.Err, Does.Contain(".tlslint.yaml:2:16: openssl-build `bookworm` is not one of debian12, debian12-legacy, full"));
    }

    [Test]
    public void Assuming_openssl_1_1_says_the_engine_models_3_0_instead_of_claiming_its_behaviour()
    {
        var r = Run("endpoints", "--format", "json", "--assume", "openssl=1.1.1", "postfix");
        Assert.That(Effective(r).GetProperty("notModelled").GetString(), Does.Contain("OpenSSL 3.0 only").And.Contain("1.1.1"));
        Assert.That(Assumption(r, "openssl-build").Source, Does.Contain("tlslint models OpenSSL 3.0 only"));
        Assert.That(Run("endpoints", "--assume", "openssl=1.1.1", "postfix").Out, Does.Contain("NOT MODELLED"));
        Assert.That(Effective(Run("endpoints", "--format", "json", "postfix")).GetProperty("notModelled").ValueKind, Is.EqualTo(JsonValueKind.Null));
    }

    [Test]
    public void Rule_messages_do_not_claim_openssl_3_behaviour_when_1_1_is_assumed()
    {
        _tree.Write("postfix/master.cf", "submission inet n - y - - smtpd\n");
        var modern = Run("--select", "TLS102", "postfix");
        var old = Run("--select", "TLS102", "--assume", "openssl=1.1.1", "postfix");
        Assert.That(modern.Out, Does.Contain("OpenSSL debian12"));
        Assert.That(old.Out, Does.Not.Contain("OpenSSL debian12").And.Contain("the assumed OpenSSL 1.1.1"));
    }
}
