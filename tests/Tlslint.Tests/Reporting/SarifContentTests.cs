using System.Text.Json;
using Tlslint.Cli;
using Tlslint.Reporting;
using Tlslint.Rules;

namespace Tlslint.Tests.Reporting;

/// <summary>What GitHub code scanning reads from our SARIF, and the <c>--format github</c> annotations.</summary>
public sealed class SarifContentTests
{
    private const string Weak =
        "compatibility_level = 3.6\n" +
        "smtpd_tls_security_level = may\n" +
        "# tlslint ignore=TLS102 -- partner MTAs\n" +
        "smtpd_tls_protocols = !SSLv2\n";

    private TempTree _tree = null!;

    [SetUp]
    public void CreateTree() => _tree = new TempTree();

    [TearDown]
    public void DeleteTree() => _tree.Dispose();

    [Test]
    public void Every_rule_that_ran_has_help_a_help_uri_into_this_repository_tags_and_severity()
    {
        _tree.Write("main.cf", Weak);
        using var doc = Sarif();
        var rules = doc.RootElement.GetProperty("runs")[0].GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().ToList();
        Assert.That(rules.Select(r => r.GetProperty("id").GetString()), Is.EquivalentTo(RuleCatalog.All.Where(r => !r.Descriptor.OptIn).Select(r => r.Descriptor.Id)),
            "every rule but the opt-in ones runs by default");
        foreach (var r in rules)
        {
            var rule = RuleCatalog.Find(r.GetProperty("id").GetString()!)!;
            Assert.That(r.GetProperty("help").GetProperty("markdown").GetString(), Is.EqualTo(RuleCatalog.Doc(rule)));
            Assert.That(r.GetProperty("help").GetProperty("text").GetString(), Is.Not.Empty);
            Assert.That(r.GetProperty("shortDescription").GetProperty("text").GetString(), Is.EqualTo(rule.Descriptor.Title));
            Assert.That(r.GetProperty("fullDescription").GetProperty("text").GetString(), Is.Not.Empty);
            var uri = r.GetProperty("helpUri").GetString()!;
            Assert.That(uri, Does.StartWith(ToolInfo.InformationUri + "/blob/main/"));
            var inRepo = uri[(ToolInfo.InformationUri + "/blob/main/").Length..];
            Assert.That(File.Exists(Path.Combine(TestPaths.Repo, inRepo)), Is.True, $"{uri} names no file of this repository");
            var tags = r.GetProperty("properties").GetProperty("tags").EnumerateArray().Select(t => t.GetString()).ToList();
            Assert.That(tags, Does.Contain("security").And.Contain("tls"));
            Assert.That(r.GetProperty("properties").TryGetProperty("security-severity", out _), Is.EqualTo(rule.Descriptor.SecuritySeverity is not null));
        }
    }

    [Test]
    public void Results_are_relative_to_srcroot_with_full_regions()
    {
        _tree.Write("postfix/main.cf", Weak);
        using var doc = Sarif();
        var run = doc.RootElement.GetProperty("runs")[0];
        Assert.That(run.GetProperty("originalUriBaseIds").GetProperty("%SRCROOT%").GetProperty("uri").GetString(), Does.StartWith("file:///").And.EndWith("/"));
        Assert.That(run.GetProperty("automationDetails").GetProperty("id").GetString(), Does.StartWith("tlslint/"));
        Assert.That(run.GetProperty("invocations")[0].GetProperty("executionSuccessful").GetBoolean(), Is.True);
        var driver = run.GetProperty("tool").GetProperty("driver");
        Assert.That(driver.GetProperty("version").GetString(), Is.EqualTo(ToolInfo.Version));
        Assert.That(driver.GetProperty("informationUri").GetString(), Is.EqualTo(ToolInfo.InformationUri));
        foreach (var result in run.GetProperty("results").EnumerateArray())
        {
            var location = result.GetProperty("locations")[0].GetProperty("physicalLocation");
            Assert.That(location.GetProperty("artifactLocation").GetProperty("uri").GetString(), Is.EqualTo("postfix/main.cf"));
            Assert.That(location.GetProperty("artifactLocation").GetProperty("uriBaseId").GetString(), Is.EqualTo("%SRCROOT%"));
            var region = location.GetProperty("region");
            foreach (var field in new[] { "startLine", "startColumn", "endLine", "endColumn" })
            {
                Assert.That(region.GetProperty(field).GetInt32(), Is.Positive, field);
            }
        }
    }

