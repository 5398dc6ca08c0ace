namespace Tlslint.Tls.OpenSsl;

/// <summary>OpenSSL's protocol version numbers (the wire encoding) and their <see cref="TlsVersion"/>.</summary>
public static class ProtocolNumbers
{
    public const int Ssl3 = 0x0300;
    public const int Tls1 = 0x0301;
    public const int Tls11 = 0x0302;
    public const int Tls12 = 0x0303;
    public const int Tls13 = 0x0304;

    public static TlsVersion ToVersion(int number) => number switch
    {
        Ssl3 => TlsVersion.SslV3,
        Tls1 => TlsVersion.TlsV1_0,
        Tls11 => TlsVersion.TlsV1_1,
        Tls12 => TlsVersion.TlsV1_2,
        Tls13 => TlsVersion.TlsV1_3,
        _ => number < Ssl3 ? TlsVersion.SslV2 : TlsVersion.TlsV1_3,
    };

    public static int FromVersion(TlsVersion version) => version switch
    {
        TlsVersion.SslV2 => 0x0002,
        TlsVersion.SslV3 => Ssl3,
        TlsVersion.TlsV1_0 => Tls1,
        TlsVersion.TlsV1_1 => Tls11,
        TlsVersion.TlsV1_2 => Tls12,
        _ => Tls13,
    };
}
