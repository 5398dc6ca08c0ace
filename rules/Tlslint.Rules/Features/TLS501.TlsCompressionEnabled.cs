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
        AppliesTo: Products.Apache | Products.Dovecot | Products.Postfix,
        SecuritySeverity: 7.0);

    public override void Check(TlsEndpoint endpoint, RuleContext context)
    {
        if (!endpoint.Mode.Value.UsesTls() || endpoint.Compression is not { Value: true } compression)
        {
            return;
        }

        // A default that compresses is the library's doing (OpenSSL before 1.1.0), so no runtime caveat applies.
        var what = compression.IsDefault
            ? $"leaves TLS compression on with the assumed OpenSSL {context.Assumptions.OpenSsl.Version}, which compresses unless told not to,"
            : "turns TLS compression on,";
        var runtime = compression.IsDefault ? string.Empty : Runtime(context.Assumptions);
        context.Report(endpoint, compression,
            $"{context.Subject(compression)} {what} which lets an attacker who can inject data recover secrets such as session cookies (CRIME){runtime}; {Fix(compression)}");
    }

    private static string Fix(Setting<bool> compression) => compression.Name switch
    {
        "ssl_options" => "remove `compression` from `ssl_options` (Dovecot 2.2: add `no_compression`)",
        "tls_ssl_options" => "add `NO_COMPRESSION` to `tls_ssl_options`",
        _ => "turn it off",
    };

    /// <summary>OpenSSL 1.1.0 and later are built without compression methods unless someone adds zlib.</summary>
    private static string Runtime(Assumptions assumptions) => assumptions.OpenSsl.Version >= new ProductVersion(1, 1, 0)
        ? $"; the assumed OpenSSL {assumptions.OpenSsl.Version} has no compression methods, but a build with zlib would compress"
        : string.Empty;
}
