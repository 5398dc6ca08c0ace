using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Tlslint.Analysis;
using Tlslint.Loading;

namespace Tlslint.Files;

/// <summary>
/// Finds, reads and parses the certificate, key, CA and DH files that settings name, once per path for a whole run.
/// Reading is bounded (regular files only, at most <see cref="MaxBytes"/>), never writes, and keeps no key material:
/// only the facts in <see cref="TlsFile"/> survive the read.
/// </summary>
public sealed class TlsFileStore
{
    /// <summary>A certificate chain, key or DH file is a few KiB; a CA bundle a few hundred. Anything larger is not read.</summary>
    public const int MaxBytes = 1024 * 1024;

    private const int MaxLinkHops = 40;

    private readonly ConcurrentDictionary<string, Lazy<TlsFile>> _files = new(StringComparer.Ordinal);

    /// <param name="root">When set, absolute paths (and absolute symbolic-link targets) resolve under this directory.</param>
    public TlsFileStore(string? root = null)
    {
        Root = root is null ? null : Path.GetFullPath(root);
    }

    public string? Root { get; }

    /// <summary>The file a setting of <paramref name="tree"/> names, as the product would open it.</summary>
    /// <param name="tree">The tree the setting belongs to: it says where relative paths start.</param>
    /// <param name="configured">The path as configured (variables already expanded where the product expands them at load time).</param>
    public TlsFile Open(ConfigTree tree, string configured)
    {
        var value = configured.Trim();
        if (HasRunTimeVariable(value))
        {
            return new TlsFile
            {
                FullPath = string.Empty,
                Status = TlsFileStatus.Unresolved,
                Problem = "contains a variable that the server fills in only at run time, so no single file could be checked",
                PermissionsUnknown = "the path is not known before run time",
            };
        }

        var full = Resolve(tree, value);
        return _files.GetOrAdd(full, path => new Lazy<TlsFile>(() => Read(path))).Value;
    }

    /// <summary>
    /// Where a configured path lives on this machine: absolute paths under <see cref="Root"/> when given; relative ones
    /// from the tree's <see cref="ConfigTree.ReferenceBase"/> (itself under the root when absolute), or else from the
    /// directory of the tree's first file.
    /// </summary>
    public string Resolve(ConfigTree tree, string configured)
    {
        if (Root is not null && IsInside(Path.GetFullPath(configured), Root))
        {
            return Path.GetFullPath(configured); // a loader that mapped the path under the root already
        }

        if (Path.IsPathRooted(configured))
        {
            return UnderRoot(configured);
        }

        var treeDirectory = tree.Files.Count > 0 ? Path.GetDirectoryName(tree.Files[0].FullPath) : null;
        var start = tree.ReferenceBase switch
        {
            { } b when Path.IsPathRooted(b) => UnderRoot(b),
            { } b => Path.GetFullPath(b, treeDirectory ?? Environment.CurrentDirectory),
            null => treeDirectory ?? Environment.CurrentDirectory,
        };
        return Path.GetFullPath(configured, start);
    }

    private string UnderRoot(string absolute) =>
        Root is null ? Path.GetFullPath(absolute) : Path.GetFullPath(Path.Join(Root, absolute.TrimStart('/', '\\')));

    private static bool IsInside(string path, string directory) =>
        path.StartsWith(directory.TrimEnd('/') + "/", StringComparison.Ordinal);

    /// <summary>nginx <c>$ssl_server_name</c>, Apache <c>${VAR}</c> left unexpanded, Dovecot <c>%{…}</c>.</summary>
    private static bool HasRunTimeVariable(string value) =>
        value.Contains('$', StringComparison.Ordinal) || value.Contains("%{", StringComparison.Ordinal);

