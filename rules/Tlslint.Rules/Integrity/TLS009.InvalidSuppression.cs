using Tlslint.Analysis;
using Tlslint.Model;

namespace Tlslint.Rules.Integrity;

public sealed class InvalidSuppression : TreeRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        Id: SuppressionComment.RuleId,
        Name: "invalid-suppression",
        Title: "A `# tlslint ignore` comment is malformed, gives no reason, names an unknown rule, or is unused",
        DefaultLevel: Level.Warning,
        AppliesTo: Products.All,
        SecuritySeverity: null);

    public override void Check(ConfigTree tree, RuleContext context)
    {
        foreach (var comment in tree.Suppressions)
        {
            if (comment.Problem is { } problem)
            {
                context.Report(problem, comment.Location);
                continue;
            }

            foreach (var rule in comment.Rules.Where(IsUnknown))
            {
                context.Report($"`{rule.Text}` is not a tlslint rule (see `tlslint rules`), so this suppression accepts nothing for it", rule.Location);
            }

            if (!comment.HasReason)
            {
                context.Report($"suppression of `{string.Join(",", comment.Rules.Select(r => r.Text))}` gives no reason: add `-- why this is accepted` so that the next reader knows", comment.Location);
            }

            if (!comment.Global && comment.Covers is null)
            {
                context.Report("this suppression has no line below it to cover: put it on the line above the finding, or write `# tlslint global ignore=…` for the whole file", comment.Location);
            }
        }
    }

    private static bool IsUnknown(SuppressedRule rule) => RuleCatalog.Find(rule.Text) is null;
}
