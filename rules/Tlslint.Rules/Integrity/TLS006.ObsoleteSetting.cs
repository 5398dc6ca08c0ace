using Tlslint.Analysis;
using Tlslint.Model;

namespace Tlslint.Rules.Integrity;

public sealed class ObsoleteSetting : TreeRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        Id: "TLS006",
        Name: "obsolete-setting",
        Title: "A TLS setting that is obsolete in the assumed version",
        DefaultLevel: Level.Warning,
        AppliesTo: Products.All,
        SecuritySeverity: 2.0);

    public override void Check(ConfigTree tree, RuleContext context)
    {
        foreach (var directive in tree.Directives)
        {
            if (!IsObsolete(directive.Knowledge))
            {
                continue;
            }

            var product = $"{tree.Product.DisplayName()} {context.Version}";
            var advice = directive.Knowledge.Advice ?? "remove it";
            context.Report($"`{directive.Name}` is obsolete in {product}; {advice}", directive.NameLocation);
        }
    }

    private static bool IsObsolete(NameInfo knowledge) => knowledge.Status == NameStatus.Obsolete;
}
