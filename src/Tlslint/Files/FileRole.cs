namespace Tlslint.Files;

/// <summary>What a setting expects the file it names to hold.</summary>
public enum FileRole
{
    /// <summary>A certificate (and its chain); the key is configured in another file.</summary>
    Certificate,

    /// <summary>A private key.</summary>
    PrivateKey,

    /// <summary>Key and certificate chain in one file (Postfix <c>smtpd_tls_chain_files</c>, or a key setting left to default to the certificate file).</summary>
    CertificateAndKey,

    /// <summary>Diffie-Hellman parameters.</summary>
    DhParameters,

    /// <summary>CA certificates trusted to verify peers.</summary>
    CaCertificates,

    /// <summary>Intermediate certificates sent with the server's certificate, configured in a file of their own (Apache <c>SSLCertificateChainFile</c>).</summary>
    ChainCertificates,
}
