using Tlslint.Analysis;
using Tlslint.Model;

namespace Tlslint.Rules.Certificates;

public sealed class SelfSignedCertificate : EndpointRule
{
    private const int SmtpPort = 25;

    public override RuleDescriptor Descriptor { get; } = new(
        Id: "TLS308",
        Name: "self-signed-certificate",
        Title: "The server certificate is self-signed",
        DefaultLevel: Level.Warning,
        AppliesTo: Products.All,
        SecuritySeverity: 3.0);

    public override void Check(TlsEndpoint endpoint, RuleContext context)
    {
        if (endpoint.Role != EndpointRole.Server)
        {
            return; // a self-signed client certificate is normal: the server pins it
        }

        foreach (var chain in CertificateFiles.Chains(endpoint, context))
        {
            if (chain.Leaf is not { IsSelfSigned: true } leaf)
            {
                continue;
            }

            // Servers sending to port 25 rarely verify certificates, so there it only matters to those that do (DANE, policies).
            var publicMx = endpoint.Ports.Contains(SmtpPort);
            var consequence = publicMx
                ? "which sending servers that verify certificates (DANE, MTA-STS, TLS policies) refuse"
                : "which clients cannot verify, so users learn to click through warnings or get no protection from an attacker in the middle";
            context.Report(endpoint, chain.Setting,
                $"{CertificateFiles.Named(chain.Setting)} holds the self-signed certificate {CertificateFiles.Named(leaf)}, {consequence}; use a certificate from a CA such as Let's Encrypt",
                publicMx ? Level.Note : null);
        }
    }
}
