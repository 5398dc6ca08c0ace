namespace Tlslint.Loading;

/// <summary>What a path names on disk, as far as reading it safely is concerned.</summary>
public enum FileKind
{
    Missing,
    Regular,
    Directory,

    /// <summary>A FIFO, socket or device: reading it could block or never end.</summary>
    Special,

    /// <summary>The platform cannot tell; treat as regular and rely on the read limit.</summary>
    Unknown,
}
