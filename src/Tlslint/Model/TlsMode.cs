namespace Tlslint.Model;

/// <summary>How TLS is offered at an endpoint.</summary>
public enum TlsMode
{
    /// <summary>No TLS at all.</summary>
    None,

    /// <summary>STARTTLS (or opportunistic TLS) offered, cleartext still allowed.</summary>
    StartTlsOptional,

    /// <summary>STARTTLS required before anything else of substance.</summary>
    StartTlsRequired,

    /// <summary>TLS from the first byte (smtps, imaps, https).</summary>
    Implicit,
}
