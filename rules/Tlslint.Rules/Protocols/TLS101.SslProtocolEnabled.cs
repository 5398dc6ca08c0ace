using Tlslint.Analysis;
using Tlslint.Model;
using Tlslint.Tls;

namespace Tlslint.Rules.Protocols;

public sealed class SslProtocolEnabled : EndpointRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        Id: "TLS101",
        Name: "ssl-protocol-enabled",
        Title: "SSLv2 or SSLv3 is enabled",
        DefaultLevel: Level.Error,
        AppliesTo: Products.All,
        SecuritySeverity: 8.0);

    public override void Check(TlsEndpoint endpoint, RuleContext context)
    {
        var protocols = endpoint.Protocols;
        if (!endpoint.Mode.Value.UsesTls() || !protocols.Value.IsValid)
        {
            return;
        }

        var ssl = protocols.Value.Enabled.Intersect(TlsVersionSet.Of(TlsVersion.SslV2, TlsVersion.SslV3));
        if (ssl.IsEmpty)
        {
            return;
        }

        var runtime = context.Assumptions.OpenSsl.Version.Major >= 1
            ? $"; OpenSSL {context.Assumptions.OpenSsl.Version} as Debian builds it has no SSLv3, but another TLS library may"
            : string.Empty;
        context.Report(endpoint, protocols,
            $"{context.Subject(protocols)} enables `{ssl}`{runtime}; exclude it, e.g. `{protocols.Value.Recommended}`");
    }
}
