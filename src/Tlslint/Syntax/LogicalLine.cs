using Tlslint.Text;

namespace Tlslint.Syntax;

/// <summary>
/// A logical line as a product's reader builds it from physical lines (Postfix continuation lines that start with
/// whitespace, httpd and Dovecot lines ending in <c>\</c>, each with its own joining rule, applied by its reader).
/// <see cref="Segments"/> map every character back to the file; characters a reader inserts (Dovecot's joining space)
/// map to the end of the segment before them.
/// </summary>
internal sealed record LogicalLine(SourceFile File, string Text, IReadOnlyList<LineSegment> Segments)
{
    public int FileOffset(int logicalOffset)
    {
        for (var i = Segments.Count - 1; i >= 0; i--)
        {
            var s = Segments[i];
            if (logicalOffset >= s.LogicalStart)
            {
                return s.FileStart + Math.Min(logicalOffset - s.LogicalStart, s.Length);
            }
        }

        return Segments[0].FileStart;
    }

    public TextRange Range(int logicalStart, int logicalEnd)
    {
        var start = FileOffset(logicalStart);
        // The end maps from the last character inside the range, so a range ending at a join stays on its line.
        var end = logicalEnd > logicalStart ? FileOffset(logicalEnd - 1) + 1 : start;
        return File.RangeOf(start, end);
    }

    public TextRange WholeRange => Range(0, Text.Length);

    public SourceLocation Location(int logicalStart, int logicalEnd) => new(File, Range(logicalStart, logicalEnd));
}

/// <summary>A piece of a logical line taken from one physical line.</summary>
internal readonly record struct LineSegment(int LogicalStart, int FileStart, int Length);
