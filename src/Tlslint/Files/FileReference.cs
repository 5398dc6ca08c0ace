using Tlslint.Model;

namespace Tlslint.Files;

/// <summary>One file an endpoint's setting names, with what it should hold.</summary>
/// <param name="Setting">The setting that names the file (its value is the path as configured).</param>
/// <param name="Role">What the file should hold.</param>
/// <param name="Pair">The certificate/key pair it belongs to, for certificate and key files.</param>
public sealed record FileReference(Setting<string> Setting, FileRole Role, CertificateReference? Pair = null)
{
    /// <summary>True when the file is meant to hold a private key.</summary>
    public bool HoldsKey => Role is FileRole.PrivateKey or FileRole.CertificateAndKey;
}
