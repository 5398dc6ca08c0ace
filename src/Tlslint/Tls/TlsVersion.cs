namespace Tlslint.Tls;

/// <summary>SSL/TLS protocol versions, oldest first.</summary>
public enum TlsVersion
{
    SslV2,
    SslV3,
    TlsV1_0,
    TlsV1_1,
    TlsV1_2,
    TlsV1_3,
}
