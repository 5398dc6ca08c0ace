using Tlslint.Analysis;
using Tlslint.Model;

namespace Tlslint.Rules.Features;

public sealed class TlsLoggingDisabled : EndpointRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        Id: "TLS506",
        Name: "tls-logging-disabled",
        Title: "The TLS version and cipher of sessions are not logged",
        DefaultLevel: Level.Note,
        AppliesTo: Products.Postfix | Products.Dovecot,
        SecuritySeverity: null)
    {
        OptIn = true,
    };

    public override void Check(TlsEndpoint endpoint, RuleContext context)
    {
        if (!endpoint.Mode.Value.UsesTls() || endpoint.TlsLogging is not { Value: false } logging)
        {
            return;
        }

        context.Report(endpoint, logging,
            $"{context.Subject(logging)} logs no protocol version or cipher for TLS sessions, so nobody can tell which clients still need old protocols before tightening them; {Fix(logging)}");
    }

    private static string Fix(Setting<bool> logging) => logging.Name switch
    {
        "login_log_format_elements" => "add `%k` (Dovecot 2.4: `%{ssl_security}`) to `login_log_format_elements`",
        "smtp_tls_loglevel" or "lmtp_tls_loglevel" => $"set `{logging.Name} = 1`",
        _ => "set `smtpd_tls_loglevel = 1`",
    };
}
