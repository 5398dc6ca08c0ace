using Tlslint.Text;

namespace Tlslint.Syntax.Apache;

/// <summary>
/// An httpd logical line: physical lines joined where one ends in <c>\</c> (the backslash and the line break are
/// removed, nothing is inserted, the next line's indentation is kept), as <c>ap_cfg_getline()</c> does.
/// <see cref="Segments"/> map every character back to the file.
/// </summary>
internal sealed record ApacheLine(SourceFile File, string Text, IReadOnlyList<ApacheLineSegment> Segments)
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
}

/// <summary>A piece of a logical line taken from one physical line.</summary>
internal readonly record struct ApacheLineSegment(int LogicalStart, int FileStart, int Length);
