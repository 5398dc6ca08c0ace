using Tlslint.Analysis;
using Tlslint.Model;

namespace Tlslint.Rules.Certificates;

public sealed class WeakCertificateSignature : EndpointRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        Id: "TLS304",
        Name: "weak-certificate-signature",
        Title: "A served certificate is signed with MD5 or SHA-1",
        DefaultLevel: Level.Warning,
        AppliesTo: Products.All,
        SecuritySeverity: 7.0);

    public override void Check(TlsEndpoint endpoint, RuleContext context)
    {
        foreach (var chain in CertificateFiles.Chains(endpoint, context))
        {
            // A self-signed certificate is trusted for its key, not its signature: roots (and self-signed leaves) are exempt.
            foreach (var certificate in chain.Certificates.Where(c => !c.IsSelfSigned))
            {
                var level = certificate.Signature.Hash switch
                {
                    "MD2" or "MD4" or "MD5" => Level.Error,
                    "SHA-1" => Level.Warning,
                    _ => (Level?)null,
                };
                if (level is null)
                {
                    continue;
                }

                var forge = level == Level.Error ? "which attackers can forge" : "which attackers can collide and clients reject";
                var setting = chain.SettingOf(certificate);
                context.Report(endpoint, setting,
                    $"{CertificateFiles.Named(setting)} holds {CertificateFiles.Named(certificate)}, signed with {certificate.Signature.Hash} (`{certificate.Signature.Algorithm}`), {forge}; have it reissued with SHA-256",
                    level);
            }
        }
    }
}
