namespace Tlslint.Tls.OpenSsl;

/// <summary>Key-exchange bits of OpenSSL 3.0's cipher table (<c>algorithm_mkey</c>); TLS 1.3 suites have none.</summary>
[Flags]
public enum KeyExchange : uint
{
    /// <summary>TLS 1.3: the key exchange is negotiated apart from the suite.</summary>
    Any = 0,
    Rsa = 0x1,
    Dhe = 0x2,
    Ecdhe = 0x4,
    Psk = 0x8,
    Gost = 0x10,
    Srp = 0x20,
    RsaPsk = 0x40,
    EcdhePsk = 0x80,
    DhePsk = 0x100,
    Gost18 = 0x200,
}
