using System.Text;
using Tlslint.Analysis;

namespace Tlslint.Reporting;

/// <summary>
/// GitHub Actions workflow commands, one per finding
/// (<c>::error file=main.cf,line=3,col=1,endLine=3,endColumn=30,title=TLS101 ssl-protocol-enabled::…</c>), so that a
/// workflow step shows the findings on the pull request's diff without code scanning. Paths are relative to the
/// working directory, which in a workflow is the checkout.
/// </summary>
public sealed class GithubReportWriter : IReportWriter
{
    public void Write(LintResult result, TextWriter output)
    {
        foreach (var f in result.Findings)
        {
            var properties = new StringBuilder();
            properties.Append("file=").Append(Property(f.Location.File.Path));
            if (f.Location.Range is { } r)
            {
                properties.Append(",line=").Append(r.Start.Line)
                    .Append(",col=").Append(r.Start.Column)
                    .Append(",endLine=").Append(r.End.Line)
                    .Append(",endColumn=").Append(r.End.Column);
            }

            properties.Append(",title=").Append(Property($"{f.Rule.Id} {f.Rule.Name}"));
            var message = new StringBuilder(f.Message);
            foreach (var related in f.Related)
            {
                message.Append('\n').Append(related.Location).Append(": ").Append(related.Message);
            }

            message.Append("\n(tlslint explain ").Append(f.Rule.Id).Append(')');
            output.WriteLine($"::{Command(f.Level)} {properties}::{Data(message.ToString())}");
        }

        foreach (var error in result.Errors)
        {
            output.WriteLine($"::error title=tlslint::{Data(error)}");
        }

        output.WriteLine($"tlslint: {result.Findings.Count} {(result.Findings.Count == 1 ? "finding" : "findings")}; {AssumptionText.OneLine(result)}");
    }

    private static string Command(Level level) => level switch
    {
        Level.Error => "error",
        Level.Warning => "warning",
        _ => "notice",
    };

    /// <summary>Escapes a command's message: <c>%</c>, CR and LF.</summary>
    internal static string Data(string text) =>
        text.Replace("%", "%25", StringComparison.Ordinal)
            .Replace("\r", "%0D", StringComparison.Ordinal)
            .Replace("\n", "%0A", StringComparison.Ordinal);

    /// <summary>Escapes a property value: as <see cref="Data"/>, plus <c>:</c> and <c>,</c>.</summary>
    internal static string Property(string text) =>
        Data(text).Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);
}
