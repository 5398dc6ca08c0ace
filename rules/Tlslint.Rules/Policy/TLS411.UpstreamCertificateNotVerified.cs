using Tlslint.Analysis;
using Tlslint.Model;

namespace Tlslint.Rules.Policy;

public sealed class UpstreamCertificateNotVerified : EndpointRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        Id: "TLS411",
        Name: "upstream-certificate-not-verified",
        Title: "Outgoing TLS does not verify the server's certificate",
        DefaultLevel: Level.Warning,
        AppliesTo: Products.Apache | Products.Nginx | Products.Dovecot,
        SecuritySeverity: 5.0);

    public override void Check(TlsEndpoint endpoint, RuleContext context)
    {
        if (endpoint.Role != EndpointRole.Client || !endpoint.Mode.Value.UsesTls())
        {
            return;
        }

        if (endpoint.VerifyPeer is { Value: false } chain)
        {
            context.Report(endpoint, chain,
                $"{context.Subject(chain)} accepts any certificate on outgoing TLS connections, so anyone on the path can pose as the server and read what is sent; turn certificate verification on");
        }
        else if (endpoint.VerifyPeerName is { Value: false } name)
        {
            context.Report(endpoint, name,
                $"{context.Subject(name)} accepts a certificate issued for any name on outgoing TLS connections, so any server with a valid certificate can pose as the upstream; turn name checking on");
        }
    }
}
