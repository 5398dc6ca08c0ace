using Tlslint.Analysis;
using Tlslint.Model;

namespace Tlslint.Rules.Features;

public sealed class EarlyDataEnabled : EndpointRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        Id: "TLS504",
        Name: "early-data-enabled",
        Title: "TLS 1.3 early data (0-RTT) is accepted and can be replayed",
        DefaultLevel: Level.Warning,
        AppliesTo: Products.Nginx,
        SecuritySeverity: 5.0);

    public override void Check(TlsEndpoint endpoint, RuleContext context)
    {
        if (endpoint.EarlyData is not { Value: true } earlyData || !endpoint.Mode.Value.UsesTls())
        {
            return;
        }

        context.Report(endpoint, earlyData,
            $"{context.Describe(earlyData)} accepts requests in the first flight of a resumed TLS 1.3 handshake, which an attacker can record and replay; turn it off unless every request it can carry is idempotent and the application checks `$ssl_early_data` (answering 425 Too Early)");
    }
}
