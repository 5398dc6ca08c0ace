using Tlslint.Analysis;
using Tlslint.Model;

namespace Tlslint.Rules.Certificates;

public sealed class CertificateMissing : EndpointRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        Id: "TLS309",
        Name: "certificate-missing",
        Title: "TLS is enabled but no certificate is configured",
        DefaultLevel: Level.Error,
        AppliesTo: Products.All,
        SecuritySeverity: 6.0);

    public override void Check(TlsEndpoint endpoint, RuleContext context)
    {
        if (endpoint.Role != EndpointRole.Server || endpoint.Mode.Value == TlsMode.None || endpoint.AnonymousOnly is not null
            || endpoint.RejectsHandshakes is { Value: true }
            || endpoint.Certificates.Any(c => c.Certificate.Value.Trim().Length > 0))
        {
            return;
        }

        context.Report(endpoint, endpoint.Mode,
            $"{context.Subject(endpoint.Mode)} turns TLS on, but no certificate is configured, so the server cannot complete a TLS handshake; configure a certificate and its key");
    }
}
