using System.Text.Json;
using Tlslint.Analysis;
using Tlslint.Text;

namespace Tlslint.Reporting;

/// <summary>The versioned JSON report (see <c>schemaVersion</c>).</summary>
public sealed class JsonReportWriter : IReportWriter
{
    public const int SchemaVersion = 1;

    public void Write(LintResult result, TextWriter output)
    {
        var report = new JsonReport(
            SchemaVersion,
            new JsonTool(ToolInfo.Name, ToolInfo.Version, ToolInfo.InformationUri),
            AssumptionText.Entries(result).ToDictionary(e => e.Key, e => new JsonAssumption(e.Version, e.Source)),
            result.Findings.Concat(result.Suppressed).Select(ToJson).ToList(),
            result.Errors.Select(e => new JsonError(e)).ToList(),
            new JsonSummary(
                result.Trees.Sum(t => t.Files.Count),
                result.Trees.Count,
                result.Findings.Count(f => f.Level == Level.Error),
                result.Findings.Count(f => f.Level == Level.Warning),
                result.Findings.Count(f => f.Level == Level.Note))
            {
                Suppressed = result.Suppressed.Count,
                Baselined = result.Baselined,
            });
        output.WriteLine(JsonSerializer.Serialize(report, JsonReportContext.Default.JsonReport));
    }

    private static JsonFinding ToJson(Finding f)
    {
        var r = f.Location.Range;
        return new JsonFinding(f.Rule.Id, f.Rule.Name, f.Level.Id(), f.Message, f.Location.File.Path,
            r?.Start.Line, r?.Start.Column, r?.End.Line, r?.End.Column, f.Endpoint,
            f.Related.Select(ToJson).ToList(), Suppressed: f.Suppression is not null)
        {
            Justification = f.Suppression?.Justification,
        };
    }

    private static JsonRelated ToJson(RelatedLocation related)
    {
        TextRange? r = related.Location.Range;
        return new JsonRelated(related.Location.File.Path, r?.Start.Line, r?.Start.Column, r?.End.Line, r?.End.Column, related.Message);
    }
}
