using Tlslint.Analysis;
using Tlslint.Model;

namespace Tlslint.Rules.Integrity;

public sealed class UnknownSetting : TreeRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        Id: "TLS005",
        Name: "unknown-setting",
        Title: "A TLS setting name the server does not know",
        DefaultLevel: Level.Warning,
        AppliesTo: Products.All,
        SecuritySeverity: 5.0);

    public override void Check(ConfigTree tree, RuleContext context)
    {
        foreach (var directive in tree.Directives)
        {
            if (!IsUnknownTlsName(directive.Knowledge))
            {
                continue;
            }

            var product = $"{tree.Product.DisplayName()} {context.Version}";
            context.Report(
                $"`{directive.Name}` is not {Article(product)} {product} setting, so {Consequence(tree.Product)}; {Remedy(directive.Knowledge)}",
                directive.NameLocation);
        }
    }

    private static string Article(string word) => "AEIOUaeiou".Contains(word[0]) || word.StartsWith("nginx", StringComparison.Ordinal) ? "an" : "a";

    private static bool IsUnknownTlsName(NameInfo knowledge) =>
        knowledge.IsTlsRelevant && knowledge.Status is NameStatus.Unknown or NameStatus.TooNew;

    private static string Consequence(Product product) => product switch
    {
        Product.Postfix => "Postfix logs it as an unused parameter and its value never takes effect",
        Product.Apache => "httpd refuses to start with \"Invalid command\"",
        Product.Nginx => "nginx refuses to start with `unknown directive` (unless a third-party module defines it)",
        _ => $"{product.DisplayName()} ignores or rejects it and its value never takes effect",
    };

    private static string Remedy(NameInfo knowledge) => knowledge switch
    {
        { Suggestion: { } name } => $"did you mean `{name}`?",
        { Status: NameStatus.TooNew, Advice: { } advice } => $"{advice}; remove it until the server runs such a release",
        { Advice: { } advice } => $"{advice}; remove it",
        _ => "check the spelling against the product's documentation or remove it",
    };
}
