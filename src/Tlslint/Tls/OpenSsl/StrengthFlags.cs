namespace Tlslint.Tls.OpenSsl;

/// <summary>
/// OpenSSL's <c>algo_strength</c>: one strength class, the FIPS flag (a table attribute, not the FIPS provider) and
/// the NOT_DEFAULT flag that <c>COMPLEMENTOFDEFAULT</c> selects. The first five bits form OpenSSL's "strong" mask.
/// </summary>
[Flags]
public enum StrengthFlags : uint
{
    None = 0,

    /// <summary>OpenSSL's STRONG_NONE: the eNULL suites.</summary>
    NoEncryption = 0x1,
    Low = 0x2,
    Medium = 0x4,
    High = 0x8,
    Fips = 0x10,

    /// <summary>Left out of OpenSSL's DEFAULT list.</summary>
    NotDefault = 0x20,
}
