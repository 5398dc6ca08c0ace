namespace Tlslint.Model;

/// <summary>
/// The policy findings are judged against (rules.md, "Profiles"). It changes triggers and levels of the rules marked
/// <i>profile</i> in the catalog, never rule IDs.
/// </summary>
public enum Profile
{
    /// <summary>Mozilla intermediate 6.0 adapted to mail: TLS 1.2+, AEAD with forward secrecy preferred (the default).</summary>
    Intermediate,

    /// <summary>TLS 1.3 only.</summary>
    Modern,

    /// <summary>NCSC-NL TLS guidelines 2025-05: good / sufficient / phase-out / insufficient.</summary>
    Ncsc2025,
}
