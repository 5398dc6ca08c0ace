namespace Tlslint.Tls.OpenSsl;

/// <summary>Compile-time switches that leave table rows out of an OpenSSL build.</summary>
[Flags]
public enum BuildGate
{
    None = 0,

    /// <summary>Inside <c>#ifndef OPENSSL_NO_WEAK_SSL_CIPHERS</c>: every 3DES and RC4 suite (off unless <c>enable-weak-ssl-ciphers</c>).</summary>
    WeakSslCiphers = 1,

    /// <summary>The IDEA suite, gone from builds configured with <c>no-idea</c> (Debian's).</summary>
    Idea = 2,
}
