using System.Text;
using Tlslint.Analysis;
using Tlslint.Text;

namespace Tlslint.Syntax.Dovecot;

/// <summary>
/// Splits a Dovecot file into logical lines exactly as config_parse_line() does (2.2 to 2.4): whitespace is only space
/// and tab; a line whose first non-blank character is <c>#</c> is a comment; elsewhere the first <c>#</c> outside
/// quotes starts a comment; a line ending in <c>\</c> continues on the next one, joined with one space; and a comment
/// or blank line right after a continued line silently throws the pending text away.
/// </summary>
internal static class DovecotLineReader
{
    public static (IReadOnlyList<LogicalLine> Lines, IReadOnlyList<DovecotComment> Comments) Read(
        SourceFile file, List<ConfigDiagnostic> diagnostics)
    {
        var lines = new List<LogicalLine>();
        var comments = new List<DovecotComment>();
        var text = file.Text;
        var pending = new StringBuilder();
        var segments = new List<LineSegment>();

        var pos = 0;
        while (pos < text.Length)
        {
            var newline = text.IndexOf('\n', pos);
            var next = newline < 0 ? text.Length : newline + 1;
            var end = newline < 0 ? text.Length : newline;
            if (end > pos && text[end - 1] == '\r')
            {
                end--; // the stream reader drops the CR of a CRLF line end
            }

            var first = pos;
            while (first < end && IsWhite(text[first]))
            {
                first++;
            }

            if (first == end || text[first] == '#')
            {
                if (first < end)
                {
                    comments.Add(new DovecotComment(text[first..end], file.RangeOf(first, end)));
                }

                if (segments.Count > 0)
                {
                    diagnostics.Add(DroppedContinuation(file, segments, pending.ToString(),
                        first == end ? "a blank line" : "a comment line"));
                    pending.Clear();
                    segments.Clear();
                }

                pos = next;
                continue;
            }

            var contentEnd = StripComment(file, first, end, comments, diagnostics);
            while (contentEnd > first && IsWhite(text[contentEnd - 1]))
            {
                contentEnd--;
            }

            if (contentEnd > first && text[contentEnd - 1] == '\\')
            {
                var cut = contentEnd - 1;
                while (cut > first && IsWhite(text[cut - 1]))
                {
                    cut--;
                }

                segments.Add(new LineSegment(pending.Length, first, cut - first));
                pending.Append(text, first, cut - first).Append(' ');
                pos = next;
                continue;
            }

            segments.Add(new LineSegment(pending.Length, first, contentEnd - first));
            pending.Append(text, first, contentEnd - first);
            lines.Add(new LogicalLine(file, pending.ToString(), segments.ToArray()));
            pending.Clear();
            segments.Clear();
            pos = next;
        }

        if (segments.Count > 0)
        {
            diagnostics.Add(DroppedContinuation(file, segments, pending.ToString(), "the end of the file"));
        }

        return (lines, comments);
    }

    /// <summary>Dovecot's whitespace (IS_WHITE): space and tab only.</summary>
    internal static bool IsWhite(char c) => c is ' ' or '\t';

    internal static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";

    /// <summary>
    /// The end of the content of a physical line: the first <c>#</c> outside <c>'…'</c> or <c>"…"</c> (where a
    /// backslash hides the next character) starts a comment. A <c>#</c> glued to the text before it is still a
    /// comment; Dovecot warns about it, and so does tlslint, since the text after it is usually meant as data.
    /// </summary>
    private static int StripComment(SourceFile file, int first, int end, List<DovecotComment> comments, List<ConfigDiagnostic> diagnostics)
    {
        var text = file.Text;
        for (var i = first; i < end; i++)
        {
            var c = text[i];
            if (c is '"' or '\'')
            {
                i++;
                while (i < end && text[i] != c)
                {
                    if (text[i] == '\\' && i + 1 < end)
                    {
                        i++;
                    }

                    i++;
                }

                if (i >= end)
                {
                    return end;
                }
            }
            else if (c == '#')
            {
                comments.Add(new DovecotComment(text[i..end], file.RangeOf(i, end)));
                if (!IsWhite(text[i - 1]))
                {
                    var before = first;
                    var shown = Shorten(text[i..end]);
                    diagnostics.Add(new ConfigDiagnostic(DiagnosticKind.CommentInValue,
                        $"`{shown}` is a comment to Dovecot although no space precedes it, so it is cut from `{Shorten(text[before..i].Trim())}`; quote the value if `#` is data, or put a space before it",
                        new SourceLocation(file, file.RangeOf(i, end)), Fatal: false));
                }

                return i;
            }
        }

        return end;
    }

    private static ConfigDiagnostic DroppedContinuation(SourceFile file, List<LineSegment> segments, string pending, string what)
    {
        var start = segments[0].FileStart;
        var last = segments[^1];
        var range = file.RangeOf(start, Math.Max(start, last.FileStart + last.Length));
        return new ConfigDiagnostic(DiagnosticKind.CommentInValue,
            $"`{Shorten(pending.Trim())}` ends in `\\` and is followed by {what}, so Dovecot silently drops it; remove the `\\` or the line after it",
            new SourceLocation(file, range), Fatal: false);
    }
}
