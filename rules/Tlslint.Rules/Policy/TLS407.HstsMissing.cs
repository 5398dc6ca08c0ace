using Tlslint.Analysis;
using Tlslint.Model;

namespace Tlslint.Rules.Policy;

public sealed class HstsMissing : EndpointRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        Id: "TLS407",
        Name: "hsts-missing",
        Title: "An HTTPS site sends no Strict-Transport-Security header",
        DefaultLevel: Level.Warning,
        AppliesTo: Products.Apache | Products.Nginx,
        SecuritySeverity: 4.5);

    public override void Check(TlsEndpoint endpoint, RuleContext context)
    {
        if (!IsHttpsServer(endpoint) || endpoint.RejectsHandshakes is { Value: true })
        {
            return;
        }

        if (endpoint.Hsts is { } hsts)
        {
            foreach (var gap in endpoint.HstsGaps)
            {
                context.Report(
                    $"responses from this block lack the `Strict-Transport-Security` header {endpoint.Name} sends elsewhere, because {Why(endpoint.Product)}; repeat the header here",
                    gap, related: [new RelatedLocation(hsts.Location, "the header that is lost below")], endpoint: endpoint);
            }

            return;
        }

        context.Report(
            $"{endpoint.Name} serves HTTPS without a `Strict-Transport-Security` header, so browsers keep trying plain HTTP first; send one, e.g. {Example(endpoint.Product)}",
            endpoint.Anchor, endpoint: endpoint);
    }

    private static bool IsHttpsServer(TlsEndpoint endpoint) =>
        endpoint.Role == EndpointRole.Server && endpoint.Mode.Value == TlsMode.Implicit
        && endpoint.Application is null or ApplicationProtocol.Http;

    private static string Why(Product product) => product switch
    {
        Product.Nginx => "its own `add_header` replaces every header inherited from above",
        _ => "a header directive here replaces or removes it",
    };

    private static string Example(Product product) => product switch
    {
        Product.Nginx => "`add_header Strict-Transport-Security \"max-age=63072000\" always;`",
        _ => "`Header always set Strict-Transport-Security \"max-age=63072000\"`",
    };
}
