namespace Tlslint.Tls.OpenSsl;

/// <summary>One row of OpenSSL 3.0's cipher table (a TLS 1.3 suite or a TLS 1.2-and-older one).</summary>
/// <param name="Id">OpenSSL's id: <c>0x0300XXYY</c> for the wire code XX,YY.</param>
/// <param name="Name">OpenSSL's name, used in cipher strings (<c>ECDHE-RSA-AES128-GCM-SHA256</c>).</param>
/// <param name="StandardName">The IANA name (<c>TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256</c>); null for some GOST rows.</param>
/// <param name="KeyExchange">Key exchange (<see cref="OpenSsl.KeyExchange.Any"/> for TLS 1.3).</param>
/// <param name="Authentication">Authentication (<see cref="OpenSsl.Authentication.Any"/> for TLS 1.3).</param>
/// <param name="Encryption">Bulk cipher.</param>
/// <param name="Mac">Record MAC, or AEAD.</param>
/// <param name="MinTls">Lowest protocol version, as OpenSSL's wire number (<c>0x0303</c> = TLS 1.2).</param>
/// <param name="MaxTls">Highest protocol version, same encoding.</param>
/// <param name="Strength">Strength class and flags.</param>
/// <param name="StrengthBits">Effective symmetric strength, what <c>@STRENGTH</c> sorts by and the security level checks.</param>
/// <param name="AlgorithmBits">Key size of the cipher.</param>
/// <param name="HandshakeDigest">Digest of the handshake hash and PRF.</param>
/// <param name="Gate">The compile-time switch that can leave the row out.</param>
public sealed record CipherSuite(
    int Id,
    string Name,
    string? StandardName,
    KeyExchange KeyExchange,
    Authentication Authentication,
    Encryption Encryption,
    MacAlgorithm Mac,
    int MinTls,
    int MaxTls,
    StrengthFlags Strength,
    int StrengthBits,
    int AlgorithmBits,
    HandshakeDigest HandshakeDigest,
    BuildGate Gate)
{
    /// <summary>The two-byte code on the wire.</summary>
    public int WireCode => Id & 0xFFFF;

    public bool IsTls13 => MinTls == ProtocolNumbers.Tls13;

    public TlsVersion MinVersion => ProtocolNumbers.ToVersion(MinTls);

    public TlsVersion MaxVersion => ProtocolNumbers.ToVersion(MaxTls);

    /// <summary>What makes the suite weak, judged from its attributes (never from its name).</summary>
    public CipherWeakness Weaknesses => CipherWeaknesses.Of(this);

    /// <summary>A line like <c>openssl ciphers -v</c> prints: name, version, key exchange, authentication, cipher, MAC.</summary>
    public string Describe() => CipherDescription.Line(this);

    public override string ToString() => Name;
}
