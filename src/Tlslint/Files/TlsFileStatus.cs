namespace Tlslint.Files;

/// <summary>Whether a file a setting names could be read, and if not, why not.</summary>
public enum TlsFileStatus
{
    /// <summary>Read; its PEM contents are in <see cref="TlsFile.Contents"/>.</summary>
    Read,

    /// <summary>No file (or a symbolic link to nothing) at that path.</summary>
    Missing,

    /// <summary>A directory, FIFO, socket or device: not read, so the run never blocks.</summary>
    NotRegularFile,

    /// <summary>Larger than <see cref="TlsFileStore.MaxBytes"/>, which no certificate, key or DH file is.</summary>
    TooLarge,

    /// <summary>This user may not read it (run as root to check it).</summary>
    PermissionDenied,

    /// <summary>The path holds a variable the server fills in at run time, so there is no one file to read.</summary>
    Unresolved,

    /// <summary>Another I/O error.</summary>
    Failed,
}
