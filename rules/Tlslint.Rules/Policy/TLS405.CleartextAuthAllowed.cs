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

        var message = endpoint.Product == Product.Dovecot
            ? DovecotMessage(endpoint, before, context)
            : endpoint.Product == Product.Nginx ? NginxMessage(endpoint, before, context)
            : endpoint.Mode.Value.UsesTls()
            ? $"{context.Describe(before)}, which lets the service offer AUTH before STARTTLS, so passwords can cross the network in cleartext; set `smtpd_tls_auth_only = yes`"
            : $"{context.Describe(before)} offers AUTH on a service without TLS, so passwords cross the network in cleartext; enable TLS and set `smtpd_tls_auth_only = yes`";
        context.Report(endpoint, before, message, extra: AuthSwitch(endpoint, before, context));
    }

    /// <summary>Dovecot: <c>disable_plaintext_auth = no</c> (2.4: <c>auth_allow_cleartext = yes</c>) allows passwords before TLS.</summary>
    private static string DovecotMessage(TlsEndpoint endpoint, Setting<bool> before, RuleContext context)
    {
        var fix = before.Name == "auth_allow_cleartext" ? "`auth_allow_cleartext = no`" : "`disable_plaintext_auth = yes`";
        return endpoint.Mode.Value.UsesTls()
            ? $"{context.Subject(before)} lets clients log in with a cleartext password before STARTTLS; set {fix} (or `ssl = required`)"
            : $"{context.Subject(before)} lets clients log in with a cleartext password on listeners without TLS; enable TLS and set {fix}";
    }

    /// <summary>nginx mail: <c>starttls on</c> still accepts <c>plain</c>/<c>login</c> before STARTTLS; only <c>starttls only</c> withholds them.</summary>
    private static string NginxMessage(TlsEndpoint endpoint, Setting<bool> before, RuleContext context) =>
        endpoint.Mode.Value.UsesTls()
            ? $"{context.Describe(before)} lets {endpoint.Name} accept cleartext logins (`plain`, `login`) before STARTTLS, so passwords can cross the network in cleartext; set `starttls only`"
            : $"{context.Subject(before)} leaves {endpoint.Name} without TLS while it accepts cleartext logins (`plain`, `login`), so passwords cross the network in cleartext; set `starttls only` or serve the port with `listen … ssl`";

    /// <summary>The line that turns authentication on, when it is written somewhere else than the finding.</summary>
    private static List<RelatedLocation> AuthSwitch(TlsEndpoint endpoint, Setting<bool> before, RuleContext context) =>
        endpoint.AuthEnabled is { IsDefault: false } auth && auth.Location != before.Location
            ? [new RelatedLocation(auth.Location, $"{context.Describe(auth)} turns AUTH on")]
            : [];
}
