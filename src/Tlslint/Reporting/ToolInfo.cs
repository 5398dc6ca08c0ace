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

    /// <summary>Where a rule's documentation lives online.</summary>
    public static string RuleUri(string id) => $"{InformationUri}/blob/main/docs/rules/{id}.md";
}
