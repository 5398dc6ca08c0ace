using System.Text.Json.Serialization;

namespace Tlslint.Reporting;

// Just the part of SARIF 2.1.0 that tlslint writes and GitHub code scanning reads.

internal sealed record SarifLog(
    [property: JsonPropertyName("$schema")] string Schema,
    string Version,
    IReadOnlyList<SarifRun> Runs);

internal sealed record SarifRun(
    SarifTool Tool,
    IReadOnlyList<SarifInvocation> Invocations,
    SarifAutomationDetails AutomationDetails,
    IReadOnlyDictionary<string, SarifArtifactLocation> OriginalUriBaseIds,
    IReadOnlyList<SarifResult> Results,
    string ColumnKind,
    SarifRunProperties Properties);

internal sealed record SarifTool(SarifDriver Driver);

internal sealed record SarifDriver(
    string Name,
    string Version,
    string SemanticVersion,
    string InformationUri,
    IReadOnlyList<SarifRule> Rules);

internal sealed record SarifRule(
    string Id,
    string Name,
    SarifText ShortDescription,
    SarifText FullDescription,
    SarifHelp Help,
    string HelpUri,
    SarifConfiguration DefaultConfiguration,
    SarifRuleProperties Properties);

internal sealed record SarifText(string Text);

internal sealed record SarifMessage(string Text);

internal sealed record SarifHelp(string Text, string Markdown);

internal sealed record SarifConfiguration(string Level);

internal sealed record SarifRuleProperties(
    IReadOnlyList<string> Tags,
    [property: JsonPropertyName("security-severity")] string? SecuritySeverity,
    string Precision,
    [property: JsonPropertyName("problem.severity")] string ProblemSeverity);

internal sealed record SarifInvocation(bool ExecutionSuccessful, IReadOnlyList<SarifNotification> ToolExecutionNotifications);

internal sealed record SarifNotification(SarifMessage Message, string Level);

internal sealed record SarifAutomationDetails(string Id);

internal sealed record SarifArtifactLocation(string Uri, string? UriBaseId = null);

internal sealed record SarifResult(
    string RuleId,
    int RuleIndex,
    string Level,
    SarifMessage Message,
    IReadOnlyList<SarifLocation> Locations,
    IReadOnlyList<SarifLocation>? RelatedLocations,
    IReadOnlyDictionary<string, string> PartialFingerprints,
    SarifResultProperties? Properties)
{
    /// <summary>Only with <c>--sarif-include-suppressed</c>: the <c># tlslint ignore</c> comment that accepts the result.</summary>
    public IReadOnlyList<SarifSuppression>? Suppressions { get; init; }
}

internal sealed record SarifSuppression(string Kind, string Status, string? Justification, SarifLocation Location);

internal sealed record SarifResultProperties(string? Endpoint);

internal sealed record SarifLocation(SarifPhysicalLocation PhysicalLocation, int? Id = null, SarifMessage? Message = null);

internal sealed record SarifPhysicalLocation(SarifArtifactLocation ArtifactLocation, SarifRegion Region);

internal sealed record SarifRegion(int StartLine, int StartColumn, int EndLine, int EndColumn);

internal sealed record SarifRunProperties(IReadOnlyDictionary<string, JsonAssumption> Assumptions);

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SarifLog))]
internal sealed partial class SarifContext : JsonSerializerContext;
