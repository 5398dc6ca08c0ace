namespace Tlslint.Text;

/// <summary>A point in a file: 0-based character offset, 1-based line and column (UTF-16 code units).</summary>
public readonly record struct TextPosition(int Offset, int Line, int Column)
{
    public override string ToString() => $"{Line}:{Column}";
}
