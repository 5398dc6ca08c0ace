using Tlslint.Analysis;
using Tlslint.Model;

namespace Tlslint.Rules.Policy;

public sealed class OutboundTlsDisabled : EndpointRule
{
    private const string SmtpLevel = "smtp_tls_security_level";

    // The transports Postfix delivers Internet mail with: default_transport = smtp, relay_transport = relay.
    private static readonly string[] InternetTransports = ["smtp", "relay"];

    public override RuleDescriptor Descriptor { get; } = new(
        Id: "TLS409",
        Name: "outbound-tls-disabled",
        Title: "Outgoing SMTP never uses TLS",
        DefaultLevel: Level.Note,
        AppliesTo: Products.Postfix,
        SecuritySeverity: 3.0);

    public override void Check(TlsEndpoint endpoint, RuleContext context)
    {
        var mode = endpoint.Mode;
        if (!IsSmtpClient(endpoint) || mode.Value.UsesTls() || IsDeliberateForLocalTransport(endpoint, mode))
        {
            return;
        }

        var message = $"{context.Describe(mode)}, so mail to other servers leaves in cleartext even when they offer STARTTLS; set `smtp_tls_security_level = may`";
        if (!mode.IsDefault || context.Tree.GlobalScope is not { } global)
        {
            context.Report(endpoint, mode, message);
            return;
        }

        // A built-in default is fixed once in main.cf for every smtp transport: one finding there, not one per service line.
        var related = endpoint.Anchor == global ? [] : new[] { new RelatedLocation(endpoint.Anchor, $"used by {endpoint.Name}") };
        context.Report(message, global, related: related, endpoint: endpoint);
    }

    /// <summary>lmtp delivers locally; only the smtp client talks to other mail servers.</summary>
    private static bool IsSmtpClient(TlsEndpoint endpoint) =>
        endpoint.Role == EndpointRole.Client && endpoint.Settings.ContainsKey(SmtpLevel);

    /// <summary>
    /// `-o smtp_tls_security_level=none` on an extra transport (a content filter on loopback) is a choice for that
    /// transport; on the Internet-facing smtp and relay transports it is not.
    /// </summary>
    private static bool IsDeliberateForLocalTransport(TlsEndpoint endpoint, Setting<TlsMode> mode) =>
        mode.Origin == SettingOrigin.Explicit && !InternetTransports.Contains(ServiceName(endpoint));

    private static string ServiceName(TlsEndpoint endpoint) => endpoint.Name.Split('/')[0];
}
