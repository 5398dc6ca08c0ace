using System.Text.RegularExpressions;
using Tlslint.Analysis;
using Tlslint.Model;
using Tlslint.Rules;

namespace Tlslint.Tests;

/// <summary>Rule docs have the fixed headings in order, and their bad/good examples behave as they say.</summary>
public sealed partial class RuleDocTests
{
    private static readonly string[] Required = ["What it does", "Why is this bad?", "Example", "References"];
    private static readonly string[] Order = ["What it does", "Why is this bad?", "Example", "Fix safety", "Options", "References"];

    public static IEnumerable<TestCaseData> Rules() =>
        RuleCatalog.All.Select(r => new TestCaseData(r.Descriptor.Id).SetName($"Doc {r.Descriptor.Id}"));

    [TestCaseSource(nameof(Rules))]
    public void Doc_has_the_fixed_headings_in_order(string id)
    {
        var rule = RuleCatalog.Find(id)!;
        var doc = RuleCatalog.Doc(rule);
        var lines = doc.Split('\n');
        Assert.That(lines[0].TrimEnd(), Is.EqualTo($"# {id} {rule.Descriptor.Name}"));
        var headings = lines.Where(l => l.StartsWith("## ", StringComparison.Ordinal)).Select(l => l[3..].TrimEnd()).ToList();
        Assert.That(headings, Is.SubsetOf(Order), "unknown heading");
        Assert.That(Required, Is.SubsetOf(headings), "missing heading");
        Assert.That(headings, Is.EqualTo(Order.Where(headings.Contains).ToList()), "headings out of order");
        var references = doc[doc.IndexOf("## References", StringComparison.Ordinal)..];
        Assert.That(Link().Matches(references), Is.Not.Empty, "References need at least one https link");
        Assert.That(Link().Matches(references).Select(m => m.Value), Has.All.StartsWith("https://"));
    }

    [TestCaseSource(nameof(Rules))]
    public void Doc_examples_behave_as_labelled(string id)
    {
        var rule = RuleCatalog.Find(id)!;
        var blocks = ExampleBlock().Matches(RuleCatalog.Doc(rule)).ToList();
        var supported = (rule.Descriptor.AppliesTo & Linter.SupportedProducts).Members().Select(p => p.Id()).ToList();
        var runnable = blocks.Where(b => supported.Contains(b.Groups["product"].Value)).ToList();
        var doc = RuleCatalog.Doc(rule);
        var notRunnable = NotRunnable().Match(doc);
        if (notRunnable.Success)
        {
            Assert.That(notRunnable.Groups["why"].Value.Trim(), Is.Not.Empty, "say why the examples cannot run");
            Assert.That(runnable, Is.Empty, "a doc with runnable examples must not claim otherwise");
            return;
        }

        if (supported.Count > 0)
        {
            Assert.That(runnable.Any(b => b.Groups["kind"].Value == "bad"), "needs a runnable `bad` example");
            Assert.That(runnable.Any(b => b.Groups["kind"].Value == "good"), "needs a runnable `good` example");
        }

        foreach (var group in runnable.GroupBy(b => (b.Groups["product"].Value, b.Groups["kind"].Value)))
        {
            var dir = Path.Combine(Path.GetTempPath(), "tlslint-doc-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(dir);
            try
            {
                foreach (var block in group)
                {
                    var file = block.Groups["file"].Success ? block.Groups["file"].Value : DefaultFile(group.Key.Item1);
                    var path = Path.Combine(dir, file);
                    Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                    File.AppendAllText(path, block.Groups["body"].Value);
                }

                // Under --root dir, an example's `/etc/ssl/...` never reads this machine's files.
                var result = Linter.Run(new LintRequest
                {
                    Paths = [dir], Rules = [rule], Select = [id], WorkingDirectory = dir, Root = dir, Now = FixtureTests.FixedNow,
                });
                var mine = result.Findings.Where(f => f.Rule.Id == id).ToList();
                if (group.Key.Item2 == "bad")
                {
                    Assert.That(mine, Is.Not.Empty, $"the bad {group.Key.Item1} example reports nothing");
                }
                else
                {
                    Assert.That(mine.Select(f => f.Message), Is.Empty, $"the good {group.Key.Item1} example reports");
                }
            }
            finally
            {
                Directory.Delete(dir, recursive: true);
            }
        }
    }

    /// <summary>The file an example block without a file name goes to: the product's entry file.</summary>
    private static string DefaultFile(string product) => product switch
    {
        "postfix" => "main.cf",
        "dovecot" => "dovecot.conf",
        "apache" => "apache2.conf",
        "nginx" => "nginx.conf",
        _ => throw new ArgumentOutOfRangeException(nameof(product), product, "not a product id"),
    };

    [GeneratedRegex(@"```(?<product>[a-z]+) (?<kind>bad|good)(?: (?<file>[\w./-]+))?\n(?<body>.*?)```", RegexOptions.Singleline)]
    private static partial Regex ExampleBlock();

    [GeneratedRegex(@"<!-- examples-not-runnable:(?<why>[^>]*)-->")]
    private static partial Regex NotRunnable();

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Link();
}