    [Test]
    public void Fingerprints_survive_lines_inserted_above()
    {
        _tree.Write("main.cf", Weak);
        var before = Fingerprints();
        _tree.Write("main.cf", "# a new comment\nmyhostname = mx.example.org\n" + Weak);
        var after = Fingerprints();
        Assert.That(after, Is.EquivalentTo(before));
        Assert.That(before, Is.Not.Empty);
    }

    [Test]
    public void Suppressed_findings_are_left_out_unless_asked_for_and_then_carry_their_suppression()
    {
        _tree.Write("main.cf", Weak);
        using (var plain = Sarif())
        {
            Assert.That(Results(plain).Select(r => r.GetProperty("ruleId").GetString()), Has.No.Member("TLS102"));
        }

        using var with = Sarif("--sarif-include-suppressed");
        var suppressed = Results(with).Where(r => r.TryGetProperty("suppressions", out _)).ToList();
        Assert.That(suppressed.Select(r => r.GetProperty("ruleId").GetString()), Has.All.EqualTo("TLS102").And.Not.Empty);
        var s = suppressed[0].GetProperty("suppressions")[0];
        Assert.That(s.GetProperty("kind").GetString(), Is.EqualTo("inSource"));
        Assert.That(s.GetProperty("justification").GetString(), Is.EqualTo("partner MTAs"));
        Assert.That(s.GetProperty("location").GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32(), Is.EqualTo(3));
    }

    [Test]
    public void Github_annotations_escape_properties_and_messages()
    {
        _tree.Write("a,b:c/main.cf", "smtpd_tls_security_level = may\nsmtpd_tls_protocols = !SSLv2\n");
        var (code, output) = Run("--format", "github", "--select", "TLS101");
        Assert.That(code, Is.EqualTo(1), output);
        var line = output.Split('\n').First(l => l.StartsWith("::error ", StringComparison.Ordinal));
        Assert.That(line, Does.StartWith("::error file=a%2Cb%3Ac/main.cf,line=2,col=1,endLine=2,endColumn="));
        Assert.That(line, Does.Contain(",title=TLS101 ssl-protocol-enabled::"));
        Assert.That(line, Does.Contain("%0A(tlslint explain TLS101)"));
        Assert.That(GithubReportWriter.Data("50% done\r\nnext"), Is.EqualTo("50%25 done%0D%0Anext"));
        Assert.That(GithubReportWriter.Property("a:b,c%"), Is.EqualTo("a%3Ab%2Cc%25"));
    }

    private List<string> Fingerprints()
    {
        using var doc = Sarif();
        return Results(doc).Select(r => r.GetProperty("ruleId").GetString() + " " + r.GetProperty("partialFingerprints").GetProperty("primaryLocationLineHash").GetString()
                                        + " " + r.GetProperty("partialFingerprints").GetProperty("tlslintFingerprint/v1").GetString()).ToList();
    }

    private static List<JsonElement> Results(JsonDocument doc) =>
        doc.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().ToList();

    private JsonDocument Sarif(params string[] extra)
    {
        var (code, output) = Run(["--format", "sarif", .. extra]);
        Assert.That(code, Is.AnyOf(0, 1), output);
        return JsonDocument.Parse(output);
    }

    private (int Code, string Output) Run(params string[] args)
    {
        var outcome = CliOutcome.RunIn(_tree.Root, [".", "--no-config", .. args]);
        return (outcome.Code, outcome.Out + outcome.Err);
    }
}
