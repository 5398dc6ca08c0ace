namespace Tlslint.Tls;

public static class TlsVersionExtensions
{
    /// <summary>The name OpenSSL and most products use: SSLv3, TLSv1, TLSv1.2 …</summary>
    public static string Name(this TlsVersion version) => version switch
    {
        TlsVersion.SslV2 => "SSLv2",
        TlsVersion.SslV3 => "SSLv3",
        TlsVersion.TlsV1_0 => "TLSv1",
        TlsVersion.TlsV1_1 => "TLSv1.1",
        TlsVersion.TlsV1_2 => "TLSv1.2",
        TlsVersion.TlsV1_3 => "TLSv1.3",
        _ => throw new ArgumentOutOfRangeException(nameof(version)),
    };

    /// <summary>Reads an OpenSSL-style protocol name, case-insensitively (TLSv1.0 is accepted for TLSv1).</summary>
    public static bool TryParseName(string text, out TlsVersion version)
    {
        switch (text.ToUpperInvariant())
        {
            case "SSLV2": version = TlsVersion.SslV2; return true;
            case "SSLV3": version = TlsVersion.SslV3; return true;
            case "TLSV1": case "TLSV1.0": version = TlsVersion.TlsV1_0; return true;
            case "TLSV1.1": version = TlsVersion.TlsV1_1; return true;
            case "TLSV1.2": version = TlsVersion.TlsV1_2; return true;
            case "TLSV1.3": version = TlsVersion.TlsV1_3; return true;
            default: version = default; return false;
        }
    }
}
