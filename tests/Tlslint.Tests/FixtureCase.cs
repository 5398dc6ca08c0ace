using Tlslint.Model;

namespace Tlslint.Tests;

/// <summary>One folder (or file) under fixtures/&lt;ID&gt;/&lt;product&gt;/: positive_N or negative_N.</summary>
public sealed record FixtureCase(string RuleId, Product Product, string Name, string Path)
{
    public bool IsPositive => Name.StartsWith("positive", StringComparison.Ordinal);

    public override string ToString() => $"{RuleId}/{Product.Id()}/{Name}";

    public static IEnumerable<FixtureCase> All()
    {
        if (!Directory.Exists(TestPaths.Fixtures))
        {
            yield break;
        }

        foreach (var ruleDir in Directory.EnumerateDirectories(TestPaths.Fixtures, "TLS*").Order(StringComparer.Ordinal))
        {
            foreach (var productDir in Directory.EnumerateDirectories(ruleDir).Order(StringComparer.Ordinal))
            {
                if (!ProductExtensions.TryParse(System.IO.Path.GetFileName(productDir), out var product))
                {
                    throw new InvalidOperationException($"{productDir}: folder name is not a product");
                }

                foreach (var entry in Directory.EnumerateFileSystemEntries(productDir).Order(StringComparer.Ordinal))
                {
                    var name = System.IO.Path.GetFileName(entry);
                    yield return new FixtureCase(System.IO.Path.GetFileName(ruleDir), product, name, entry);
                }
            }
        }
    }
}
