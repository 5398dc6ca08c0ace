using Tlslint.Analysis;

namespace Tlslint.Reporting;

/// <summary><c>path:line:col: level TLS101 message [name]</c>, then a summary and the assumptions.</summary>
public sealed class TextReportWriter(bool color) : IReportWriter
{
    public void Write(LintResult result, TextWriter output)
    {
        foreach (var f in result.Findings)
        {
            var level = f.Level.Id();
            output.WriteLine($"{Paint(f.Location.ToString() + ":", "1")} {Paint(level, LevelColor(f.Level))} {f.Rule.Id} {f.Message} [{f.Rule.Name}]");
            foreach (var r in f.Related)
            {
                output.WriteLine($"    {r.Location}: {r.Message}");
            }
        }

        var errors = result.Findings.Count(f => f.Level == Level.Error);
        var warnings = result.Findings.Count(f => f.Level == Level.Warning);
        var notes = result.Findings.Count(f => f.Level == Level.Note);
        var files = result.Trees.Sum(t => t.Files.Count);
        var summary = result.Trees.Count == 0
            ? "No configuration found: tlslint looks for Postfix configuration directories (main.cf, master.cf)"
            : result.Findings.Count == 0
            ? $"No findings in {files} {Plural(files, "file")} ({result.Trees.Count} {Plural(result.Trees.Count, "configuration tree")})"
            : $"{result.Findings.Count} {Plural(result.Findings.Count, "finding")} ({errors} {Plural(errors, "error")}, {warnings} {Plural(warnings, "warning")}, {notes} {Plural(notes, "note")}) in {files} {Plural(files, "file")}";
        if (result.Findings.Count > 0 || result.Trees.Count > 0)
        {
            output.WriteLine();
        }

        output.WriteLine(summary);
        output.WriteLine(AssumptionText.OneLine(result));
    }

    private static string Plural(int n, string word) => n == 1 ? word : word + "s";

    private static string LevelColor(Level level) => level switch
    {
        Level.Error => "31",
        Level.Warning => "33",
        _ => "36",
    };

    private string Paint(string text, string code) => color ? $"\u001b[{code}m{text}\u001b[0m" : text;
}
