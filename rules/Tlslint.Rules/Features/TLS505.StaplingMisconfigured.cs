using Tlslint.Analysis;
using Tlslint.Model;

namespace Tlslint.Rules.Features;

public sealed class StaplingMisconfigured : EndpointRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        Id: "TLS505",
        Name: "stapling-misconfigured",
        Title: "OCSP stapling is on but cannot work",
        DefaultLevel: Level.Note,
        AppliesTo: Products.Apache | Products.Nginx,
        SecuritySeverity: 1.0);

    public override void Check(TlsEndpoint endpoint, RuleContext context)
    {
        if (endpoint.Role != EndpointRole.Server || !endpoint.Mode.Value.UsesTls()
            || endpoint.OcspStapling is not { Value: true } stapling || endpoint.OcspStaplingMissing is not { } missing)
        {
            return;
        }

        context.Report(endpoint, stapling, $"{context.Subject(stapling)} turns OCSP stapling on, but it needs {missing}; add it");
    }
}
