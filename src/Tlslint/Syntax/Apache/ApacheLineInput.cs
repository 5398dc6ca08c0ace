using Sprache;

namespace Tlslint.Syntax.Apache;

/// <summary>
/// Sprache input over one logical line that can jump ahead by a whole token. Sprache's own <see cref="Input"/>
/// advances one character at a time and allocates a memo table for each position, which dominated parsing time.
/// A logical line has no line breaks, so the line number stays 1 and the column follows the position.
/// </summary>
internal sealed class ApacheLineInput : IInput
{
    private IDictionary<object, object>? _memos;

    public ApacheLineInput(string source, int position = 0)
    {
        Source = source;
        Position = position;
    }

    public string Source { get; }

    public int Position { get; }

    public char Current => Source[Position];

    public bool AtEnd => Position >= Source.Length;

    public int Line => 1;

    public int Column => Position + 1;

    public IDictionary<object, object> Memos => _memos ??= new Dictionary<object, object>();

    public IInput Advance() => AtEnd
        ? throw new InvalidOperationException("cannot advance beyond the end of the line")
        : new ApacheLineInput(Source, Position + 1);

    /// <summary>The input at <paramref name="position"/> (at or after this one).</summary>
    public ApacheLineInput At(int position) => position == Position ? this : new ApacheLineInput(Source, position);

    public bool Equals(IInput? other) => other is not null && ReferenceEquals(Source, other.Source) && Position == other.Position;

    public override bool Equals(object? obj) => obj is IInput other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Source, Position);

    public override string ToString() => $"Line 1, Column {Column}";
}
