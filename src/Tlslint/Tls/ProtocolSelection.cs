namespace Tlslint.Tls;

/// <summary>The protocol versions a configuration asks for, as the product interprets its own syntax.</summary>
/// <param name="Enabled">Versions the configuration enables (intent, before the TLS library's own limits).</param>
/// <param name="IsValid">False when the product rejects the list (Postfix then disables TLS altogether).</param>
/// <param name="Problem">Why the list is invalid, for messages; null when valid.</param>
/// <param name="Contradictions">Ways the list does not mean what it seems to (one sentence each).</param>
/// <param name="Recommended">How this product and version spell "TLS 1.2 and later", for messages.</param>
public sealed record ProtocolSelection(
    TlsVersionSet Enabled,
    bool IsValid,
    string? Problem,
    IReadOnlyList<string> Contradictions,
    string Recommended)
{
    public static ProtocolSelection Valid(TlsVersionSet enabled, string recommended, IReadOnlyList<string>? contradictions = null) =>
        new(enabled, true, null, contradictions ?? [], recommended);

    public static ProtocolSelection Invalid(string problem, string recommended) =>
        new(TlsVersionSet.Empty, false, problem, [], recommended);
}
