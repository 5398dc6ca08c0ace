using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Tlslint.Files;

/// <summary>The root certificates this machine trusts (OpenSSL's store on Linux), by encoded subject name, loaded once.</summary>
public static class SystemTrustStore
{
    private static readonly Lazy<HashSet<string>> Subjects = new(Load);

    /// <summary>True when a trusted root has this encoded subject (hex, as <see cref="CertificateFacts.SubjectId"/>).</summary>
    public static bool HasSubject(string subjectId) => Subjects.Value.Contains(subjectId);

    private static HashSet<string> Load()
    {
        var result = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            using var store = new X509Store(StoreName.Root, StoreLocation.LocalMachine);
            store.Open(OpenFlags.ReadOnly | OpenFlags.OpenExistingOnly);
            foreach (var certificate in store.Certificates)
            {
                result.Add(Convert.ToHexString(certificate.SubjectName.RawData));
                certificate.Dispose();
            }
        }
        catch (Exception e) when (e is CryptographicException or PlatformNotSupportedException)
        {
            // no store: every issuer counts as unknown
        }

        return result;
    }
}
