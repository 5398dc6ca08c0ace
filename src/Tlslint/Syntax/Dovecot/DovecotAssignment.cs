using Tlslint.Text;

namespace Tlslint.Syntax.Dovecot;

/// <summary><c>key = value</c>, or a 2.4 group reference <c>@label = name</c>.</summary>
/// <param name="Key">The key as written (case-sensitive).</param>
/// <param name="Value">
/// The value as Dovecot stores it before expansion: quotes removed for <see cref="DovecotValueKind.Quoted"/>, the
/// path without <c>&lt;</c> for <see cref="DovecotValueKind.File"/>, otherwise the text as written.
/// </param>
/// <param name="Kind">How the value is read.</param>
/// <param name="KeyRange">The key.</param>
/// <param name="ValueRange">The value as written (empty range after <c>=</c> for an empty value).</param>
/// <param name="Range">The whole assignment.</param>
public sealed record DovecotAssignment(
    string Key,
    string Value,
    DovecotValueKind Kind,
    TextRange KeyRange,
    TextRange ValueRange,
    TextRange Range) : DovecotStatement(Range)
{
    /// <summary>The value as <c>doveconf -n</c> prints a file value: with its <c>&lt;</c>.</summary>
    public string Written => Kind == DovecotValueKind.File ? "<" + Value : Value;
}
