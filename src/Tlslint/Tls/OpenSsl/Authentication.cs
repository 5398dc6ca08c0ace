namespace Tlslint.Tls.OpenSsl;

/// <summary>Authentication bits of OpenSSL 3.0's cipher table (<c>algorithm_auth</c>); TLS 1.3 suites have none.</summary>
[Flags]
public enum Authentication : uint
{
    /// <summary>TLS 1.3: authentication is negotiated apart from the suite.</summary>
    Any = 0,
    Rsa = 0x1,
    Dss = 0x2,

    /// <summary>Anonymous: no certificate, open to an active attacker.</summary>
    Null = 0x4,
    Ecdsa = 0x8,
    Psk = 0x10,
    Gost01 = 0x20,
    Srp = 0x40,
    Gost12 = 0x80,
}
