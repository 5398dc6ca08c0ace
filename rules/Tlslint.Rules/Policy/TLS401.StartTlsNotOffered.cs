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
        if (endpoint.Product == Product.Nginx)
        {
            CheckNginxMail(endpoint, context);
            return;
        }

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

    /// <summary>nginx mail proxy: a plaintext listener whose server does not offer STARTTLS (<c>starttls off</c>, the default).</summary>
    private static void CheckNginxMail(TlsEndpoint endpoint, RuleContext context)
    {
        if (endpoint.Role != EndpointRole.Server || endpoint.Mode.Value != TlsMode.None || !IsMail(endpoint.Application))
        {
            return;
        }

        context.Report(endpoint, endpoint.Mode,
            $"{context.Describe(endpoint.Mode)}, so {endpoint.Name} offers no STARTTLS and logins and mail cross the network in cleartext; set `starttls only` in its server block (or `on` where clients must still be served without TLS)");
    }

    private static bool IsMail(ApplicationProtocol? application) =>
        application is ApplicationProtocol.Smtp or ApplicationProtocol.Imap or ApplicationProtocol.Pop3;

    private static bool IsSmtpServer(TlsEndpoint endpoint) =>
        endpoint.Role == EndpointRole.Server && endpoint.Ports.Contains(SmtpPort);
}
