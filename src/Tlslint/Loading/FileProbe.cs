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
    public static int? Mode(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        // Offset of st_mode in struct stat: x86_64 puts st_nlink (8 bytes) before it, aarch64 a 4-byte st_mode right after st_ino.
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

        var buffer = new byte[256];
        try
        {
            return NativeMethods.stat(path, buffer) == 0 ? BitConverter.ToInt32(buffer, offset) : null;
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
