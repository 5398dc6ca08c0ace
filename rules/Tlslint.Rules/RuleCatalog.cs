using System.Reflection;
using Tlslint.Analysis;

namespace Tlslint.Rules;

/// <summary>Every rule in this assembly, found by type (no registry to edit), and their docs.</summary>
public static class RuleCatalog
{
    private static readonly Lazy<IReadOnlyList<Rule>> Rules = new(Discover);

    public static IReadOnlyList<Rule> All => Rules.Value;

    public static Rule? Find(string idOrName) =>
        All.FirstOrDefault(r => string.Equals(r.Descriptor.Id, idOrName, StringComparison.OrdinalIgnoreCase)
                                || string.Equals(r.Descriptor.Name, idOrName, StringComparison.OrdinalIgnoreCase));

    /// <summary>The rule's Markdown doc (embedded from <c>TLSnnn.Name.md</c> beside its class).</summary>
    public static string Doc(Rule rule)
    {
        var assembly = typeof(RuleCatalog).Assembly;
        var name = $"Tlslint.Rules.Docs.{rule.Descriptor.Id}.{rule.GetType().Name}.md";
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"rule {rule.Descriptor.Id} has no embedded doc {name}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>The rule doc's path inside the repository: <c>rules/Tlslint.Rules/&lt;Category&gt;/&lt;ID&gt;.&lt;Class&gt;.md</c>.</summary>
    public static string DocPath(Rule rule)
    {
        var type = rule.GetType();
        var folder = type.Namespace![(typeof(RuleCatalog).Namespace!.Length + 1)..].Replace('.', '/');
        return $"rules/Tlslint.Rules/{folder}/{rule.Descriptor.Id}.{type.Name}.md";
    }

    /// <summary>Where the rule's doc can be read online (SARIF <c>helpUri</c>).</summary>
    public static string HelpUri(Rule rule) => Reporting.ToolInfo.DocUri(DocPath(rule));

    private static IReadOnlyList<Rule> Discover() =>
        typeof(RuleCatalog).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsClass: true } && typeof(Rule).IsAssignableFrom(t))
            .Select(t => (Rule)Activator.CreateInstance(t)!)
            .OrderBy(r => r.Descriptor.Id, StringComparer.Ordinal)
            .ToList();
}
