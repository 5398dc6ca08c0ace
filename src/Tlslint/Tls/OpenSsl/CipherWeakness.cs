namespace Tlslint.Tls.OpenSsl;

/// <summary>What makes a suite weak, each judged from the suite's attributes in the table.</summary>
[Flags]
public enum CipherWeakness
{
    None = 0,

    /// <summary>eNULL: no encryption.</summary>
    NullEncryption = 1 << 0,

    /// <summary>aNULL: no authentication (anonymous DH/ECDH), open to an active attacker.</summary>
    Anonymous = 1 << 1,

    /// <summary>LOW/EXPORT strength or single DES/RC2 (none left in OpenSSL 3.0's table).</summary>
    LowStrength = 1 << 2,

    /// <summary>HMAC-MD5 record MAC.</summary>
    Md5Mac = 1 << 3,

    /// <summary>RC4 (RFC 7465).</summary>
    Rc4 = 1 << 4,

    /// <summary>A 64-bit block cipher: 3DES, IDEA, DES, RC2 (SWEET32).</summary>
    Block64 = 1 << 5,

    /// <summary>No forward secrecy: static RSA, plain PSK, RSA-PSK, SRP or GOST key transport.</summary>
    NoForwardSecrecy = 1 << 6,

    /// <summary>A block cipher in CBC mode (MAC-then-encrypt).</summary>
    Cbc = 1 << 7,

    /// <summary>HMAC-SHA1 record MAC.</summary>
    Sha1Mac = 1 << 8,

    /// <summary>Pre-shared keys (needs a PSK callback the servers do not set).</summary>
    Psk = 1 << 9,

    /// <summary>SRP (needs an SRP verifier file the servers do not set).</summary>
    Srp = 1 << 10,

    /// <summary>DSA authentication.</summary>
    Dss = 1 << 11,

    /// <summary>AES-CCM with an 8-byte tag.</summary>
    Ccm8 = 1 << 12,

    /// <summary>Neither AEAD nor forward secret: below what Mozilla's intermediate profile keeps.</summary>
    NotAeadWithForwardSecrecy = 1 << 13,
}
