namespace Tlslint.Text;

/// <summary>A configuration file as read from disk; <see cref="Path"/> is relative to the scan root, with '/' separators.</summary>
public sealed class SourceFile
{
    private int[]? _lineStarts;

    public SourceFile(string path, string fullPath, string text)
    {
        Path = path;
        FullPath = fullPath;
        Text = text;
    }

    /// <summary>Display path: relative to the scan root where possible, '/' separated.</summary>
    public string Path { get; }

    /// <summary>Absolute path on disk (or a synthetic name for in-memory files).</summary>
    public string FullPath { get; }

    public string Text { get; }

    /// <summary>True when the file began with a UTF-8 byte order mark, which <see cref="Text"/> leaves out.</summary>
    public bool HadByteOrderMark { get; init; }

    /// <summary>Turns a 0-based character offset into a 1-based line/column position.</summary>
    public TextPosition PositionAt(int offset)
    {
        var starts = _lineStarts ??= ComputeLineStarts(Text);
        offset = Math.Clamp(offset, 0, Text.Length);
        var index = Array.BinarySearch(starts, offset);
        if (index < 0)
        {
            index = ~index - 1;
        }

        return new TextPosition(offset, index + 1, offset - starts[index] + 1);
    }

    public TextRange RangeOf(int startOffset, int endOffset) => new(PositionAt(startOffset), PositionAt(endOffset));

    /// <summary>The range of a whole 1-based line, without its line break.</summary>
    public TextRange LineRange(int line)
    {
        var starts = _lineStarts ??= ComputeLineStarts(Text);
        var start = starts[Math.Clamp(line - 1, 0, starts.Length - 1)];
        var end = Text.IndexOf('\n', start);
        if (end < 0)
        {
            end = Text.Length;
        }

        if (end > start && Text[end - 1] == '\r')
        {
            end--;
        }

        return RangeOf(start, end);
    }

    public override string ToString() => Path;

    private static int[] ComputeLineStarts(string text)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                starts.Add(i + 1);
            }
        }

        return [.. starts];
    }
}
