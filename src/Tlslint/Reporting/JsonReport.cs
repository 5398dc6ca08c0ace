using System.Text.Json.Serialization;

namespace Tlslint.Reporting;

// The JSON report contract (schemaVersion 1). Scripts rely on it: add fields, never rename or remove them.

internal sealed record JsonReport(
    int SchemaVersion,
    JsonTool Tool,
    IReadOnlyDictionary<string, JsonAssumption> Assumptions,
    IReadOnlyList<JsonFinding> Findings,
    IReadOnlyList<JsonError> Errors,
    JsonSummary Summary);

internal sealed record JsonTool(string Name, string Version, string InformationUri);

internal sealed record JsonAssumption(string Version, string Source);

internal sealed record JsonFinding(
    string RuleId,
    string Name,
    string Level,
    string Message,
    string File,
    int? StartLine,
    int? StartColumn,
    int? EndLine,
    int? EndColumn,
    string? Endpoint,
    IReadOnlyList<JsonRelated> Related,
    bool Suppressed)
{
    /// <summary>The reason the suppression comment gives (only for suppressed findings).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Justification { get; init; }
}

internal sealed record JsonRelated(string File, int? StartLine, int? StartColumn, int? EndLine, int? EndColumn, string Message);

internal sealed record JsonError(string Message);

internal sealed record JsonSummary(int Files, int Trees, int Errors, int Warnings, int Notes)
{
    /// <summary>Findings a suppression comment accepts (listed with <c>suppressed: true</c>, not counted above).</summary>
    public int Suppressed { get; init; }

    /// <summary>Findings left out because the baseline lists them.</summary>
    public int Baselined { get; init; }
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(JsonReport))]
internal sealed partial class JsonReportContext : JsonSerializerContext;
