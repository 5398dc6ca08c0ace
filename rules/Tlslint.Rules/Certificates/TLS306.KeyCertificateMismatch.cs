using Tlslint.Analysis;
using Tlslint.Model;

namespace Tlslint.Rules.Certificates;

public sealed class KeyCertificateMismatch : EndpointRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        Id: "TLS306",
        Name: "key-certificate-mismatch",
        Title: "The private key does not belong to the certificate",
        DefaultLevel: Level.Error,
        AppliesTo: Products.All,
        SecuritySeverity: 6.0);

    public override void Check(TlsEndpoint endpoint, RuleContext context)
    {
        foreach (var chain in CertificateFiles.Chains(endpoint, context))
        {
            if (chain.Key?.PublicKey is not { Fingerprint: not null } key || chain.Certificates.All(c => c.PublicKey.Fingerprint is null))
            {
                continue; // encrypted or unknown kinds of key cannot be compared (TLS004 says so)
            }

            if (chain.Certificates.Any(c => key.SameKeyAs(c.PublicKey)))
            {
                continue; // present but not first is a matter of order (TLS307)
            }

            var leaf = chain.Certificates[0];
            var where = ReferenceEquals(chain.KeySetting, chain.Setting) ? "beside it" : $"in {CertificateFiles.Named(chain.Setting)}";
            context.Report(endpoint, chain.KeySetting,
                $"the private key ({key.Describe()}) in {CertificateFiles.Named(chain.KeySetting)} does not belong to the certificate {CertificateFiles.Named(leaf)} {where}, so the server cannot use them together; configure the key the certificate was issued for");
        }
    }
}
