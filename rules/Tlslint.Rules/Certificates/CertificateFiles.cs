using Tlslint.Analysis;
using Tlslint.Files;
using Tlslint.Model;

namespace Tlslint.Rules.Certificates;

/// <summary>What the certificate rules share: the chains an endpoint serves, and how a file is named in messages.</summary>
internal static class CertificateFiles
{
    /// <summary>
    /// The chains of an endpoint that uses TLS, from the files that could be read. A file with several private keys
    /// (Postfix <c>smtpd_tls_chain_files</c>) holds one chain per key: the key, then its certificates.
    /// </summary>
    public static IEnumerable<ServedChain> Chains(TlsEndpoint endpoint, RuleContext context)
    {
        if (endpoint.Mode.Value == TlsMode.None)
        {
            yield break;
        }

        foreach (var pair in endpoint.Certificates)
        {
            if (pair.Certificate.Value.Trim().Length == 0)
            {
                continue;
            }

            var file = context.OpenFile(pair.Certificate);
            if (!file.IsRead || file.Contents.Certificates.Count == 0)
            {
                continue;
            }

            if (EndpointFiles.KeyIsSeparate(pair))
            {
                var keyFile = context.OpenFile(pair.Key!);
                var key = keyFile.IsRead ? keyFile.Contents.PrivateKeys.FirstOrDefault() : null;
                yield return WithChainFile(new ServedChain(endpoint, pair.Certificate, file.Contents.Certificates, key, pair.Key!), pair, context);
                continue;
            }

            var keys = file.Contents.PrivateKeys;
            if (keys.Count <= 1)
            {
                yield return WithChainFile(new ServedChain(endpoint, pair.Certificate, file.Contents.Certificates, keys.FirstOrDefault(), pair.Certificate),
                    pair, context);
                continue;
            }

            for (var i = 0; i < keys.Count; i++)
            {
                var from = keys[i].Block;
                var to = i + 1 < keys.Count ? keys[i + 1].Block : int.MaxValue;
                var certificates = file.Contents.Certificates.Where(c => c.Block > from && c.Block < to).ToList();
                if (certificates.Count > 0)
                {
                    yield return new ServedChain(endpoint, pair.Certificate, certificates, keys[i], pair.Certificate);
                }
            }
        }
    }

    /// <summary>
    /// With a separate chain file (Apache <c>SSLCertificateChainFile</c>) httpd loads only the first certificate of the
    /// certificate file and sends the chain file's certificates after it (without the first one when the chain file is
    /// also a certificate file); other certificates in the certificate file are ignored. When the chain file cannot be
    /// read (TLS004 says so), the certificate file is judged on its own.
    /// </summary>
    private static ServedChain WithChainFile(ServedChain chain, CertificateReference pair, RuleContext context)
    {
        if (pair.Chain is not { } setting || setting.Value.Trim().Length == 0)
        {
            return chain;
        }

        var file = context.OpenFile(setting);
        if (!file.IsRead || file.Contents.Certificates.Count == 0)
        {
            return chain;
        }

        var alsoCertificateFile = chain.Endpoint.Certificates.Any(c => c.Certificate.Value.Trim() == setting.Value.Trim());
        var extra = file.Contents.Certificates.Skip(alsoCertificateFile ? 1 : 0).ToList();
        return chain with { Certificates = [chain.Certificates[0], .. extra], ChainFile = setting, FromChainFile = extra.Count };
    }

    /// <summary>The files of an endpoint that uses TLS (none for an endpoint without TLS: the server never opens them).</summary>
    public static IEnumerable<FileReference> References(TlsEndpoint endpoint) =>
        endpoint.Mode.Value == TlsMode.None ? [] : EndpointFiles.Of(endpoint);

    /// <summary>How messages name a file: "`/etc/ssl/mail.pem` (from `smtpd_tls_cert_file`)".</summary>
    public static string Named(Setting<string> setting) => $"`{setting.Value.Trim()}` (from `{setting.Name}`)";

    /// <summary>A certificate in messages: "`CN=mail.example.org`".</summary>
    public static string Named(CertificateFacts certificate) => $"`{certificate.Name}`";

    public static string Date(DateTimeOffset moment) =>
        moment.UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
