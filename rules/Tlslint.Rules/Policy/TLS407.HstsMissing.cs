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
        if (!IsHttpsServer(endpoint) || endpoint.Hsts is not null)
        {
            return;
        }

        context.Report(
            $"{endpoint.Name} serves HTTPS without a `Strict-Transport-Security` header, so browsers keep trying plain HTTP first; send one, e.g. {Example(endpoint.Product)}",
            endpoint.Anchor, endpoint: endpoint);
    }

    private static bool IsHttpsServer(TlsEndpoint endpoint) =>
        endpoint.Role == EndpointRole.Server && endpoint.Mode.Value == TlsMode.Implicit;

    private static string Example(Product product) => product switch
    {
        Product.Nginx => "`add_header Strict-Transport-Security \"max-age=63072000\" always;`",
        _ => "`Header always set Strict-Transport-Security \"max-age=63072000\"`",
    };
}
