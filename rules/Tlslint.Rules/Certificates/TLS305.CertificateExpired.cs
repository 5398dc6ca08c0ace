using Tlslint.Analysis;
using Tlslint.Files;
using Tlslint.Model;

namespace Tlslint.Rules.Certificates;

public sealed class CertificateExpired : EndpointRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        Id: "TLS305",
        Name: "certificate-expired",
        Title: "A served certificate has expired, is not valid yet, or expires soon",
        DefaultLevel: Level.Error,
        AppliesTo: Products.All,
        SecuritySeverity: 6.5);

    public override void Check(TlsEndpoint endpoint, RuleContext context)
    {
        foreach (var chain in CertificateFiles.Chains(endpoint, context))
        {
            var leaf = chain.Leaf;

            // A root sent along is ignored by clients (they use their own copy), so its dates do not matter.
            foreach (var certificate in chain.Certificates.Where(c => c == leaf || !c.IsSelfSigned))
            {
                if (Problem(certificate, context) is var (text, level))
                {
                    var setting = chain.SettingOf(certificate);
                    context.Report(endpoint, setting,
                        $"{CertificateFiles.Named(setting)} holds {CertificateFiles.Named(certificate)}, which {text}", level);
                }
            }
        }
    }

    private static (string Text, Level Level)? Problem(CertificateFacts certificate, RuleContext context)
    {
        var now = context.Now;
        if (certificate.NotAfter < now)
        {
            return ($"expired on {CertificateFiles.Date(certificate.NotAfter)}; clients refuse it, so renew it", Level.Error);
        }

        if (certificate.NotBefore > now)
        {
            return ($"is not valid before {CertificateFiles.Date(certificate.NotBefore)}; clients refuse it until then", Level.Error);
        }

        var left = certificate.NotAfter - now;
        return left < TimeSpan.FromDays(context.ExpiryDays)
            ? ($"expires on {CertificateFiles.Date(certificate.NotAfter)}, in {Math.Max(0, (int)left.TotalDays)} days; renew it (or check that automatic renewal works)", Level.Warning)
            : null;
    }
}
