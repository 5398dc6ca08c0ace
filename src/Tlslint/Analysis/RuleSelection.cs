namespace Tlslint.Analysis;

/// <summary>Picks rules by ID or ID prefix (<c>TLS1</c>, <c>TLS10</c>, <c>TLS101</c>), as ruff's --select does.</summary>
public static class RuleSelection
{
    public static IReadOnlyList<Rule> Apply(IReadOnlyList<Rule> rules, IReadOnlyList<string> select, IReadOnlyList<string> ignore) =>
        rules.Where(r => (r.Descriptor.OptIn ? select.Any(s => Names(r, s)) : select.Count == 0 || select.Any(s => Matches(r, s)))
                         && !ignore.Any(i => Matches(r, i)))
            .OrderBy(r => r.Descriptor.Id, StringComparer.Ordinal)
            .ToList();

    /// <summary>
    /// One message per <c>--select</c>/<c>--ignore</c> selector that matches no rule, so that a typo is reported
    /// instead of silently running nothing.
    /// </summary>
    public static IEnumerable<string> Problems(IReadOnlyList<Rule> rules, IReadOnlyList<string> select, IReadOnlyList<string> ignore) =>
        select.Concat(ignore)
            .Where(s => !rules.Any(r => Matches(r, s)))
            .Select(s => $"--select/--ignore: `{s}` matches no rule (see `tlslint rules`)");

    /// <summary>The selector names exactly this rule (needed for opt-in rules).</summary>
    private static bool Names(Rule rule, string selector) =>
        string.Equals(rule.Descriptor.Id, selector.Trim(), StringComparison.OrdinalIgnoreCase)
        || string.Equals(rule.Descriptor.Name, selector.Trim(), StringComparison.OrdinalIgnoreCase);

    private static bool Matches(Rule rule, string selector) =>
        rule.Descriptor.Id.StartsWith(selector.Trim(), StringComparison.OrdinalIgnoreCase)
        || string.Equals(rule.Descriptor.Name, selector.Trim(), StringComparison.OrdinalIgnoreCase);
}
