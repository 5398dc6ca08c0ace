using Tlslint.Analysis;
using Tlslint.Model;

namespace Tlslint.Rules.Policy;

public sealed class ImplicitTlsPortWithoutTls : EndpointRule
{
    private const int SubmissionsPort = 465;
    private const int HttpsPort = 443;
    private const string WrapperMode = "smtpd_tls_wrappermode";

    /// <summary>The listener's own <c>ssl</c> flag, as the Dovecot resolver records it.</summary>
    private const string ListenerSsl = "inet_listener ssl";

    private static readonly int[] ImplicitMailPorts = [993, 995, 465];

    public override RuleDescriptor Descriptor { get; } = new(
        Id: "TLS404",
        Name: "implicit-tls-port-without-tls",
        Title: "An implicit-TLS port does not speak TLS",
        DefaultLevel: Level.Error,
        AppliesTo: Products.Postfix | Products.Dovecot | Products.Nginx | Products.Apache,
        SecuritySeverity: 7.5);

    public override void Check(TlsEndpoint endpoint, RuleContext context)
    {
        if (endpoint.Product == Product.Apache)
        {
            CheckHttps(endpoint, context);
            return;
        }

        if (endpoint.Product == Product.Dovecot)
        {
            CheckListener(endpoint, context);
            return;
        }

        if (endpoint.Product == Product.Nginx)
        {
            CheckNginx(endpoint, context);
            return;
        }

        if (!IsSubmissionsServer(endpoint) || endpoint.Mode.Value == TlsMode.Implicit
            || !endpoint.Settings.TryGetValue(WrapperMode, out var wrapper))
        {
            return;
        }

        var message = $"{context.Describe(wrapper)}, so port 465 expects cleartext SMTP where clients start with a TLS handshake; add `-o smtpd_tls_wrappermode=yes` to the service";
        if (wrapper.Origin == SettingOrigin.Explicit)
        {
            context.Report(endpoint, wrapper, message);
            return;
        }

        // Wrapper mode in main.cf would break ports 25 and 587, so the fix belongs on the service line.
        context.Report(message, endpoint.Anchor, related: InheritedFrom(wrapper), endpoint: endpoint);
    }

    /// <summary>
    /// nginx: the resolver marks a server that answers a well-known TLS port (443, 465, 993, 995) in cleartext at the
    /// <c>listen</c> that lacks <c>ssl</c>, and a server with a certificate but no TLS listen at its <c>ssl_certificate</c>.
    /// </summary>
    private static void CheckNginx(TlsEndpoint endpoint, RuleContext context)
    {
        var mode = endpoint.Mode;
        if (endpoint.Role != EndpointRole.Server || mode.Value == TlsMode.Implicit)
        {
            return;
        }

        if (mode.Name == "listen")
        {
            context.Report(endpoint, mode,
                $"`listen {mode.RawText}` has no `ssl`, so {endpoint.Name} answers in cleartext on a port where clients start with a TLS handshake; write `listen {mode.RawText} ssl`");
        }
        else if (mode.Name == "ssl_certificate")
        {
            context.Report(endpoint, mode,
                $"`ssl_certificate {mode.RawText}` is set but no `listen` of {endpoint.Name} has `ssl`, so the server speaks cleartext and the certificate is never used; add `ssl` to the `listen` that should serve TLS");
        }
    }

    /// <summary>A web server on port 443 that does not speak TLS there.</summary>
    private static void CheckHttps(TlsEndpoint endpoint, RuleContext context)
    {
        if (endpoint.Role != EndpointRole.Server || endpoint.Mode.Value == TlsMode.Implicit || !endpoint.Ports.Contains(HttpsPort))
        {
            return;
        }

        var mode = endpoint.Mode;
        var message = $"{endpoint.Name} takes port 443, where clients open with a TLS handshake, but {context.Describe(mode)}, so it answers in cleartext; add `SSLEngine on` and a certificate to it";
        if (mode.Origin == SettingOrigin.Explicit)
        {
            context.Report(endpoint, mode, message);
            return;
        }

        context.Report(message, endpoint.Anchor, related: InheritedFrom(mode), endpoint: endpoint);
    }

    /// <summary>A Dovecot listener on an implicit-TLS port (993, 995, 465) whose <c>ssl</c> is not <c>yes</c>.</summary>
    private static void CheckListener(TlsEndpoint endpoint, RuleContext context)
    {
        var port = endpoint.Ports.FirstOrDefault(ImplicitMailPorts.Contains);
        if (endpoint.Role != EndpointRole.Server || port == 0 || endpoint.Mode.Value == TlsMode.Implicit
            || !endpoint.Settings.TryGetValue(ListenerSsl, out var ssl) || ssl.Value == "yes")
        {
            return;
        }

        var what = ssl.IsDefault ? "has no `ssl = yes`" : $"has `ssl = {ssl.RawText}`";
        var message = $"listener {endpoint.Name} on port {port} {what}, so it expects cleartext where clients start with a TLS handshake; set `ssl = yes` in the `inet_listener` block";
        if (ssl.IsDefault)
        {
            context.Report(message, endpoint.Anchor, endpoint: endpoint);
            return;
        }

        context.Report(endpoint, ssl, message);
    }

    private static List<RelatedLocation> InheritedFrom<T>(Setting<T> setting) =>
        setting.Origin == SettingOrigin.Inherited ? [new RelatedLocation(setting.Location, $"`{setting.Name}` inherited from here")] : [];

    private static bool IsSubmissionsServer(TlsEndpoint endpoint) =>
        endpoint.Role == EndpointRole.Server && endpoint.Ports.Contains(SubmissionsPort);
}
