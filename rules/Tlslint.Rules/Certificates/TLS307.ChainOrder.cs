using Tlslint.Analysis;
using Tlslint.Files;
using Tlslint.Model;

namespace Tlslint.Rules.Certificates;

public sealed class ChainOrder : EndpointRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        Id: "TLS307",
        Name: "chain-order",
        Title: "The certificate chain is out of order or incomplete",
        DefaultLevel: Level.Warning,
        AppliesTo: Products.All,
        SecuritySeverity: 4.0);

    public override void Check(TlsEndpoint endpoint, RuleContext context)
    {
        foreach (var chain in CertificateFiles.Chains(endpoint, context))
        {
            if (Problem(chain) is var (problem, fromChainFile))
            {
                var setting = fromChainFile ? chain.ChainFile! : chain.Setting;
                context.Report(endpoint, setting, $"{Named(chain)} {problem}");
            }
        }
    }

    /// <summary>The files the chain was read from: the certificate file, and the chain file when one was added.</summary>
    private static string Named(ServedChain chain) => chain.ChainFile is { } file
        ? $"{CertificateFiles.Named(chain.Setting)} with {CertificateFiles.Named(file)}"
        : CertificateFiles.Named(chain.Setting);

    /// <summary>
    /// The first thing wrong with the chain, if any: leaf position, then order, then a missing intermediate; and whether
    /// the fix belongs in the separate chain file.
    /// </summary>
    private static (string Problem, bool FromChainFile)? Problem(ServedChain chain)
    {
        var certificates = chain.Certificates;
        var leaf = chain.Leaf!;
        if (leaf != certificates[0])
        {
            return ($"starts with {CertificateFiles.Named(certificates[0])}, not with the server's own certificate {CertificateFiles.Named(leaf)}; put the server certificate first, then the certificates that issued it, bottom-up",
                false);
        }

        for (var i = 0; i + 1 < certificates.Count; i++)
        {
            var current = certificates[i];
            var next = certificates[i + 1];
            if (next.Issued(current))
            {
                continue;
            }

            var issuer = certificates.FirstOrDefault(c => c.Issued(current) && c != current);
            return (issuer is null
                ? $"lists {CertificateFiles.Named(next)} after {CertificateFiles.Named(current)}, which it did not issue; remove certificates that are not part of the chain and order the rest bottom-up"
                : $"lists {CertificateFiles.Named(next)} after {CertificateFiles.Named(current)}, but {CertificateFiles.Named(issuer)} issued it; order the certificates bottom-up, each followed by its issuer",
                chain.IsFromChainFile(i + 1));
        }

        var last = certificates[^1];
        return last.IsSelfSigned || last.IsCertificateAuthority || SystemTrustStore.HasSubject(last.IssuerId)
            ? null
            : ($"holds {CertificateFiles.Named(last)} without its issuer `{last.Issuer}`, so clients that do not already have that intermediate cannot verify it; append the intermediate certificate(s) after it",
                chain.ChainFile is not null);
    }
}
