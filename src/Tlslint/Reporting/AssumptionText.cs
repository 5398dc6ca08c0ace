using Tlslint.Analysis;
using Tlslint.Model;

namespace Tlslint.Reporting;

/// <summary>The assumptions of a run in words, for every format.</summary>
public static class AssumptionText
{
    /// <summary>Product versions in force for the products linted (or every product when none was), then OpenSSL.</summary>
    public static IEnumerable<(string Key, string Version, string Source)> Entries(LintResult result)
    {
        var effective = result.EffectiveVersions;
        foreach (var product in Enum.GetValues<Product>())
        {
            if (!Linter.SupportedProducts.Contains(product))
            {
                continue;
            }

            var v = effective.TryGetValue(product, out var detected) ? detected : result.Assumptions.Products[product];
            yield return (product.Id(), v.Version.ToString(), v.Source);
        }

        var a = result.Assumptions;
        yield return ("openssl", a.OpenSsl.Version.ToString(), a.OpenSsl.Source);
        yield return ("openssl-build", a.Build.Name, a.EngineModelsOpenSsl
            ? a.BuildSource
            : $"{a.BuildSource}; an OpenSSL 3.0 build: tlslint models OpenSSL 3.0 only, so effective protocols and suites are OpenSSL 3.0's, not those of the assumed OpenSSL {a.OpenSsl.Version}");
        yield return ("profile", result.Assumptions.Profile.Id(), result.Assumptions.Profile == Profile.Intermediate ? "default" : "chosen");
        yield return ("security-level", result.Assumptions.SecurityLevel.ToString(System.Globalization.CultureInfo.InvariantCulture), "OpenSSL default security level");
    }

    public static string OneLine(LintResult result) =>
        "assuming " + string.Join(", ", Entries(result).Select(e => $"{e.Key} {e.Version} ({e.Source})"));
}
