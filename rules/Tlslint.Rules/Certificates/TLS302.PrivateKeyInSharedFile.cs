using Tlslint.Analysis;
using Tlslint.Files;
using Tlslint.Model;

namespace Tlslint.Rules.Certificates;

public sealed class PrivateKeyInSharedFile : EndpointRule
{
    private const int OthersRead = 0x4;     // 0o004
    private const int OthersWrite = 0x2;    // 0o002
    private const int Sticky = 0x200;       // 0o1000

    public override RuleDescriptor Descriptor { get; } = new(
        Id: "TLS302",
        Name: "private-key-in-shared-file",
        Title: "A private key in a certificate or CA file, or in a directory every user can list",
        DefaultLevel: Level.Error,
        AppliesTo: Products.All,
        SecuritySeverity: 7.0);

    public override void Check(TlsEndpoint endpoint, RuleContext context)
    {
        foreach (var reference in CertificateFiles.References(endpoint))
        {
            var file = context.OpenFile(reference.Setting);
            var named = CertificateFiles.Named(reference.Setting);
            var foundKey = file.IsRead && file.Contents.HasPrivateKey;
            if (foundKey && reference.Role == FileRole.Certificate)
            {
                context.Report(endpoint, reference.Setting,
                    $"{named} holds a private key although the key is configured on its own in {CertificateFiles.Named(reference.Pair!.Key!)}; certificate files are handed around freely, so remove the key from it");
            }
            else if (foundKey && reference.Role == FileRole.CaCertificates)
            {
                context.Report(endpoint, reference.Setting,
                    $"{named} is a CA file but holds a private key; CA files are public, so remove the key from it");
            }
            else if (foundKey && reference.Role == FileRole.ChainCertificates)
            {
                context.Report(endpoint, reference.Setting,
                    $"{named} is a chain file but holds a private key; its certificates are sent to every client, so remove the key from it");
            }

            if ((reference.HoldsKey || foundKey) && file.Permissions is { DirectoryMode: { } directory } p)
            {
                ReportDirectory(endpoint, reference, context, named, p, directory);
            }
        }
    }

    private static void ReportDirectory(TlsEndpoint endpoint, FileReference reference, RuleContext context, string named,
        FilePermissions p, int directory)
    {
        if ((directory & OthersWrite) != 0 && (directory & Sticky) == 0)
        {
            context.Report(endpoint, reference.Setting,
                $"{named} holds a private key in `{p.Directory}`, a directory every local user can write to (mode {FilePermissions.Octal(directory)}), so anyone can swap the key; move it to a directory only root can change");
        }
        else if ((directory & OthersRead) != 0)
        {
            context.Report(endpoint, reference.Setting,
                $"{named} holds a private key in `{p.Directory}`, a directory every local user can list (mode {FilePermissions.Octal(directory)}); close the directory to other users (`chmod 710` or `chmod 700`) or move the key to one that is",
                Level.Warning);
        }
    }
}
