using System.Runtime.InteropServices;

namespace Tlslint.Loading;

/// <summary>
/// Tells regular files from FIFOs and devices before opening them (.NET reports them all as "Normal", and opening a
/// FIFO blocks until a writer appears). Uses stat(2) on Linux; elsewhere answers <see cref="FileKind.Unknown"/>.
/// </summary>
public static class FileProbe
{
    private const int S_IFMT = 0xF000;
    private const int S_IFREG = 0x8000;
    private const int S_IFDIR = 0x4000;

    public static FileKind KindOf(string path)
    {
        if (!File.Exists(path))
        {
            return Directory.Exists(path) ? FileKind.Directory : FileKind.Missing;
        }

        var mode = Mode(path);
        return mode switch
        {
            null => FileKind.Unknown,
            var m when (m & S_IFMT) == S_IFREG => FileKind.Regular,
            var m when (m & S_IFMT) == S_IFDIR => FileKind.Directory,
            _ => FileKind.Special,
        };
    }

    /// <summary>st_mode of the file a path resolves to, or null when it cannot be had.</summary>
    public static int? Mode(string path) => Stat(path)?.Mode;

    /// <summary>
    /// Mode, owner and group of the file a path resolves to (symbolic links followed), from stat(2) on Linux; null
    /// when the platform has no such call here or the path cannot be examined (missing, a directory on the way not
    /// searchable for this user).
    /// </summary>
    public static FileStat? Stat(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        // Offsets in struct stat: x86_64 has st_dev, st_ino, st_nlink (8 bytes each) before st_mode, st_uid, st_gid;
        // aarch64 has st_dev, st_ino (8 bytes each), then st_mode and st_nlink (4 bytes each), st_uid, st_gid.
        var offset = RuntimeInformation.ProcessArchitecture switch
        {
            Architecture.X64 => 24,
            Architecture.Arm64 => 16,
            _ => -1,
        };
        if (offset < 0)
        {
            return null;
        }

        var uidOffset = RuntimeInformation.ProcessArchitecture == Architecture.X64 ? 28 : 24;
        var buffer = new byte[256];
        try
        {
            return NativeMethods.stat(path, buffer) == 0
                ? new FileStat(BitConverter.ToInt32(buffer, offset), BitConverter.ToUInt32(buffer, uidOffset), BitConverter.ToUInt32(buffer, uidOffset + 4))
                : null;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
    }

    private static class NativeMethods
    {
        [DllImport("libc", SetLastError = true)]
#pragma warning disable SYSLIB1054, CA2101 // a plain DllImport keeps the project free of unsafe code
        public static extern int stat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, byte[] buffer);
#pragma warning restore SYSLIB1054, CA2101
    }
}
