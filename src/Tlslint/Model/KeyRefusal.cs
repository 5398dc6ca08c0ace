namespace Tlslint.Model;

/// <summary>
/// What a product does when OpenSSL refuses a certificate key or a DH group as too small for the security level in
/// force ("ee key too small", "dh key too small").
/// </summary>
public enum KeyRefusal
{
    /// <summary>tlslint does not know (the prediction ignores the refusal).</summary>
    NotModelled,

    /// <summary>The server stops at start-up, so none of its endpoints serves anything (nginx, httpd).</summary>
    ServerDoesNotStart,

    /// <summary>The server runs, but the endpoint's TLS context cannot be set up, so every handshake fails (Dovecot).</summary>
    TlsFails,

    /// <summary>The product drops the refused item and goes on (httpd with DH parameters appended to a certificate file).</summary>
    Ignored,
}
