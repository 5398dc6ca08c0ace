using System.Text;
using Tlslint.Analysis;
using Tlslint.Text;

namespace Tlslint.Syntax.Apache;

/// <summary>
/// Splits a file into httpd logical lines: continuation first (a line whose last character, after a CR of a CRLF
/// ending, is <c>\</c> joins the next one), then trimming; blank logical lines are dropped and a logical line whose
/// first character is <c>#</c> is a comment, including the lines its trailing <c>\</c> swallowed.
/// </summary>
internal static class ApacheLineReader
{
    public static (List<(LogicalLine Line, int Start, int End)> Lines, List<ApacheComment> Comments) Read(
        SourceFile file, List<ConfigDiagnostic> diagnostics)
    {
        var lines = new List<(LogicalLine, int, int)>();
        var comments = new List<ApacheComment>();
        var text = file.Text;
        var builder = new StringBuilder();
        var segments = new List<LineSegment>();
        var pos = 0;
        while (pos < text.Length)
        {
            var newline = text.IndexOf('\n', pos);
            var lineEnd = newline < 0 ? text.Length : newline;
            var next = newline < 0 ? text.Length : newline + 1;
            var contentEnd = lineEnd > pos && text[lineEnd - 1] == '\r' ? lineEnd - 1 : lineEnd;
            var continued = contentEnd > pos && text[contentEnd - 1] == '\\';
            var pieceEnd = continued ? contentEnd - 1 : contentEnd;
            segments.Add(new LineSegment(builder.Length, pos, pieceEnd - pos));
            builder.Append(text, pos, pieceEnd - pos);
            pos = next;
            if (continued && pos < text.Length)
            {
                continue;
            }

            Flush(file, builder, segments, lines, comments, diagnostics);
        }

        if (segments.Count > 0)
        {
            Flush(file, builder, segments, lines, comments, diagnostics);
        }

        return (lines, comments);
    }

    private static void Flush(SourceFile file, StringBuilder builder, List<LineSegment> segments,
        List<(LogicalLine, int, int)> lines, List<ApacheComment> comments, List<ConfigDiagnostic> diagnostics)
    {
        var logical = new LogicalLine(file, builder.ToString(), segments.ToArray());
        builder.Clear();
        segments.Clear();
        var start = 0;
        var end = logical.Text.Length;
        while (start < end && IsSpace(logical.Text[start]))
        {
            start++;
        }

        while (end > start && IsSpace(logical.Text[end - 1]))
        {
            end--;
        }

        if (start == end)
        {
            return;
        }

        if (logical.Text[start] != '#')
        {
            lines.Add((logical, start, end));
            return;
        }

        comments.Add(new ApacheComment(logical.Text[start..end], logical.Range(start, end)));
        SwallowedLines(logical, diagnostics);
    }

    /// <summary>
    /// A comment ending in <c>\</c> takes the next physical line with it: when that line holds a directive, httpd
    /// silently ignores it. Reported at the backslash, which is what to remove.
    /// </summary>
    private static void SwallowedLines(LogicalLine comment, List<ConfigDiagnostic> diagnostics)
    {
        for (var i = 1; i < comment.Segments.Count; i++)
        {
            var s = comment.Segments[i];
            var piece = comment.Text.Substring(s.LogicalStart, s.Length);
            var first = 0;
            while (first < piece.Length && IsSpace(piece[first]))
            {
                first++;
            }

            if (first == piece.Length || piece[first] == '#')
            {
                continue;
            }

            var last = piece.Length;
            while (last > first && IsSpace(piece[last - 1]))
            {
                last--;
            }

            // The backslash sits just past the end of the previous segment.
            var previous = comment.Segments[i - 1];
            var backslash = previous.FileStart + previous.Length;
            var shown = Shorten(piece[first..last]);
            diagnostics.Add(new ConfigDiagnostic(DiagnosticKind.CommentInValue,
                $"this comment ends in `\\`, so httpd joins the next line `{shown}` to it and ignores that line; remove the trailing `\\`",
                new SourceLocation(comment.File, comment.File.RangeOf(backslash, backslash + 1)), Fatal: false));
        }
    }

    /// <summary>C isspace(): what <c>apr_isspace</c> skips.</summary>
    internal static bool IsSpace(char c) => c is ' ' or '\t' or '\n' or '\v' or '\f' or '\r';

    internal static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";
}
