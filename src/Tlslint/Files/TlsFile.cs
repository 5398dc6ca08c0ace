namespace Tlslint.Files;

/// <summary>A certificate, key, CA or DH file as found on disk: whether it could be read, who may read it, what it holds.</summary>
public sealed record TlsFile
{
    /// <summary>Where it was looked for on this machine (under <c>--root</c> when given); empty when the path could not be resolved.</summary>
    public required string FullPath { get; init; }

    public required TlsFileStatus Status { get; init; }

    /// <summary>Why it could not be read, as a sentence fragment ("does not exist"); null when read.</summary>
    public string? Problem { get; init; }

    /// <summary>POSIX permissions, or null when they cannot be told (see <see cref="PermissionsUnknown"/>).</summary>
    public FilePermissions? Permissions { get; init; }

    /// <summary>Why the permissions are unknown, as a sentence fragment; null when known.</summary>
    public string? PermissionsUnknown { get; init; }

    public PemContents Contents { get; init; } = PemContents.Empty;

    public bool IsRead => Status == TlsFileStatus.Read;
}
