using Tlslint.Analysis;
using Tlslint.Files;
using Tlslint.Model;

namespace Tlslint.Rules.Certificates;

public sealed class PrivateKeyPermissions : EndpointRule
{
    private const int OthersReadWrite = 0x6;   // 0o006
    private const int GroupWrite = 0x10;       // 0o020
    private const int GroupRead = 0x20;        // 0o040

    /// <summary>Debian's group for services that may read keys in /etc/ssl/private (the snakeoil key is root:ssl-cert 0640).</summary>
    private const string KeyReaderGroup = "ssl-cert";

    /// <summary>Accounts that may own key files: root, and the users the four servers run as on common distributions.</summary>
    private static readonly HashSet<string> ServiceUsers = new(StringComparer.Ordinal)
    {
        "root", "postfix", "dovecot", "www-data", "apache", "httpd", "nginx", "wwwrun",
    };

    public override RuleDescriptor Descriptor { get; } = new(
        Id: "TLS301",
        Name: "private-key-permissions",
        Title: "A private key file other users can read, write or own",
        DefaultLevel: Level.Error,
        AppliesTo: Products.All,
        SecuritySeverity: 7.5);

    public override void Check(TlsEndpoint endpoint, RuleContext context)
    {
        foreach (var reference in CertificateFiles.References(endpoint))
        {
            var file = context.OpenFile(reference.Setting);
            if (!HoldsKey(reference, file) || file.Status is TlsFileStatus.Missing or TlsFileStatus.Unresolved)
            {
                continue;
            }

            var named = CertificateFiles.Named(reference.Setting);
            if (file.Permissions is not { } p)
            {
                context.Report(endpoint, reference.Setting,
                    $"cannot tell who may read the private key in {named}: {file.PermissionsUnknown}", Level.Note);
                continue;
            }

            if ((p.Mode & OthersReadWrite) != 0)
            {
                context.Report(endpoint, reference.Setting,
                    $"{named} holds a private key and has mode {p.ModeText}, so every local user can {Access(p.Mode)} it; run `chmod 600` on it");
            }
            else if ((p.Mode & GroupWrite) != 0)
            {
                context.Report(endpoint, reference.Setting,
                    $"{named} holds a private key and has mode {p.ModeText}, so members of group `{p.Group}` can replace it; run `chmod 600` on it");
            }
            else if ((p.Mode & GroupRead) != 0 && p.GroupName != KeyReaderGroup)
            {
                context.Report(endpoint, reference.Setting,
                    $"{named} holds a private key and has mode {p.ModeText}, so members of group `{p.Group}` can read it; run `chmod 600` on it unless that group exists to share keys",
                    Level.Warning);
            }

            if (IsUntrustedOwner(p))
            {
                context.Report(endpoint, reference.Setting,
                    $"{named} holds a private key and belongs to `{p.Owner}`, who can change its mode or contents; make it owned by root",
                    Level.Warning);
            }
        }
    }

    /// <summary>A key file, a file meant to hold key and certificates, or any other file found to contain a key.</summary>
    private static bool HoldsKey(FileReference reference, TlsFile file) =>
        reference.HoldsKey || (file.IsRead && file.Contents.HasPrivateKey);

    private static string Access(int mode) => (mode & 0x4, mode & 0x2) switch
    {
        (not 0, not 0) => "read and replace",
        (not 0, _) => "read",
        _ => "replace",
    };

    /// <summary>
    /// Root or a service account is fine; so is the user running tlslint, because in a checkout or a copied tree every
    /// file belongs to whoever made the copy, which says nothing about the server.
    /// </summary>
    private static bool IsUntrustedOwner(FilePermissions p) =>
        p.OwnerId != 0
        && !(p.OwnerName is { } name && (ServiceUsers.Contains(name) || name == Environment.UserName));
}
