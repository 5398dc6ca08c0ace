using Tlslint.Analysis;
using Tlslint.Model;

namespace Tlslint.Rules.Policy;

public sealed class UpstreamCertificateNotVerified : EndpointRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        Id: "TLS411",
        Name: "upstream-certificate-not-verified",
        Title: "A TLS client does not verify the server it connects to",
        DefaultLevel: Level.Warning,
        AppliesTo: Products.Apache | Products.Nginx | Products.Dovecot,
        SecuritySeverity: 5.0);

    public override void Check(TlsEndpoint endpoint, RuleContext context)
    {
        if (endpoint.Role != EndpointRole.Client || !endpoint.Mode.Value.UsesTls())
        {
            return;
        }

        if (endpoint.VerifyPeer is { Value: false } verify)
        {
            context.Report(endpoint, verify,
                $"{context.Subject(verify)} lets {endpoint.Name} accept any certificate from the upstream server, so anyone on the path can impersonate it and read the traffic; verify the chain against a CA file");
            return;
        }

        if (endpoint.VerifyPeerName is { Value: false } name)
        {
            context.Report(endpoint, name,
                $"{context.Subject(name)} lets {endpoint.Name} accept a valid certificate issued for any other host name; turn the name check on");
        }
    }
}
