using Tlslint.Analysis;
using Tlslint.Model;
using Tlslint.Tls;

namespace Tlslint.Rules.Protocols;

public sealed class NoModernProtocol : EndpointRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        Id: "TLS103",
        Name: "no-modern-protocol",
        Title: "Neither TLS 1.2 nor TLS 1.3 can be negotiated",
        DefaultLevel: Level.Error,
        AppliesTo: Products.All,
        SecuritySeverity: 7.5);

    private static readonly TlsVersionSet Modern = TlsVersionSet.Of(TlsVersion.TlsV1_2, TlsVersion.TlsV1_3);

    public override void Check(TlsEndpoint endpoint, RuleContext context)
    {
        var protocols = endpoint.Protocols;
        if (!endpoint.Mode.Value.UsesTls())
        {
            return;
        }

        if (!protocols.Value.IsValid)
        {
            if (IsReportedAsFatal(context, protocols))
            {
                return;
            }

            context.Report(endpoint, protocols,
                $"{context.Describe(protocols)} is not a valid list ({protocols.Value.Problem}), so {Consequence(endpoint)}; write a valid list such as `{protocols.Value.Recommended}`");
            return;
        }

        var enabled = protocols.Value.Enabled;
        if (!enabled.Intersect(Modern).IsEmpty)
        {
            return;
        }

        var what = enabled.IsEmpty ? "leaves no protocol at all" : $"leaves only `{enabled}`";
        var runtime = !enabled.IsEmpty && context.Assumptions.LibraryRefusesLegacyTls
            ? $", which the assumed OpenSSL {context.Assumptions.OpenSsl.Version} refuses at security level {context.Assumptions.SecurityLevel}, so no handshake succeeds"
            : string.Empty;
        var opportunistic = IsOpportunisticMx(endpoint);
        context.Report(endpoint, protocols,
            $"{context.Subject(protocols)} {what}{(opportunistic ? " for opportunistic TLS on port 25" : string.Empty)}{runtime}; enable TLS 1.2 and 1.3 with `{protocols.Value.Recommended}`",
            opportunistic ? Level.Warning : null);
    }

    /// <summary>A list the server refuses to start with is a parse error (TLS001) already, located at the same line.</summary>
    private static bool IsReportedAsFatal(RuleContext context, Setting<ProtocolSelection> protocols) =>
        context.Tree.Diagnostics.Any(d => d.Fatal && d.Location == protocols.Location);

    private static bool IsOpportunisticMx(TlsEndpoint endpoint) =>
        endpoint.Role == EndpointRole.Server && endpoint.Mode.Value == TlsMode.StartTlsOptional && endpoint.Ports.Contains(25);

    /// <summary>What the product does with an invalid list: Postfix logs "Invalid TLS protocol list" and turns TLS off; nginx stops with "invalid value".</summary>
    private static string Consequence(TlsEndpoint endpoint) => endpoint switch
    {
        { Product: Product.Nginx } => "nginx refuses to start",
        { Product: Product.Dovecot } => "Dovecot's login processes cannot set up TLS, so STARTTLS and the implicit-TLS ports fail",
        { Role: EndpointRole.Client } => "Postfix turns TLS off for deliveries through this client",
        { Mode.Value: TlsMode.Implicit } => "Postfix turns TLS off and drops every connection to this wrapper-mode service",
        _ => "Postfix turns TLS off, still announces STARTTLS and answers it with `454 4.7.0 TLS not available`",
    };

    /// <summary>"`name = value`" for a written value, "`name` defaults to `x` in Postfix 3.7, which" for a default.</summary>
}
