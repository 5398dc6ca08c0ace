namespace Tlslint.Tls.OpenSsl;

/// <summary>What the engine noticed about a cipher string besides its result.</summary>
public enum CipherDiagnosticKind
{
    /// <summary>A word this build does not know: OpenSSL skips it and the rest of its term silently.</summary>
    UnknownWord,

    /// <summary>A word older OpenSSL releases knew (<c>EXP</c>, <c>DES</c>, <c>SSLv2</c>, <c>kDHd</c> …): skipped, harmless unless text is glued to it.</summary>
    ObsoleteWord,

    /// <summary><c>DEFAULT</c> anywhere but the very start: an unknown word there, so it does nothing.</summary>
    DefaultNotFirst,

    /// <summary>An <c>A+B</c> combination whose parts share no suite: ignored.</summary>
    EmptyCombination,

    /// <summary>A known word added (or moved with <c>+</c>) that matched no suite of this build when it was applied.</summary>
    MatchedNothing,

    /// <summary><c>!SSLv3</c>, <c>-TLSv1</c> …: removes the suites introduced by that version, not the protocol.</summary>
    ProtocolAliasAsSwitch,

    /// <summary>Text glued to a skipped word or to an <c>@</c> command (<c>!EXP@STRENGTH</c>): it never runs.</summary>
    TextSkipped,

    /// <summary>The error that makes OpenSSL reject the string ("invalid command").</summary>
    InvalidCommand,

    /// <summary>The string selects nothing TLS 1.2-or-older: OpenSSL rejects it ("no cipher match").</summary>
    NoCipherMatch,

    /// <summary><c>@SECLEVEL=n</c>: sets the security level for the whole connection.</summary>
    SecurityLevel,

    /// <summary>A <c>SUITEB…</c> prefix replaced the whole string.</summary>
    SuiteB,

    /// <summary>TLS 1.3 list: a name OpenSSL does not know (or not in IANA spelling); skipped.</summary>
    UnknownTls13Suite,

    /// <summary>TLS 1.3 list: a TLS 1.2 suite's IANA name; OpenSSL accepts it and offers that suite.</summary>
    Tls12SuiteInTls13List,
}
