using Tlslint.Analysis;
using Tlslint.Model;

namespace Tlslint.Rules.Policy;

public sealed class TlsRequiredOnPublicMx : EndpointRule
{
    private const int SmtpPort = 25;

    public override RuleDescriptor Descriptor { get; } = new(
        Id: "TLS402",
        Name: "tls-required-on-public-mx",
        Title: "The public SMTP port requires TLS",
        DefaultLevel: Level.Warning,
        AppliesTo: Products.Postfix,
        SecuritySeverity: 3.0);

    public override void Check(TlsEndpoint endpoint, RuleContext context)
    {
        if (!IsSmtpServer(endpoint) || !endpoint.Mode.Value.RequiresTls())
        {
            return;
        }

        var consequence = endpoint.Mode.Value == TlsMode.Implicit
            ? "makes port 25 speak TLS from the first byte, which no sending server expects"
            : "makes port 25 refuse mail from servers that cannot do STARTTLS";
        context.Report(endpoint, endpoint.Mode,
            $"{context.Describe(endpoint.Mode)} {consequence}; use `smtpd_tls_security_level = may` there and require TLS on submission instead");
    }

    private static bool IsSmtpServer(TlsEndpoint endpoint) =>
        endpoint.Role == EndpointRole.Server && endpoint.Ports.Contains(SmtpPort);
}
