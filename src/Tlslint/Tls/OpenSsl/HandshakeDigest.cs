namespace Tlslint.Tls.OpenSsl;

/// <summary>The digest a suite uses for the handshake hash and PRF (low byte of OpenSSL's <c>algorithm2</c>).</summary>
public enum HandshakeDigest
{
    /// <summary>MD5+SHA1 up to TLS 1.1, SHA-256 with TLS 1.2 (OpenSSL's default).</summary>
    Md5Sha1,
    Sha256,
    Sha384,
    Gost94,
    Gost12_256,
}
