using Tlslint.Text;

namespace Tlslint.Syntax.Dovecot;

/// <summary>
/// A Dovecot logical line: leading whitespace and the comment removed, trailing whitespace trimmed, and lines ending
/// in <c>\</c> joined with exactly one space, as config_parse_line() builds it. <see cref="Segments"/> map every
/// character back to the file; the joining spaces map to the end of the line before them.
/// </summary>
internal sealed record DovecotLogicalLine(SourceFile File, string Text, IReadOnlyList<DovecotSegment> Segments)
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
        var end = logicalEnd > logicalStart ? FileOffset(logicalEnd - 1) + 1 : start;
        return File.RangeOf(start, end);
    }

    public TextRange WholeRange => Range(0, Text.Length);

    public SourceLocation Location(int logicalStart, int logicalEnd) => new(File, Range(logicalStart, logicalEnd));
}

/// <summary>A piece of a logical line taken from one physical line.</summary>
internal readonly record struct DovecotSegment(int LogicalStart, int FileStart, int Length);
