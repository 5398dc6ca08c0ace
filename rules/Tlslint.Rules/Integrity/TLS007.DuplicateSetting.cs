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
            var winner = all[^1];
            foreach (var overridden in all.Take(all.Count - 1))
            {
                context.Report(Message(overridden, winner), overridden.Location,
                    related: [new RelatedLocation(winner.Location, "this later definition wins")]);
            }
        }
    }

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
