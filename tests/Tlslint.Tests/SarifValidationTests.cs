using System.Text.Json;

namespace Tlslint.Tests;

/// <summary>
/// SARIF from every fixture tree and from the corpus passes Microsoft's validator
/// (<c>@microsoft/sarif-multitool</c> 5.7.0, with its GitHub code-scanning rules) with no error and no warning.
/// </summary>
public sealed class SarifValidationTests
{
    [Test]
    public void Sarif_for_all_fixtures_and_the_corpus_passes_the_multitool()
    {
        var npx = RequireNpx();
        var dir = Path.Combine(Path.GetTempPath(), "tlslint-sarif-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            var files = new List<string>
            {
                Produce(TestPaths.Fixtures, Path.Combine(dir, "fixtures.sarif")),
                // Suppressed findings with their `suppressions`, and unused-suppression findings, from the TLS009 cases.
                Produce(TestPaths.Fixtures, Path.Combine(dir, "fixtures-suppressed.sarif"), "--sarif-include-suppressed", "--report-unused-ignores"),
            };
            foreach (var tree in Directory.EnumerateDirectories(Path.Combine(TestPaths.Fixtures, "_examples")))
            {
                files.Add(Produce(tree, Path.Combine(dir, "example-" + Path.GetFileName(tree) + ".sarif")));
            }

            if (TestPaths.Corpus is { } corpus)
            {
                files.Add(Produce(corpus, Path.Combine(dir, "corpus.sarif")));
            }

            var log = Path.Combine(dir, "validation.sarif");
            var (code, output) = Run(npx, ["--yes", "@microsoft/sarif-multitool@5.7.0", "validate", .. files,
                "--rule-kind", "\"Gh;Sarif\"", "-o", log, "--log", "ForceOverwrite"]);
            Assert.That(code, Is.Zero, output);
            Assert.That(File.Exists(log), Is.True, output);
            Assert.That(Problems(log), Is.Empty, output);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>Lints a tree with every rule and writes SARIF, through the real command line.</summary>
    private static string Produce(string tree, string output, params string[] extra)
    {
        var previous = Environment.CurrentDirectory;
        Environment.CurrentDirectory = tree;
        try
        {
            var stdout = new StringWriter();
            var stderr = new StringWriter();
            var code = Tlslint.Cli.CommandLine.Run([".", "--format", "sarif", "--output", output, "--fail-on", "none", .. extra], stdout, stderr);
            Assert.That(code, Is.AnyOf(0, 2), stderr.ToString());
            Assert.That(File.Exists(output), Is.True, stderr.ToString());
            using var doc = JsonDocument.Parse(File.ReadAllText(output));
            Assert.That(doc.RootElement.GetProperty("runs")[0].GetProperty("results").GetArrayLength(), Is.GreaterThan(0));
            return output;
        }
        finally
        {
            Environment.CurrentDirectory = previous;
        }
    }

    /// <summary>
    /// Errors and warnings in the validator's own SARIF log: a result without a level takes its rule's default level,
    /// and without that it is a warning; a failed invocation counts too.
    /// </summary>
    private static List<string> Problems(string log)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(log));
        var problems = new List<string>();
        foreach (var run in doc.RootElement.GetProperty("runs").EnumerateArray())
        {
            var rules = run.GetProperty("tool").GetProperty("driver").TryGetProperty("rules", out var r0) ? r0 : default;
            foreach (var invocation in run.TryGetProperty("invocations", out var inv) ? inv.EnumerateArray() : default)
            {
                if (invocation.TryGetProperty("executionSuccessful", out var ok) && !ok.GetBoolean())
                {
                    problems.Add("the validator's run was not successful");
                }
            }

            if (!run.TryGetProperty("results", out var results))
            {
                continue;
            }

            foreach (var result in results.EnumerateArray())
            {
                var level = result.TryGetProperty("level", out var l) ? l.GetString()
                    : result.TryGetProperty("ruleIndex", out var index) && rules.ValueKind == JsonValueKind.Array
                      && rules[index.GetInt32()].TryGetProperty("defaultConfiguration", out var config)
                      && config.TryGetProperty("level", out var defaultLevel) ? defaultLevel.GetString()
                    : "warning";
                if (level is "error" or "warning")
                {
                    var id = result.TryGetProperty("ruleId", out var r) ? r.GetString() : "?";
                    var text = result.GetProperty("message").TryGetProperty("text", out var t) ? t.GetString() : result.GetProperty("message").ToString();
                    problems.Add($"{level} {id}: {text}");
                }
            }
        }

        return problems;
    }

    private static string RequireNpx()
    {
        var npx = ExternalTool.Find("npx");
        if (npx is not null)
        {
            return npx;
        }

        if (Environment.GetEnvironmentVariable("CI") == "true")
        {
            Assert.Fail("npx is not on PATH; .ci/run needs Node.js to fetch @microsoft/sarif-multitool");
        }

        Assert.Ignore("npx is not on PATH: the SARIF validation test needs Node.js and @microsoft/sarif-multitool");
        return null!;
    }

    private static (int Code, string Output) Run(string program, string[] args)
    {
        var (code, output, error) = ExternalTool.Run(program, args, TimeSpan.FromMinutes(5));
        return (code, output + error);
    }
}
