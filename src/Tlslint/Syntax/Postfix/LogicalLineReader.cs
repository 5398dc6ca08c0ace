using Tlslint.Analysis;
using Tlslint.Text;

namespace Tlslint.Syntax.Postfix;

/// <summary>
/// Splits a main.cf or master.cf into logical lines the way Postfix's readllines() does: blank lines and lines whose
/// first non-blank character is <c>#</c> are dropped anywhere (even between continuation lines), a line that starts
/// with whitespace continues the previous logical line.
/// </summary>
internal static class LogicalLineReader
{
    public static (IReadOnlyList<LogicalLine> Lines, IReadOnlyList<PostfixComment> Comments) Read(
        SourceFile file, List<ConfigDiagnostic> diagnostics)
    {
        var lines = new List<LogicalLine>();
        var comments = new List<PostfixComment>();
        var text = file.Text;
        var builder = new System.Text.StringBuilder();
        var segments = new List<LineSegment>();

        void Flush()
        {
            if (segments.Count > 0)
            {
                lines.Add(new LogicalLine(file, builder.ToString(), segments.ToArray()));
                builder.Clear();
                segments.Clear();
            }
        }

        var pos = 0;
        while (pos < text.Length)
        {
            var end = text.IndexOf('\n', pos);
            var next = end < 0 ? text.Length : end + 1;
            var lineEnd = end < 0 ? text.Length : end;
            var first = pos;
            while (first < lineEnd && IsBlank(text[first]))
            {
                first++;
            }

            if (first == lineEnd)
            {
                // blank or whitespace-only: dropped, does not end a logical line
            }
            else if (text[first] == '#')
            {
                var commentEnd = lineEnd > first && text[lineEnd - 1] == '\r' ? lineEnd - 1 : lineEnd;
                comments.Add(new PostfixComment(text[first..commentEnd], file.RangeOf(first, commentEnd)));
            }
            else if (first > pos)
            {
                if (segments.Count == 0)
                {
                    var shown = text[pos..lineEnd].TrimEnd('\r');
                    diagnostics.Add(new ConfigDiagnostic(DiagnosticKind.ParseError,
                        $"logical line must not start with whitespace: `{Shorten(shown)}` is ignored; remove the indentation or join it to the line above",
                        new SourceLocation(file, file.RangeOf(pos, pos + shown.Length)), Fatal: false));
                }
                else
                {
                    segments.Add(new LineSegment(builder.Length, pos, lineEnd - pos));
                    builder.Append(text, pos, lineEnd - pos);
                }
            }
            else
            {
                Flush();
                segments.Add(new LineSegment(0, pos, lineEnd - pos));
                builder.Append(text, pos, lineEnd - pos);
            }

            pos = next;
        }

        Flush();
        return (lines, comments);
    }

    /// <summary>C isspace(): space, tab, newline, vertical tab, form feed, carriage return.</summary>
    internal static bool IsBlank(char c) => c is ' ' or '\t' or '\n' or '\v' or '\f' or '\r';

    internal static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";
}
