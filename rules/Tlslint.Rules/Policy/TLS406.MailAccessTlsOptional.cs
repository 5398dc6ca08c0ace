using Tlslint.Analysis;
using Tlslint.Model;

namespace Tlslint.Rules.Policy;

public sealed class MailAccessTlsOptional : EndpointRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        Id: "TLS406",
        Name: "mail-access-tls-optional",
        Title: "Mail can be read over a connection without TLS",
        DefaultLevel: Level.Note,
        AppliesTo: Products.Dovecot,
        SecuritySeverity: 3.0);

    public override void Check(TlsEndpoint endpoint, RuleContext context)
    {
        if (!IsOptionalStartTlsLogin(endpoint))
        {
            return;
        }

        var why = endpoint.AuthBeforeTls is { Value: true }
            ? "clients may log in with a cleartext password before STARTTLS"
            : "clients whose login mechanism does not send the password itself may log in without STARTTLS";
        context.Report(endpoint, endpoint.Mode,
            $"{context.Subject(endpoint.Mode)} makes STARTTLS optional: {why} and then read their mail in cleartext; set `ssl = required`");
    }

    private static bool IsOptionalStartTlsLogin(TlsEndpoint endpoint) =>
        endpoint is { Role: EndpointRole.Server, Mode.Value: TlsMode.StartTlsOptional, AuthEnabled.Value: true };
}
