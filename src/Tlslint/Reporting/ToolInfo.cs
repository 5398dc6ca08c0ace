using System.Reflection;

namespace Tlslint.Reporting;

/// <summary>The tool's name, version and home, as every report states them.</summary>
public static class ToolInfo
{
    public const string Name = "tlslint";

    public const string InformationUri = "https://github.com/tlslint/tlslint";

    public static string Version { get; } =
        typeof(ToolInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? "0.0.0";

    /// <summary>
    /// Where a rule's documentation lives online: its <c>.md</c> beside its class in this repository, on the main
    /// branch (<c>rules/Tlslint.Rules/&lt;Category&gt;/&lt;ID&gt;.&lt;Class&gt;.md</c>). IDs, categories and class names
    /// never change, so the address is stable.
    /// </summary>
    /// <param name="repositoryPath">The doc's path inside the repository.</param>
    public static string DocUri(string repositoryPath) => $"{InformationUri}/blob/main/{repositoryPath}";
}
