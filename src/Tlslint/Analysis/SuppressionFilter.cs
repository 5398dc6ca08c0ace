using Tlslint.Model;

namespace Tlslint.Analysis;

/// <summary>Applies a tree's suppression comments to its findings.</summary>
public static class SuppressionFilter
{
    /// <summary>
    /// Splits findings into those still reported and those a comment accepts (marked with their
    /// <see cref="Suppression"/>). With <paramref name="reportUnused"/>, a rule named in a comment that ran on the tree
    /// and accepted nothing there is reported as <see cref="SuppressionComment.RuleId"/> when that rule is among
    /// <paramref name="rules"/>.
    /// </summary>
    public static (List<Finding> Active, List<Finding> Suppressed) Apply(ConfigTree tree, IReadOnlyList<Finding> findings,
        IReadOnlyList<Rule> rules, bool reportUnused)
    {
        var active = new List<Finding>(findings.Count);
        var suppressed = new List<Finding>();
        var used = new HashSet<SuppressedRule>();
        foreach (var finding in findings)
        {
            var comment = tree.Suppressions.FirstOrDefault(c => c.Matches(finding.Rule, finding.Location));
            if (comment is null)
            {
                active.Add(finding);
                continue;
            }

            used.UnionWith(comment.Rules.Where(r => r.Names(finding.Rule)));
            suppressed.Add(finding with { Suppression = new Suppression(comment.Reason ?? string.Empty, comment.Location, comment.Global) });
        }

        var reporter = rules.FirstOrDefault(r => r.Descriptor.Id == SuppressionComment.RuleId);
        if (reportUnused && reporter is not null)
        {
            foreach (var comment in tree.Suppressions.Where(c => c.Problem is null))
            {
                foreach (var named in comment.Rules.Where(r => !used.Contains(r)))
                {
                    var rule = rules.FirstOrDefault(r => named.Names(r.Descriptor));
                    if (rule is null || !rule.Descriptor.AppliesTo.Contains(tree.Product))
                    {
                        continue; // not run here: nothing tells whether it would have been needed
                    }

                    var scope = comment.Global ? "in this file" : comment.Covers is { } c && c.Last > c.First ? "in the block below" : "on the line below";
                    active.Add(new Finding(reporter.Descriptor, reporter.Descriptor.DefaultLevel,
                        $"`{named.Text}` is suppressed here but reports nothing {scope}; remove it from the comment",
                        named.Location, [], null));
                }
            }
        }

        return (active, suppressed);
    }
}
