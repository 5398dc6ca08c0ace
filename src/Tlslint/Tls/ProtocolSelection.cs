namespace Tlslint.Tls;

/// <summary>The protocol versions a configuration asks for, as the product interprets its own syntax.</summary>
/// <param name="Enabled">Versions the configuration enables (intent, before the TLS library's own limits).</param>
/// <param name="IsValid">False when the product rejects the list (Postfix then disables TLS altogether).</param>
/// <param name="Problem">Why the list is invalid, for messages; null when valid.</param>
/// <param name="Contradictions">Ways the list does not mean what it seems to (one sentence each).</param>
public sealed record ProtocolSelection(
    TlsVersionSet Enabled,
    bool IsValid,
    string? Problem,
    IReadOnlyList<string> Contradictions)
{
    public static ProtocolSelection Valid(TlsVersionSet enabled, IReadOnlyList<string>? contradictions = null) =>
        new(enabled, true, null, contradictions ?? []);

    public static ProtocolSelection Invalid(string problem) => new(TlsVersionSet.Empty, false, problem, []);
}
