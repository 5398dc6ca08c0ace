using Tlslint.Model;

namespace Tlslint.Analysis;

/// <summary>Everything a run produced: the trees, the findings, and input errors that are not findings.</summary>
public sealed record LintResult(
    IReadOnlyList<ConfigTree> Trees,
    IReadOnlyList<Finding> Findings,
    IReadOnlyList<string> Errors,
    IReadOnlyList<Rule> RulesRun,
    Assumptions Assumptions)
{
    /// <summary>Findings accepted by a suppression comment: not reported as problems, kept for JSON and SARIF.</summary>
    public IReadOnlyList<Finding> Suppressed { get; init; } = [];

    /// <summary>Findings left out because a baseline lists them (<c>--baseline</c>).</summary>
    public int Baselined { get; init; }

    /// <summary>True when a path was missing or a configuration file could not be read or parsed (exit code 2).</summary>
    public bool HasInputProblems => Errors.Count > 0 || Trees.Any(t => t.Diagnostics.Any(d => d.Fatal && InFocus(d.Location.File)));

    /// <summary>With <see cref="LintRequest.OnlyGivenFiles"/>: whether a file is one of those the report is about.</summary>
    public Func<Text.SourceFile, bool> InFocus { get; init; } = _ => true;

    /// <summary>The assumptions in force for each product that was linted (after detection from the trees).</summary>
    public IReadOnlyDictionary<Product, AssumedVersion> EffectiveVersions =>
        Trees.GroupBy(t => t.Product).ToDictionary(g => g.Key, g => g.First().Version);
}
