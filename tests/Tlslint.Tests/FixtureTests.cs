using System.Text.RegularExpressions;
using Tlslint.Analysis;
using Tlslint.Model;
using Tlslint.Rules;

namespace Tlslint.Tests;

/// <summary>
/// The one fixture test: every case under fixtures/ runs the real pipeline with only its rule enabled and must report
/// exactly the (file, line, rule) triples its <c># expect: TLSnnn</c> markers announce.
/// </summary>
public sealed partial class FixtureTests
{
    public static IEnumerable<TestCaseData> Cases() =>
        FixtureCase.All().Select(c => new TestCaseData(c).SetName($"Fixture {c}"));

    [TestCaseSource(nameof(Cases))]
    public void Fixture_reports_exactly_the_marked_lines(FixtureCase fixture)
    {
        Assert.That(fixture.Name, Does.Match("^(positive|negative)_[0-9]+"), "case names are positive_N or negative_N");
        var rule = RuleCatalog.Find(fixture.RuleId);
        Assert.That(rule, Is.Not.Null, $"no rule {fixture.RuleId}");
        if (!Linter.SupportedProducts.Contains(fixture.Product))
        {
            // Product-neutral rules (suppression comments) carry cases for products whose loader has not landed yet.
            Assert.Ignore($"{fixture.Product.Id()} has no loader yet");
        }

        var caseDir = Directory.Exists(fixture.Path) ? fixture.Path : Path.GetDirectoryName(fixture.Path)!;
        using var modes = CaseWithModes.Prepare(fixture.Path);
        var runDir = modes?.Root ?? caseDir;
        var result = Linter.Run(new LintRequest
        {
            Paths = [modes?.Root ?? fixture.Path],
            Rules = [rule!],
            Select = [rule!.Descriptor.Id], // opt-in rules run only when named
            WorkingDirectory = runDir,
            Assumptions = CaseAssumptions(caseDir) with { Profile = fixture.Profile },

            // Absolute paths in a case (`/etc/ssl/...`) name files inside the case, and certificate dates are judged
            // at one fixed moment, so that checked-in test certificates behave the same forever.
            Root = runDir,
            Now = FixedNow,
        });
        Assert.That(result.Errors, Is.Empty);
        Assert.That(result.Trees, Is.Not.Empty, "the case holds no configuration tlslint recognises");

        var expected = ExpectedFindings(fixture.Path, caseDir).Where(e => e.Rule == fixture.RuleId).ToList();
        var actual = result.Findings
            .Select(f => new Expectation(f.Location.File.Path, f.Location.Range is null ? 0 : f.Location.Line, f.Rule.Id))
            .Distinct()
            .ToList();

        if (fixture.IsPositive)
        {
            Assert.That(expected, Is.Not.Empty, "a positive case needs at least one `# expect:` marker");
        }
        else
        {
            Assert.That(expected, Is.Empty, "a negative case has no markers");
        }

        var listing = "findings:\n" + string.Join("\n", result.Findings.Select(f => $"  {f.Location}: {f.Level.Id()} {f.Rule.Id} {f.Message}"));
        Assert.That(actual, Is.EquivalentTo(expected.Select(e => e with { Level = null }).Distinct()), listing);

        // `# expect: TLS206 warning` also pins the level (profiles change levels, not only triggers).
        foreach (var e in expected.Where(e => e.Level is not null))
        {
            var levels = result.Findings
                .Where(f => f.Rule.Id == e.Rule && f.Location.File.Path == e.File && (f.Location.Range is null ? 0 : f.Location.Line) == e.Line)
                .Select(f => f.Level)
                .Distinct()
                .ToList();
            Assert.That(levels, Is.EqualTo(new[] { e.Level!.Value }), $"{e}: level\n{listing}");
        }
    }

