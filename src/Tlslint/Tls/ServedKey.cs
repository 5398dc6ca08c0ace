using Tlslint.Files;

namespace Tlslint.Tls;

/// <summary>The key of one certificate a server serves, as read from its file, or why it could not be told.</summary>
/// <param name="Kind">What the certificate is for, as the product pairs them (<c>rsa</c>, <c>ecdsa</c>, <c>certificate 2</c> …).</param>
/// <param name="File">The certificate file as configured.</param>
/// <param name="Setting">The setting that names the file.</param>
/// <param name="Key">The public key of the certificate the server sends first; null when unknown.</param>
/// <param name="Problem">Why the key type is unknown (the file is missing, unreadable, holds no certificate …); null when known.</param>
public sealed record ServedKey(string Kind, string File, string Setting, PublicKeyFacts? Key, string? Problem)
{
    /// <summary>True when the key type is known and one OpenSSL's cipher suites can use.</summary>
    public bool IsKnown => Key is not null && Problem is null;
}
