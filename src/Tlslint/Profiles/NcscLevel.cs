namespace Tlslint.Profiles;

/// <summary>The four security levels of the NCSC-NL TLS guidelines, weakest first.</summary>
public enum NcscLevel
{
    /// <summary>Onvoldoende: must not be offered.</summary>
    Insufficient,

    /// <summary>Uitfaseren: still secure today, but to be removed.</summary>
    PhaseOut,

    /// <summary>Voldoende: acceptable.</summary>
    Sufficient,

    /// <summary>Goed: the recommended choice.</summary>
    Good,
}
