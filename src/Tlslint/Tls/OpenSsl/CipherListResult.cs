namespace Tlslint.Tls.OpenSsl;

/// <summary>
/// What OpenSSL makes of a cipher string (and a TLS 1.3 list) on one build: whether it accepts them, the suites in
/// preference order, the security level in force, and what the engine noticed on the way.
/// </summary>
public sealed record CipherListResult
{
    public required OpenSslBuild Build { get; init; }

    /// <summary>The cipher string as given (TLS 1.2 and older).</summary>
    public required string CipherString { get; init; }

    /// <summary>The TLS 1.3 list as given; null for the library default.</summary>
    public string? Tls13String { get; init; }

    /// <summary>Why OpenSSL rejects the cipher string; <see cref="CipherListError.None"/> when it accepts it.</summary>
    public required CipherListError Error { get; init; }

    /// <summary>Why OpenSSL rejects the TLS 1.3 list (only "no cipher match" exists); None when accepted.</summary>
    public CipherListError Tls13Error { get; init; }

    public bool Ok => Error == CipherListError.None && Tls13Error == CipherListError.None;

    /// <summary>TLS 1.2-and-older suites in preference order; empty when rejected.</summary>
    public required IReadOnlyList<CipherSuite> Ciphers { get; init; }

    /// <summary>The TLS 1.3 part, first in every list OpenSSL builds (a TLS 1.2 suite named there by IANA name goes here too).</summary>
    public required IReadOnlyList<CipherSuite> Tls13 { get; init; }

    /// <summary>The security level in force: the last <c>@SECLEVEL=n</c> of the string, else the context's level, else the build's default.</summary>
    public required int SecurityLevel { get; init; }

    /// <summary>Where the last <c>@SECLEVEL=n</c> is in the string, or null when the string sets none.</summary>
    public int? SecurityLevelOffset { get; init; }

    /// <summary>True when a <c>SUITEB…</c> prefix replaced the string.</summary>
    public bool SuiteB { get; init; }

    public required IReadOnlyList<CipherDiagnostic> Diagnostics { get; init; }

    public IReadOnlyList<CipherDiagnostic> Tls13Diagnostics { get; init; } = [];

    /// <summary>The whole list as <c>openssl ciphers</c> prints it: TLS 1.3 part, then the rest; empty when rejected.</summary>
    public IEnumerable<CipherSuite> All => Ok ? Tls13.Concat(Ciphers) : [];

    /// <summary>
    /// <c>openssl ciphers -s</c>: the suites left at <paramref name="level"/> (default: the level in force) within the
    /// versions that level allows, without PSK and SRP suites.
    /// </summary>
    public IReadOnlyList<CipherSuite> Supported(int? level = null) =>
        SecurityLevels.Supported(All, level ?? SecurityLevel);
}
