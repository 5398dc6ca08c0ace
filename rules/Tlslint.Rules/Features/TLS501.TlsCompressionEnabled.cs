using Tlslint.Analysis;
using Tlslint.Model;

namespace Tlslint.Rules.Features;

public sealed class TlsCompressionEnabled : EndpointRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        Id: "TLS501",
        Name: "tls-compression-enabled",
        Title: "TLS-level compression is enabled (CRIME)",
        DefaultLevel: Level.Error,
        AppliesTo: Products.Apache | Products.Dovecot,
        SecuritySeverity: 7.0);

    public override void Check(TlsEndpoint endpoint, RuleContext context)
    {
        if (!endpoint.Mode.Value.UsesTls() || endpoint.Compression is not { Value: true } compression)
        {
            return;
        }

        context.Report(endpoint, compression,
            $"{context.Subject(compression)} turns TLS compression on, which lets an attacker who can inject data recover secrets such as session cookies (CRIME){Runtime(context.Assumptions)}; turn it off");
    }

    /// <summary>OpenSSL 1.1.0 and later are built without compression methods unless someone adds zlib.</summary>
    private static string Runtime(Assumptions assumptions) => assumptions.OpenSsl.Version >= new ProductVersion(1, 1, 0)
        ? $"; the assumed OpenSSL {assumptions.OpenSsl.Version} has no compression methods, but a build with zlib would compress"
        : string.Empty;
}
