namespace Tlslint.Text;

/// <summary>A half-open range of text; <see cref="End"/> points just past the last character.</summary>
public readonly record struct TextRange(TextPosition Start, TextPosition End)
{
    public override string ToString() => $"{Start}-{End}";
}
