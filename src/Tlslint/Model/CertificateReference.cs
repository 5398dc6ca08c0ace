namespace Tlslint.Model;

/// <summary>
/// A certificate (and its key) that an endpoint serves or presents. Paths are the values as the product would use
/// them (variables it expands at load time expanded, Dovecot's leading <c>&lt;</c> removed), not mapped under
/// <c>--root</c>: the file checks map and read them.
/// </summary>
/// <param name="Certificate">The certificate (or chain) file setting.</param>
/// <param name="Key">The private key file setting; null when the key sits in the certificate file or is not configured.</param>
/// <param name="Kind">What the pair is for, e.g. <c>rsa</c>, <c>ecdsa</c>, <c>chain</c>, <c>sni:example.org</c>.</param>
public sealed record CertificateReference(Setting<string> Certificate, Setting<string>? Key, string Kind)
{
    /// <summary>
    /// A file of intermediate certificates configured apart from the certificate (Apache <c>SSLCertificateChainFile</c>);
    /// the server sends them only when the certificate file holds no chain of its own.
    /// </summary>
    public Setting<string>? Chain { get; init; }
}