    /// <summary>The moment every fixture is linted at (<c>--now</c>): fixtures/_material dates are chosen around it.</summary>
    public static readonly DateTimeOffset FixedNow = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Test]
    public void Every_profile_rule_has_positive_and_negative_cases_for_each_profile()
    {
        var cases = FixtureCase.All().Where(c => Linter.SupportedProducts.Contains(c.Product)).ToList();
        var missing = new List<string>();
        foreach (var rule in RuleCatalog.All.Where(r => r.Descriptor.FollowsProfile))
        {
            foreach (var profile in Enum.GetValues<Profile>())
            {
                var mine = cases.Where(c => c.RuleId == rule.Descriptor.Id && c.Profile == profile).ToList();
                if (!mine.Any(c => c.IsPositive))
                {
                    missing.Add($"{rule.Descriptor.Id}/{profile.Id()}: no positive case");
                }

                if (!mine.Any(c => !c.IsPositive))
                {
                    missing.Add($"{rule.Descriptor.Id}/{profile.Id()}: no negative case");
                }
            }
        }

        Assert.That(missing, Is.Empty);
    }

    [Test]
    public void Every_rule_has_positive_and_negative_cases_for_each_supported_product()
    {
        var cases = FixtureCase.All().ToList();
        var missing = new List<string>();
        foreach (var rule in RuleCatalog.All)
        {
            foreach (var product in (rule.Descriptor.AppliesTo & Linter.SupportedProducts).Members())
            {
                var mine = cases.Where(c => c.RuleId == rule.Descriptor.Id && c.Product == product).ToList();
                if (!mine.Any(c => c.IsPositive))
                {
                    missing.Add($"{rule.Descriptor.Id}/{product.Id()}: no positive case");
                }

                if (!mine.Any(c => !c.IsPositive))
                {
                    missing.Add($"{rule.Descriptor.Id}/{product.Id()}: no negative case");
                }
            }
        }

        Assert.That(missing, Is.Empty);
    }

    /// <summary>
    /// A case may hold <c>assume.txt</c> with <c>--assume</c> items, one per line (<c>postfix=3.0.1</c>), to test the
    /// defaults of other versions.
    /// </summary>
    private static Assumptions CaseAssumptions(string caseDir)
    {
        var assumptions = Assumptions.Default;
        var file = Path.Combine(caseDir, "assume.txt");
        if (!File.Exists(file))
        {
            return assumptions;
        }

        foreach (var line in File.ReadAllLines(file).Where(l => l.Trim().Length > 0 && !l.TrimStart().StartsWith('#')))
        {
            Assert.That(Tlslint.Cli.CommandLine.TryAssume(assumptions, line.Trim(), out assumptions, out var problem), problem);
        }

        return assumptions;
    }

    /// <summary>
    /// Reads <c># expect: TLSnnn[,TLSmmm] [level]</c> (the next non-marker line) and <c># expect-file: TLSnnn [level]</c>
    /// (the file); a level word (<c>error</c>, <c>warning</c>, <c>note</c>) pins the level of those findings too.
    /// </summary>
    internal static List<Expectation> ExpectedFindings(string path, string caseDir)
    {
        var files = File.Exists(path) ? [path] : Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories);
        var result = new List<Expectation>();
        foreach (var file in files)
        {
            if (!TestPaths.IsReadableFile(file))
            {
                continue; // a broken symbolic link is a fixture's subject, not a source of markers
            }

            var display = Path.GetRelativePath(caseDir, file).Replace('\\', '/');
            var lines = File.ReadAllLines(file);
            var pending = new List<(string Id, Level? Level)>();
            for (var i = 0; i < lines.Length; i++)
            {
                var m = Marker().Match(lines[i]);
                if (m.Success)
                {
                    Level? level = m.Groups["level"].Success && LevelExtensions.TryParse(m.Groups["level"].Value, out var l) ? l : null;
                    var ids = m.Groups["ids"].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
                    if (m.Groups["file"].Success)
                    {
                        // `# expect-file: TLS004 @main.cf` names another file of the case (one that cannot hold markers).
                        var target = m.Groups["target"].Success
                            ? Path.GetRelativePath(caseDir, Path.Combine(Path.GetDirectoryName(file)!, m.Groups["target"].Value)).Replace('\\', '/')
                            : display;
                        result.AddRange(ids.Select(id => new Expectation(target, 0, id, level)));
                    }
                    else
                    {
                        pending.AddRange(ids.Select(id => (id, level)));
                    }

                    continue;
                }

                result.AddRange(pending.Select(p => new Expectation(display, i + 1, p.Id, p.Level)));
                pending.Clear();
            }

            Assert.That(pending, Is.Empty, $"{display}: `# expect:` marker with no line below it");
        }

        return result;
    }

    [GeneratedRegex(@"^\s*#\s*expect(?<file>-file)?:\s*(?<ids>TLS\d{3}(\s*,\s*TLS\d{3})*)(\s+(?<level>error|warning|note))?(\s+@(?<target>\S+))?\s*$")]
    private static partial Regex Marker();

    internal sealed record Expectation(string File, int Line, string Rule, Level? Level = null)
    {
        public override string ToString() => $"{File}:{Line} {Rule}";
    }
}
