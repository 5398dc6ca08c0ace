using Tlslint.Analysis;
using Tlslint.Files;
using Tlslint.Model;
using Tlslint.Rules.Certificates;

namespace Tlslint.Rules.Integrity;

public sealed class ReferencedFileUnreadable : DiagnosticRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        Id: "TLS004",
        Name: "referenced-file-unreadable",
        Title: "A file the configuration needs cannot be read, so its checks were skipped",
        DefaultLevel: Level.Note,
        AppliesTo: Products.All,
        SecuritySeverity: null);

    protected override DiagnosticKind Kind => DiagnosticKind.Unreadable;

    /// <summary>Configuration files the loader could not read, then the certificate, key, CA and DH files settings name.</summary>
    public override void Check(ConfigTree tree, RuleContext context)
    {
        base.Check(tree, context);
        foreach (var endpoint in tree.Endpoints)
        {
            foreach (var reference in CertificateFiles.References(endpoint))
            {
                foreach (var problem in Problems(reference, context))
                {
                    context.Report(endpoint, reference.Setting, $"{CertificateFiles.Named(reference.Setting)} {problem}", Level.Note);
                }
            }
        }
    }

    private static IEnumerable<string> Problems(FileReference reference, RuleContext context)
    {
        var file = context.OpenFile(reference.Setting);
        if (!file.IsRead)
        {
            yield return $"{file.Problem}, so its checks were skipped";
            yield break;
        }

        var contents = file.Contents;
        foreach (var problem in contents.Problems)
        {
            yield return $"{problem}, so that part was not checked";
        }

        if (reference.Role is FileRole.Certificate or FileRole.CertificateAndKey or FileRole.CaCertificates or FileRole.ChainCertificates && contents.Certificates.Count == 0)
        {
            yield return "holds no PEM certificate, so its certificate checks were skipped";
        }

        if (reference.HoldsKey && !contents.HasPrivateKey)
        {
            yield return "holds no private key, so the key checks were skipped";
        }

        if (reference.HoldsKey && contents.PrivateKeys.Any(k => k.Encrypted))
        {
            yield return "holds an encrypted private key, so its type, size and match with the certificate could not be checked";
        }
        else if (reference.HoldsKey && contents.PrivateKeys.Any(k => k.PublicKey is null))
        {
            yield return "holds a private key of a kind tlslint cannot load, so its match with the certificate could not be checked";
        }

        // Apache's fallback to DH parameters appended to the certificate file is not listed as a DH file (EndpointFiles).
        if (reference.Role == FileRole.DhParameters && contents.DhParameters.Count == 0)
        {
            yield return "holds no `DH PARAMETERS` block, so the DH group size could not be checked";
        }
    }
}
