using Tlslint.Analysis;
using Tlslint.Model;

namespace Tlslint.Rules.Policy;

public sealed class CleartextAuthAllowed : EndpointRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        Id: "TLS405",
        Name: "cleartext-auth-allowed",
        Title: "Authentication is offered before TLS",
        DefaultLevel: Level.Error,
        AppliesTo: Products.Postfix | Products.Dovecot | Products.Nginx,
        SecuritySeverity: 8.0);

    public override void Check(TlsEndpoint endpoint, RuleContext context)
    {
        if (endpoint.AuthBeforeTls is not { Value: true } before)
        {
            return;
        }

        var message = endpoint.Mode.Value.UsesTls()
            ? $"{context.Describe(before)}, which lets the service offer AUTH before STARTTLS, so passwords can cross the network in cleartext; set `smtpd_tls_auth_only = yes`"
            : $"{context.Describe(before)} offers AUTH on a service without TLS, so passwords cross the network in cleartext; enable TLS and set `smtpd_tls_auth_only = yes`";
        context.Report(endpoint, before, message, extra: AuthSwitch(endpoint, before));
    }

    private static List<RelatedLocation> AuthSwitch(TlsEndpoint endpoint, Setting<bool> before) =>
        endpoint.AuthEnabled is { } auth && auth.Location != before.Location
            ? [new RelatedLocation(auth.Location, $"{AuthText(auth)} turns AUTH on")]
            : [];

    private static string AuthText(Setting<bool> auth) => $"`{auth.Name} = {auth.RawText}`";
}
