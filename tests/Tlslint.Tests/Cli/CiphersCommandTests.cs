using System.Text.Json;
using Tlslint.Cli;

namespace Tlslint.Tests.Cli;

/// <summary><c>tlslint ciphers</c>: text, JSON, <c>--stdin</c> vector lines, options and exit codes.</summary>
public sealed class CiphersCommandTests
{
    private static CliOutcome Run(string? stdin, params string[] args) => CliOutcome.RunWithInput(stdin, args);

    [Test]
    public void Text_lists_suites_like_openssl_and_explains_mistakes()
    {
        var o = Run(null, "ciphers", "HIGH:!anull");
        Assert.That(o.Code, Is.Zero, o.Err);
        Assert.That(o.Out, Does.Contain("ECDHE-ECDSA-AES256-GCM-SHA384  TLSv1.2 Kx=ECDH     Au=ECDSA  Enc=AESGCM(256)"));
        Assert.That(o.Out, Does.Contain("weak: aNULL (12)"));
        Assert.That(o.Out, Does.Contain("`anull`").And.Contain("`aNULL`"));
    }

    [Test]
    public void A_rejected_string_exits_1_and_says_why()
    {
        var o = Run(null, "ciphers", "MEDIUM");
        Assert.That(o.Code, Is.EqualTo(CommandLine.ExitFindings));
        Assert.That(o.Out, Does.Contain("REJECTED by OpenSSL: no cipher match"));
        Assert.That(Run(null, "ciphers", "HIGH:!").Out, Does.Contain("invalid command"));
    }

    [Test]
    public void Json_has_both_lists_the_level_and_the_diagnostics()
    {
        var o = Run(null, "ciphers", "--format", "json", "--seclevel", "0", "--tls13", "TLS_AES_128_GCM_SHA256", "aNULL:-aNULL:HIGH:@STRENGTH:!PSD");
        Assert.That(o.Code, Is.Zero, o.Err);
        using var doc = JsonDocument.Parse(o.Out);
        var root = doc.RootElement;
        Assert.That(root.GetProperty("schemaVersion").GetInt32(), Is.EqualTo(1));
        Assert.That(root.GetProperty("securityLevel").GetInt32(), Is.Zero);
        Assert.That(root.GetProperty("tls13").EnumerateArray().Select(e => e.GetString()), Is.EqualTo(new[] { "TLS_AES_128_GCM_SHA256" }));
        Assert.That(root.GetProperty("ciphers")[0].GetString(), Is.EqualTo("ADH-AES256-GCM-SHA384"));
        Assert.That(root.GetProperty("supported").EnumerateArray().Select(e => e.GetString()), Does.Contain("ADH-AES256-GCM-SHA384"));
        Assert.That(root.GetProperty("diagnostics")[0].GetProperty("suggestion").GetString(), Is.EqualTo("PSK"));
    }

    [Test]
    public void Stdin_answers_every_line_with_the_vector_fields()
    {
        var o = Run("HIGH\nFOO\n:HIGH:!\n", "ciphers", "--stdin");
        Assert.That(o.Code, Is.Zero, o.Err);
        var lines = o.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Has.Length.EqualTo(3));
        using var first = JsonDocument.Parse(lines[0]);
        Assert.That(first.RootElement.EnumerateObject().Select(p => p.Name),
            Is.EqualTo(new[] { "id", "cipherstring", "ok", "error", "tls13", "ciphers", "supported" }));
        Assert.That(JsonDocument.Parse(lines[1]).RootElement.GetProperty("error").GetString(), Is.EqualTo("no cipher match"));
        Assert.That(JsonDocument.Parse(lines[2]).RootElement.GetProperty("error").GetString(), Is.EqualTo("invalid command"));
    }

    [Test]
    public void The_legacy_build_knows_seed()
    {
        Assert.That(Run(null, "ciphers", "SEED").Code, Is.EqualTo(CommandLine.ExitFindings));
        var o = Run(null, "ciphers", "--build", "debian12-legacy", "SEED");
        Assert.That(o.Code, Is.Zero);
        Assert.That(o.Out, Does.Contain("SEED-SHA"));
    }

    [TestCase("--build", "fedora")]
    [TestCase("--seclevel", "7")]
    [TestCase("--format", "sarif")]
    public void Bad_options_are_usage_errors(string option, string value)
    {
        var o = Run(null, "ciphers", option, value, "HIGH");
        Assert.That(o.Code, Is.EqualTo(CommandLine.ExitInputError));
        Assert.That(o.Err, Does.Contain(option));
    }

    [Test]
    public void A_string_or_stdin_is_required()
    {
        Assert.That(Run(null, "ciphers").Code, Is.EqualTo(CommandLine.ExitInputError));
        Assert.That(Run("HIGH\n", "ciphers", "--stdin", "HIGH").Code, Is.EqualTo(CommandLine.ExitInputError));
    }
}
