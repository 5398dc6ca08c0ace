namespace Tlslint.Tls;

/// <summary>Who decided the OpenSSL security level an endpoint runs at.</summary>
public enum SecurityLevelOrigin
{
    /// <summary>Nobody: the library's built-in default (Debian 12 builds with 2).</summary>
    LibraryDefault,

    /// <summary>The system-wide <c>openssl.cnf</c> (<c>@SECLEVEL=n</c> in its <c>CipherString</c>).</summary>
    SystemConfig,

    /// <summary>The product itself (Postfix sets 0, or 1 when it checks the peer's certificate).</summary>
    Product,

    /// <summary><c>@SECLEVEL=n</c> in the endpoint's own cipher string.</summary>
    CipherString,
}
