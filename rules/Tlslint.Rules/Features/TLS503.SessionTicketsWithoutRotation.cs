using Tlslint.Analysis;
using Tlslint.Model;
using Tlslint.Tls;

namespace Tlslint.Rules.Features;

public sealed class SessionTicketsWithoutRotation : EndpointRule
{
    private static readonly TlsVersionSet UpToTls12 = TlsVersionSet.Range(TlsVersion.SslV3, TlsVersion.TlsV1_2);

    public override RuleDescriptor Descriptor { get; } = new(
        Id: "TLS503",
        Name: "session-tickets-without-rotation",
        Title: "Session tickets are on while their key is never rotated",
        DefaultLevel: Level.Note,
        AppliesTo: Products.Apache | Products.Nginx,
        SecuritySeverity: 2.0)
    {
        FollowsProfile = true,
    };

    public override void Check(TlsEndpoint endpoint, RuleContext context)
    {
        if (endpoint.Role != EndpointRole.Server || !endpoint.Mode.Value.UsesTls()
            || endpoint.SessionTickets is not { Value: true } tickets || endpoint.SessionTicketKeyRotation is not { Value: false }
            || !UsesTls12OrOlder(endpoint))
        {
            return;
        }

        var verdict = context.Policy.UnrotatedTicketKey;
        var tls12 = context.Policy.Tls12Advice is { } advice ? $", {advice}" : string.Empty;
        context.Report(endpoint, tickets,
            $"{context.Subject(tickets)} turns session tickets on, and one ticket key serves until the server restarts, so whoever obtains it can decrypt every recorded TLS 1.2 session since (no forward secrecy); "
            + $"{verdict.Reason}; turn tickets off or restart the server at least daily{tls12}",
            verdict.Level == Descriptor.DefaultLevel ? null : verdict.Level);
    }

    /// <summary>TLS 1.3 tickets resume with a fresh (EC)DHE exchange; only TLS 1.2 and older reuse the master secret.</summary>
    private static bool UsesTls12OrOlder(TlsEndpoint endpoint) =>
        endpoint.Protocols.Value.IsValid && !endpoint.Protocols.Value.Enabled.Intersect(UpToTls12).IsEmpty;
}
