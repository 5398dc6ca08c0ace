using Tlslint.Analysis;
using Tlslint.Model;

namespace Tlslint.Rules.Policy;

public sealed class StartTlsNotOffered : EndpointRule
{
    private const int SmtpPort = 25;

    public override RuleDescriptor Descriptor { get; } = new(
        Id: "TLS401",
        Name: "starttls-not-offered",
        Title: "A mail service does not offer STARTTLS",
        DefaultLevel: Level.Warning,
        AppliesTo: Products.Postfix | Products.Dovecot | Products.Nginx,
        SecuritySeverity: 5.0);

    public override void Check(TlsEndpoint endpoint, RuleContext context)
    {
        if (endpoint is { Product: Product.Dovecot, Role: EndpointRole.Server } && !endpoint.Mode.Value.UsesTls())
        {
            // The message names no listener: every cleartext listener shares the one `ssl = no` line.
            context.Report(endpoint, endpoint.Mode,
                $"{context.Subject(endpoint.Mode)} turns TLS off: the cleartext listeners offer no STARTTLS, so passwords and mail cross the network readable, and implicit-TLS listeners serve no TLS; set `ssl = yes` or `ssl = required`");
            return;
        }

        if (!IsSmtpServer(endpoint) || endpoint.Mode.Value.UsesTls())
        {
            return;
        }

        context.Report(endpoint, endpoint.Mode,
            $"{context.Describe(endpoint.Mode)}, so port 25 offers no STARTTLS and every message arrives in cleartext; set `smtpd_tls_security_level = may`");
    }

    private static bool IsSmtpServer(TlsEndpoint endpoint) =>
        endpoint.Role == EndpointRole.Server && endpoint.Ports.Contains(SmtpPort);
}
