using Tlslint.Analysis;
using Tlslint.Model;

namespace Tlslint.Rules.Integrity;

public sealed class DuplicateSetting : TreeRule
{
    private const int MaxShownValue = 40;

    public override RuleDescriptor Descriptor { get; } = new(
        Id: "TLS007",
        Name: "duplicate-setting",
        Title: "A setting is written twice in the same scope",
        DefaultLevel: Level.Warning,
        AppliesTo: Products.Postfix | Products.Apache | Products.Nginx | Products.Dovecot,
        SecuritySeverity: 3.0);

    public override void Check(ConfigTree tree, RuleContext context)
    {
        var groups = tree.Directives.GroupBy(d => (d.Scope, d.Name));
        foreach (var group in groups)
        {
            var all = group.ToList();
            if (all.Count < 2)
            {
                continue;
            }

            switch (all[0].Knowledge.Repetition)
            {
                case Repetition.Accumulates:
                    continue;
                case Repetition.Rejected:
                    ReportRejected(all, context);
                    continue;
                case Repetition.Combined:
                    ReportCombined(all, context);
                    continue;
            }

            var winner = all[^1];
            foreach (var overridden in all.Take(all.Count - 1))
            {
                context.Report(Message(overridden, winner), overridden.Location,
                    related: [new RelatedLocation(winner.Location, "this later definition wins")]);
            }
        }
    }

    /// <summary>nginx stops at the second occurrence of most directives; the finding sits on that one.</summary>
    private static void ReportRejected(List<Directive> all, RuleContext context)
    {
        var first = all[0];
        foreach (var again in all.Skip(1))
        {
            context.Report(
                $"`{again.Name}` is already set in this block at {Where(first)}: {context.Tree.Product.DisplayName()} refuses to start with `\"{again.Name}\" directive is duplicate`; keep one",
                again.Location, Level.Error, [new RelatedLocation(first.Location, "first definition")]);
        }
    }

    /// <summary>nginx ORs repeated bitmask directives (<c>ssl_protocols</c>): every line adds its values.</summary>
    private static void ReportCombined(List<Directive> all, RuleContext context)
    {
        var values = string.Join(" ", all.Select(d => d.Value));
        foreach (var again in all.Skip(1))
        {
            context.Report(
                $"`{again.Name} {Shown(again.Value)}` adds to `{again.Name} {Shown(all[0].Value)}` at {Where(all[0])} instead of replacing it, so `{Shown(values)}` are all in force; write one line with the values you mean",
                again.Location, related: [new RelatedLocation(all[0].Location, "earlier line whose values still count")]);
        }
    }

    private static string Where(Directive d) => $"{d.Location.File.Path}:{d.Location.Line}";

    private static string Message(Directive overridden, Directive winner)
    {
        var where = $"{winner.Location.File.Path}:{winner.Location.Line}";
        var setting = overridden.Product == Product.Apache
            ? $"`{overridden.Name} {Shown(overridden.Value)}`"
            : $"`{overridden.Name} = {Shown(overridden.Value)}`";
        return HasSameValue(overridden, winner)
            ? $"{setting} is repeated with the same value in {where}, where the later line wins; remove this one"
            : $"{setting} has no effect because {where} sets it again to `{Shown(winner.Value)}` and the later line wins; remove this one";
    }

    private static bool HasSameValue(Directive a, Directive b) => string.Equals(a.Value, b.Value, StringComparison.Ordinal);

    private static string Shown(string value) =>
        value.Length <= MaxShownValue ? value : value[..(MaxShownValue - 3)] + "...";
}
