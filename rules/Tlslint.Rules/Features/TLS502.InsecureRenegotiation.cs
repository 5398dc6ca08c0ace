using Tlslint.Analysis;
using Tlslint.Model;

namespace Tlslint.Rules.Features;

public sealed class InsecureRenegotiation : EndpointRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        Id: "TLS502",
        Name: "insecure-renegotiation",
        Title: "Insecure (pre-RFC 5746) renegotiation is allowed",
        DefaultLevel: Level.Error,
        AppliesTo: Products.Apache,
        SecuritySeverity: 7.0);

    public override void Check(TlsEndpoint endpoint, RuleContext context)
    {
        if (!endpoint.Mode.Value.UsesTls() || endpoint.InsecureRenegotiation is not { Value: true } renegotiation)
        {
            return;
        }

        context.Report(endpoint, renegotiation,
            $"{context.Subject(renegotiation)} lets clients without the RFC 5746 renegotiation extension renegotiate, which lets an attacker on the path prefix their own request to the client's (CVE-2009-3555); turn it off");
    }
}
