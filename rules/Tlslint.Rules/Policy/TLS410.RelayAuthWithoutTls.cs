using Tlslint.Analysis;
using Tlslint.Model;

namespace Tlslint.Rules.Policy;

public sealed class RelayAuthWithoutTls : EndpointRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        Id: "TLS410",
        Name: "relay-auth-without-tls",
        Title: "The relay password can be sent without TLS",
        DefaultLevel: Level.Error,
        AppliesTo: Products.Postfix,
        SecuritySeverity: 8.0);

    public override void Check(TlsEndpoint endpoint, RuleContext context)
    {
        var mode = endpoint.Mode;
        if (endpoint.Role != EndpointRole.Client || endpoint.AuthEnabled is not { Value: true } auth
            || endpoint.Upstream is not { } relayhost || mode.Value.RequiresTls())
        {
            return;
        }

        var risk = mode.Value.UsesTls()
            ? "an attacker who strips STARTTLS gets the relay password in cleartext"
            : "the relay password is sent in cleartext";
        var message = $"{context.Describe(mode)}, while SASL authenticates to `{relayhost.Value.Trim()}`, so {risk}; set `smtp_tls_security_level = encrypt`";
        var related = new List<RelatedLocation>
        {
            new(auth.Location, $"`{auth.Name} = {auth.RawText}` sends credentials"),
            new(relayhost.Location, $"`{relayhost.Name} = {relayhost.RawText}`"),
        };
        if (!mode.IsDefault || context.Tree.GlobalScope is not { } global)
        {
            context.Report(endpoint, mode, message, extra: related);
            return;
        }

        // A built-in default is fixed once in main.cf for every smtp transport: one finding there, not one per service line.
        if (endpoint.Anchor != global)
        {
            related.Add(new RelatedLocation(endpoint.Anchor, $"used by {endpoint.Name}"));
        }

        context.Report(message, global, related: related, endpoint: endpoint);
    }
}