    private TlsFile Read(string fullPath)
    {
        var (real, firstLinkTarget) = FollowLinks(fullPath);
        var (permissions, unknown) = PermissionsOf(real);
        TlsFile Failed(TlsFileStatus status, string problem) => new()
        {
            FullPath = fullPath,
            Status = status,
            Problem = problem,
            Permissions = permissions,
            PermissionsUnknown = unknown,
        };

        switch (FileProbe.KindOf(real))
        {
            case FileKind.Missing:
                return Failed(TlsFileStatus.Missing, firstLinkTarget is null
                    ? "does not exist"
                    : $"is a symbolic link to `{firstLinkTarget}`, which does not exist");
            case FileKind.Directory:
                return Failed(TlsFileStatus.NotRegularFile, "is a directory, not a file");
            case FileKind.Special:
                return Failed(TlsFileStatus.NotRegularFile, "is a FIFO, socket or device, not a regular file, so it was not read");
        }

        byte[] bytes;
        try
        {
            if (new FileInfo(real).Length > MaxBytes)
            {
                return Failed(TlsFileStatus.TooLarge, $"is larger than {MaxBytes / 1024} KiB, which no certificate, key or DH file is, so it was not read");
            }

            using var stream = new FileStream(real, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 4096, FileOptions.SequentialScan);
            bytes = ReadBounded(stream);
            if (bytes.Length > MaxBytes)
            {
                CryptographicOperations.ZeroMemory(bytes);
                return Failed(TlsFileStatus.TooLarge, $"is larger than {MaxBytes / 1024} KiB, which no certificate, key or DH file is, so it was not read");
            }
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return Failed(TlsFileStatus.Missing, "does not exist");
        }
        catch (UnauthorizedAccessException)
        {
            return Failed(TlsFileStatus.PermissionDenied, "cannot be read by this user (run tlslint as root to check it)");
        }
        catch (IOException e)
        {
            return Failed(TlsFileStatus.Failed, $"cannot be read: {e.Message}");
        }

        return new TlsFile
        {
            FullPath = fullPath,
            Status = TlsFileStatus.Read,
            Permissions = permissions,
            PermissionsUnknown = unknown,
            Contents = Parse(bytes),
        };
    }

    /// <summary>Parses the bytes as PEM text and wipes both the bytes and the characters afterwards (a key may be among them).</summary>
    private static PemContents Parse(byte[] bytes)
    {
        var chars = Encoding.Latin1.GetChars(bytes);
        try
        {
            var contents = PemReader.Parse(chars);
            var empty = contents.Certificates.Count + contents.PrivateKeys.Count + contents.DhParameters.Count + contents.Problems.Count == 0;
            return empty && !chars.AsSpan().Contains("-----BEGIN ", StringComparison.Ordinal)
                ? contents with { Problems = ["holds no PEM data (tlslint reads PEM text; DER and other formats are not checked)"] }
                : contents;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bytes);
            Array.Clear(chars);
        }
    }

    private static byte[] ReadBounded(Stream stream)
    {
        var buffer = new byte[MaxBytes + 1];
        var total = 0;
        int read;
        while (total < buffer.Length && (read = stream.Read(buffer, total, buffer.Length - total)) > 0)
        {
            total += read;
        }

        var result = buffer[..total];
        CryptographicOperations.ZeroMemory(buffer);
        return result;
    }

    /// <summary>
    /// Follows symbolic links at the end of the path itself; absolute targets stay under the root, so a copied tree
    /// whose links point at <c>/etc/ssl/…</c> is checked against the copy, not this machine.
    /// </summary>
    private (string Real, string? FirstTarget) FollowLinks(string path)
    {
        var current = path;
        string? first = null;
        for (var hop = 0; hop < MaxLinkHops; hop++)
        {
            string? target;
            try
            {
                target = new FileInfo(current).LinkTarget;
            }
            catch (IOException)
            {
                break;
            }

            if (target is null)
            {
                break;
            }

            first ??= target;
            current = Path.IsPathRooted(target) ? UnderRoot(target) : Path.GetFullPath(target, Path.GetDirectoryName(current)!);
        }

        return (current, first);
    }

    private static (FilePermissions? Permissions, string? Unknown) PermissionsOf(string real)
    {
        if (!OperatingSystem.IsLinux())
        {
            return (null, "tlslint reads file permissions on Linux only");
        }

        if (FileProbe.Stat(real) is not { } stat)
        {
            return (null, "the file cannot be examined (missing, or a directory on the way is closed to this user)");
        }

        var directory = Path.GetDirectoryName(real) ?? "/";
        var permissions = new FilePermissions(stat.Permissions, stat.OwnerId, stat.GroupId,
            UserNames.User(stat.OwnerId), UserNames.Group(stat.GroupId), directory, FileProbe.Stat(directory)?.Permissions);
        return (permissions, null);
    }
}
