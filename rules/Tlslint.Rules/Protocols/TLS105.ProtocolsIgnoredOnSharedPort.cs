using Tlslint.Analysis;
using Tlslint.Model;

namespace Tlslint.Rules.Protocols;

public sealed class ProtocolsIgnoredOnSharedPort : EndpointRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        Id: "TLS105",
        Name: "protocols-ignored-on-shared-port",
        Title: "Protocols, TLS 1.3 suites or groups set in a server that is not the default one of its port have no effect",
        DefaultLevel: Level.Warning,
        AppliesTo: Products.Nginx,
        SecuritySeverity: 5.0);

    public override void Check(TlsEndpoint endpoint, RuleContext context)
    {
        CheckProtocols(endpoint, context);
        CheckTls13Suites(endpoint, context);
        CheckCurves(endpoint, context);
    }

    private static void CheckProtocols(TlsEndpoint endpoint, RuleContext context)
    {
        if (endpoint.IgnoredProtocols is not { Origin: SettingOrigin.Explicit } ignored || !ignored.Value.IsValid
            || ignored.Value.Enabled == endpoint.Protocols.Value.Enabled)
        {
            return;
        }

        var applied = endpoint.Protocols;
        var difference = Difference(ignored.Value.Enabled, applied.Value.Enabled);
        context.Report(endpoint, ignored,
            $"{context.Describe(ignored)} has no effect in {context.Tree.Product.DisplayName()} {context.Version}: {endpoint.Name} shares its listen socket with the default server, whose {context.Describe(applied)} is negotiated ({difference}); set the protocols in the default server, or run nginx 1.29.2 or later",
            extra: [new RelatedLocation(applied.Location, "the protocols that apply on this socket")]);
    }

    private static void CheckTls13Suites(TlsEndpoint endpoint, RuleContext context)
    {
        if (endpoint.IgnoredTls13Ciphers is not { Origin: SettingOrigin.Explicit } ignored || ignored.Value == endpoint.Tls13Ciphers?.Value)
        {
            return;
        }

        var applied = endpoint.Tls13Ciphers;
        var source = applied is null ? "OpenSSL's defaults" : context.Describe(applied);
        context.Report(endpoint, ignored,
            $"{context.Describe(ignored)} has no effect in {context.Tree.Product.DisplayName()} {context.Version}: {endpoint.Name} shares its listen socket with the default server, and OpenSSL picks the TLS 1.3 suite from the default server's list ({source}) before SNI selects this server; set the suites in the default server, or run nginx 1.29.2 or later",
            extra: applied is null ? [] : [new RelatedLocation(applied.Location, "the TLS 1.3 suites that apply on this socket")]);
    }

    private static void CheckCurves(TlsEndpoint endpoint, RuleContext context)
    {
        if (endpoint.IgnoredCurves is not { Origin: SettingOrigin.Explicit } ignored || endpoint.Curves is not { } applied
            || ignored.Value.Trim() == applied.Value.Trim())
        {
            return;
        }

        context.Report(endpoint, ignored,
            $"{context.Describe(ignored)} has no effect in {context.Tree.Product.DisplayName()} {context.Version}: {endpoint.Name} shares its listen socket with the default server, and the connection keeps the default server's groups ({context.Describe(applied)}) when SNI selects this server; set the groups in the default server, or run nginx 1.29.2 or later",
            extra: applied.IsDefault ? [] : [new RelatedLocation(applied.Location, "the groups that apply on this socket")]);
    }

    private static string Difference(Tls.TlsVersionSet wanted, Tls.TlsVersionSet applied)
    {
        var extra = applied.Except(wanted);
        var missing = wanted.Except(applied);
        return !extra.IsEmpty ? $"`{extra}` stays enabled here" : $"`{missing}` is not offered here";
    }
}
