using Tlslint.Model;

namespace Tlslint.Tests;

/// <summary>One folder (or file) under fixtures/&lt;ID&gt;/&lt;product&gt;/: positive_N or negative_N.</summary>
public sealed record FixtureCase(string RuleId, Product Product, string Name, string Path)
{
    /// <summary>A case folder may hold <c>profile.txt</c>: the <c>--profile</c> it is linted under (one word).</summary>
    public const string ProfileFile = "profile.txt";

    public bool IsPositive => Name.StartsWith("positive", StringComparison.Ordinal);

    /// <summary>The profile the case is linted under: its <c>profile.txt</c>, else the default (intermediate).</summary>
    public Profile Profile
    {
        get
        {
            var file = System.IO.Path.Combine(Path, ProfileFile);
            if (!Directory.Exists(Path) || !File.Exists(file))
            {
                return Profile.Intermediate;
            }

            var text = File.ReadAllLines(file).Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0 && !l.StartsWith('#'));
            return ProfileExtensions.TryParse(text, out var profile)
                ? profile
                : throw new InvalidOperationException($"{file}: `{text}` is not one of {ProfileExtensions.Choices}");
        }
    }

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
