using Tlslint.Analysis;
using Tlslint.Model;

namespace Tlslint.Rules.Features;

public sealed class TlsCompressionEnabled : EndpointRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        Id: "TLS501",
        Name: "tls-compression-enabled",
        Title: "TLS compression is enabled",
        DefaultLevel: Level.Error,
        AppliesTo: Products.Apache | Products.Dovecot | Products.Postfix,
        SecuritySeverity: 7.0);

    public override void Check(TlsEndpoint endpoint, RuleContext context)
    {
        if (!endpoint.Mode.Value.UsesTls() || endpoint.Compression is not { Value: true } compression)
        {
            return;
        }

        var library = compression.IsDefault
            ? $" with the assumed OpenSSL {context.Assumptions.OpenSsl.Version}, which compresses unless told not to"
            : string.Empty;
        context.Report(endpoint, compression,
            $"{context.Subject(compression)} leaves TLS compression on{library}, which lets an attacker who can inject text recover secrets from the encrypted stream (CRIME); {Fix(compression)}");
    }

    private static string Fix(Setting<bool> compression) => compression.Name switch
    {
        "ssl_options" => "remove `compression` from `ssl_options` (Dovecot 2.2: add `no_compression`)",
        "tls_ssl_options" => "add `NO_COMPRESSION` to `tls_ssl_options`",
        "SSLCompression" => "set `SSLCompression off`",
        _ => "turn compression off",
    };
}
