using Tlslint.Model;

namespace Tlslint.Files;

/// <summary>The files an endpoint's settings name, whatever the product: certificates, keys, DH parameters, CA files.</summary>
public static class EndpointFiles
{
    public static IEnumerable<FileReference> Of(TlsEndpoint endpoint)
    {
        var certificateFiles = new HashSet<string>(StringComparer.Ordinal);
        var chainFiles = new HashSet<string>(StringComparer.Ordinal);
        foreach (var pair in endpoint.Certificates)
        {
            if (IsBlank(pair.Certificate))
            {
                continue;
            }

            certificateFiles.Add(pair.Certificate.Value.Trim());
            if (KeyIsSeparate(pair))
            {
                yield return new FileReference(pair.Certificate, FileRole.Certificate, pair);
                yield return new FileReference(pair.Key!, FileRole.PrivateKey, pair);
            }
            else
            {
                yield return new FileReference(pair.Certificate, FileRole.CertificateAndKey, pair);
            }

            // One chain file serves every certificate of the endpoint: list it once.
            if (pair.Chain is { } chain && !IsBlank(chain) && chainFiles.Add(chain.Value.Trim()))
            {
                yield return new FileReference(chain, FileRole.ChainCertificates, pair);
            }
        }

        // Apache reads DH parameters appended to the certificate file: that file is listed (and checked) once, as a certificate.
        if (endpoint.DhParameters is { } dh && !IsBlank(dh) && !certificateFiles.Contains(dh.Value.Trim()))
        {
            yield return new FileReference(dh, FileRole.DhParameters);
        }

        foreach (var ca in endpoint.CaFiles.Where(c => !IsBlank(c)))
        {
            yield return new FileReference(ca, FileRole.CaCertificates);
        }
    }

    /// <summary>The key is configured on its own, in a file other than the certificate's.</summary>
    public static bool KeyIsSeparate(CertificateReference pair) =>
        pair.Key is { } key && !IsBlank(key) && !string.Equals(key.Value.Trim(), pair.Certificate.Value.Trim(), StringComparison.Ordinal);

    private static bool IsBlank(Setting<string> setting) => setting.Value.Trim().Length == 0;
}
