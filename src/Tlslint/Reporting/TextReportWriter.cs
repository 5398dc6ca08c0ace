using Tlslint.Analysis;
using Tlslint.Model;

namespace Tlslint.Reporting;

/// <summary>
/// <c>path:line:col: level TLS101 message [name]</c>, findings of one file together (a blank line between files),
/// related locations indented below; then a summary by level, a hint to <c>tlslint explain</c>, and the assumptions.
/// Suppressed findings are only counted.
/// </summary>
public sealed class TextReportWriter(bool color) : IReportWriter
{
    public void Write(LintResult result, TextWriter output)
    {
        string? previousFile = null;
        foreach (var f in result.Findings)
        {
            if (previousFile is not null && previousFile != f.Location.File.Path)
            {
                output.WriteLine();
            }

            previousFile = f.Location.File.Path;
            var level = f.Level.Id();
            output.WriteLine($"{Paint(f.Location.ToString() + ":", "1")} {Paint(level, LevelColor(f.Level))} {Paint(f.Rule.Id, "1")} {f.Message} [{f.Rule.Name}]");
            foreach (var r in f.Related)
            {
                output.WriteLine(Paint($"    {r.Location}: {r.Message}", "2"));
            }
        }

        var errors = result.Findings.Count(f => f.Level == Level.Error);
        var warnings = result.Findings.Count(f => f.Level == Level.Warning);
        var notes = result.Findings.Count(f => f.Level == Level.Note);
        var files = result.Trees.Sum(t => t.Files.Count);
        var fileCount = $"{files} {Plural(files, "file")}";
        var summary = result.Trees.Count == 0
            ? $"No configuration found: tlslint looks for {Looked()}"
            : result.Findings.Count == 0
            ? $"No findings in {fileCount} ({result.Trees.Count} {Plural(result.Trees.Count, "configuration tree")})"
            : $"{result.Findings.Count} {Plural(result.Findings.Count, "finding")} in {fileCount}: " +
              $"{Paint($"{errors} {Plural(errors, "error")}", errors > 0 ? LevelColor(Level.Error) : "0")}, " +
              $"{Paint($"{warnings} {Plural(warnings, "warning")}", warnings > 0 ? LevelColor(Level.Warning) : "0")}, " +
              $"{Paint($"{notes} {Plural(notes, "note")}", notes > 0 ? LevelColor(Level.Note) : "0")}";
        var hidden = new List<string>();
        if (result.Suppressed.Count > 0)
        {
            hidden.Add($"{result.Suppressed.Count} suppressed by `# tlslint ignore` comments");
        }

        if (result.Baselined > 0)
        {
            hidden.Add($"{result.Baselined} already in the baseline");
        }

        if (hidden.Count > 0)
        {
            summary += $" ({string.Join("; ", hidden)})";
        }

        if (result.Findings.Count > 0 || result.Trees.Count > 0)
        {
            output.WriteLine();
        }

        output.WriteLine(summary);
        if (result.Findings.Count > 0)
        {
            var first = result.Findings.OrderBy(f => f.Level).First().Rule.Id;
            output.WriteLine($"Run `tlslint explain {first}` (or any other rule ID) for what a rule checks, why, and how to fix it");
        }

        output.WriteLine(AssumptionText.OneLine(result));
    }

    /// <summary>The entry files of the products this build reads, for the "nothing found" line.</summary>
    private static string Looked()
    {
        var names = Linter.SupportedProducts.Members().Select(p => p switch
        {
            Product.Postfix => "Postfix configuration directories (main.cf, master.cf)",
            Product.Dovecot => "dovecot.conf",
            Product.Apache => "apache2.conf or httpd.conf",
            Product.Nginx => "nginx.conf",
            _ => p.Id(),
        });
        return string.Join(", ", names);
    }

    private static string Plural(int n, string word) => n == 1 ? word : word + "s";

    private static string LevelColor(Level level) => level switch
    {
        Level.Error => "31",
        Level.Warning => "33",
        _ => "36",
    };

    private string Paint(string text, string code) => color && code != "0" ? $"\u001b[{code}m{text}\u001b[0m" : text;
}
