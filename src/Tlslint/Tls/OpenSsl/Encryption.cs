namespace Tlslint.Tls.OpenSsl;

/// <summary>Bulk-encryption bits of OpenSSL 3.0's cipher table (<c>algorithm_enc</c>).</summary>
[Flags]
public enum Encryption : uint
{
    Des = 0x1,
    TripleDes = 0x2,
    Rc4 = 0x4,
    Rc2 = 0x8,
    Idea = 0x10,

    /// <summary>No encryption at all (eNULL).</summary>
    Null = 0x20,
    Aes128 = 0x40,
    Aes256 = 0x80,
    Camellia128 = 0x100,
    Camellia256 = 0x200,
    Gost89 = 0x400,
    Seed = 0x800,
    Aes128Gcm = 0x1000,
    Aes256Gcm = 0x2000,
    Aes128Ccm = 0x4000,
    Aes256Ccm = 0x8000,
    Aes128Ccm8 = 0x10000,
    Aes256Ccm8 = 0x20000,
    Gost89Cnt12 = 0x40000,
    ChaCha20Poly1305 = 0x80000,
    Aria128Gcm = 0x100000,
    Aria256Gcm = 0x200000,
    Magma = 0x400000,
    Kuznyechik = 0x800000,

    /// <summary>Block ciphers in CBC mode (OpenSSL's <c>SSL_CBC</c>: not RC4, eNULL or any AEAD).</summary>
    Cbc = Des | TripleDes | Rc2 | Idea | Aes128 | Aes256 | Camellia128 | Camellia256 | Seed,

    /// <summary>Ciphers with a 64-bit block (SWEET32).</summary>
    Block64 = Des | TripleDes | Rc2 | Idea,

    /// <summary>AES-CCM with an 8-byte tag.</summary>
    Ccm8 = Aes128Ccm8 | Aes256Ccm8,
}
