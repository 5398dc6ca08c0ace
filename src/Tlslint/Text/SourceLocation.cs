namespace Tlslint.Text;

/// <summary>A place in a file; a null <see cref="Range"/> means the file as a whole.</summary>
public readonly record struct SourceLocation(SourceFile File, TextRange? Range)
{
    public int Line => Range?.Start.Line ?? 1;

    public int Column => Range?.Start.Column ?? 1;

    public override string ToString() => Range is { } r ? $"{File.Path}:{r.Start.Line}:{r.Start.Column}" : File.Path;
}
