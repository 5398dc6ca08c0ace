namespace Tlslint.Tls.OpenSsl;

/// <summary>One observation about a cipher string, located in it.</summary>
/// <param name="Kind">What was noticed.</param>
/// <param name="Offset">0-based offset of <paramref name="Text"/> in the string.</param>
/// <param name="Text">The word or term concerned, as written.</param>
/// <param name="Message">One sentence for users, the token in backticks, no trailing period.</param>
/// <param name="Suggestion">What was probably meant (<c>aNULL</c> for <c>anull</c>, <c>PSK</c> for <c>PSD</c>), when there is a good guess.</param>
/// <param name="Operator">The term's operator: <c>!</c>, <c>-</c>, <c>+</c>, <c>@</c>, or empty for an addition.</param>
public sealed record CipherDiagnostic(
    CipherDiagnosticKind Kind,
    int Offset,
    string Text,
    string Message,
    string? Suggestion = null,
    string Operator = "")
{
    public int Length => Text.Length;

    /// <summary>True for a term that adds suites (no operator): a mistake there enables less, one in an exclusion removes less.</summary>
    public bool InAddition => Operator.Length == 0;

    public override string ToString() => $"{Offset}: {Kind}: {Message}";
}
