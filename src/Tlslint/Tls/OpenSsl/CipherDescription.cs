namespace Tlslint.Tls.OpenSsl;

/// <summary>The columns <c>openssl ciphers -v</c> prints for a suite (<c>SSL_CIPHER_description</c>).</summary>
internal static class CipherDescription
{
    public static string Line(CipherSuite s) =>
        $"{s.Name,-30} {VersionName(s.MinTls),-7} Kx={KeyExchangeName(s.KeyExchange),-8} Au={AuthenticationName(s.Authentication),-6} Enc={EncryptionName(s.Encryption),-22} Mac={MacName(s.Mac)}";

    public static string VersionName(int number) => number switch
    {
        ProtocolNumbers.Ssl3 => "SSLv3",
        ProtocolNumbers.Tls1 => "TLSv1",
        ProtocolNumbers.Tls11 => "TLSv1.1",
        ProtocolNumbers.Tls12 => "TLSv1.2",
        ProtocolNumbers.Tls13 => "TLSv1.3",
        _ => "unknown",
    };

    public static string KeyExchangeName(KeyExchange k) => k switch
    {
        KeyExchange.Rsa => "RSA",
        KeyExchange.Dhe => "DH",
        KeyExchange.Ecdhe => "ECDH",
        KeyExchange.Psk => "PSK",
        KeyExchange.RsaPsk => "RSAPSK",
        KeyExchange.EcdhePsk => "ECDHEPSK",
        KeyExchange.DhePsk => "DHEPSK",
        KeyExchange.Srp => "SRP",
        KeyExchange.Gost => "GOST",
        KeyExchange.Gost18 => "GOST18",
        KeyExchange.Any => "any",
        _ => "unknown",
    };

    public static string AuthenticationName(Authentication a) => a switch
    {
        Authentication.Rsa => "RSA",
        Authentication.Dss => "DSS",
        Authentication.Null => "None",
        Authentication.Ecdsa => "ECDSA",
        Authentication.Psk => "PSK",
        Authentication.Srp => "SRP",
        Authentication.Gost01 => "GOST01",
        Authentication.Gost12 or (Authentication.Gost01 | Authentication.Gost12) => "GOST12",
        Authentication.Any => "any",
        _ => "unknown",
    };

    public static string EncryptionName(Encryption e) => e switch
    {
        Encryption.Des => "DES(56)",
        Encryption.TripleDes => "3DES(168)",
        Encryption.Rc4 => "RC4(128)",
        Encryption.Rc2 => "RC2(128)",
        Encryption.Idea => "IDEA(128)",
        Encryption.Null => "None",
        Encryption.Aes128 => "AES(128)",
        Encryption.Aes256 => "AES(256)",
        Encryption.Aes128Gcm => "AESGCM(128)",
        Encryption.Aes256Gcm => "AESGCM(256)",
        Encryption.Aes128Ccm => "AESCCM(128)",
        Encryption.Aes256Ccm => "AESCCM(256)",
        Encryption.Aes128Ccm8 => "AESCCM8(128)",
        Encryption.Aes256Ccm8 => "AESCCM8(256)",
        Encryption.Camellia128 => "Camellia(128)",
        Encryption.Camellia256 => "Camellia(256)",
        Encryption.Aria128Gcm => "ARIAGCM(128)",
        Encryption.Aria256Gcm => "ARIAGCM(256)",
        Encryption.Seed => "SEED(128)",
        Encryption.Gost89 or Encryption.Gost89Cnt12 => "GOST89(256)",
        Encryption.Magma => "MAGMA",
        Encryption.Kuznyechik => "KUZNYECHIK",
        Encryption.ChaCha20Poly1305 => "CHACHA20/POLY1305(256)",
        _ => "unknown",
    };

    public static string MacName(MacAlgorithm m) => m switch
    {
        MacAlgorithm.Md5 => "MD5",
        MacAlgorithm.Sha1 => "SHA1",
        MacAlgorithm.Sha256 => "SHA256",
        MacAlgorithm.Sha384 => "SHA384",
        MacAlgorithm.Aead => "AEAD",
        MacAlgorithm.Gost89Mac or MacAlgorithm.Gost89Mac12 => "GOST89",
        MacAlgorithm.Gost94 => "GOST94",
        MacAlgorithm.Gost12_256 or MacAlgorithm.Gost12_512 => "GOST2012",
        MacAlgorithm.MagmaOmac => "MAGMAOMAC",
        MacAlgorithm.KuznyechikOmac => "KUZNYECHIKOMAC",
        _ => "unknown",
    };
}
