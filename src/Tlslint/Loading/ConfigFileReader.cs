using System.Text;
using Tlslint.Analysis;
using Tlslint.Text;

namespace Tlslint.Loading;

/// <summary>Reads configuration files safely: bounded size, no FIFOs or devices, binary content detected.</summary>
public static class ConfigFileReader
{
    /// <summary>No real configuration file comes near this; anything larger is refused rather than read.</summary>
    public const int MaxBytes = 16 * 1024 * 1024;

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    /// <summary>
    /// Returns the file with its text, or null after adding a located diagnostic (unreadable: TLS004; binary: TLS001).
    /// </summary>
    public static SourceFile? Read(string fullPath, string displayPath, List<ConfigDiagnostic> diagnostics)
    {
        var placeholder = new SourceFile(displayPath, fullPath, string.Empty);
        var kind = FileProbe.KindOf(fullPath);
        if (kind is FileKind.Special or FileKind.Directory)
        {
            diagnostics.Add(Unreadable(placeholder, "is not a regular file (a FIFO, device or directory), so it was not read"));
            return null;
        }

        byte[] bytes;
        try
        {
            using var stream = new FileStream(fullPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 4096, FileOptions.SequentialScan);
            bytes = ReadBounded(stream, out var truncated);
            if (truncated)
            {
                diagnostics.Add(Unreadable(placeholder, $"is larger than {MaxBytes / (1024 * 1024)} MiB, which no configuration file is; it was not read"));
                return null;
            }
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            var link = new FileInfo(fullPath).LinkTarget;
            diagnostics.Add(Unreadable(placeholder, link is null
                ? "does not exist"
                : $"is a symbolic link to `{link}`, which does not exist"));
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            diagnostics.Add(Unreadable(placeholder, "cannot be read: permission denied for this user (run tlslint as a user that can read it, e.g. root)"));
            return null;
        }
        catch (IOException e)
        {
            diagnostics.Add(Unreadable(placeholder, $"cannot be read: {e.Message}"));
            return null;
        }

        var nul = Array.IndexOf(bytes, (byte)0);
        if (nul >= 0)
        {
            var prefix = Utf8.GetString(bytes, 0, nul);
            var file = new SourceFile(displayPath, fullPath, prefix);
            diagnostics.Add(new ConfigDiagnostic(DiagnosticKind.ParseError,
                "the file contains NUL bytes, so it is binary, not a configuration file; it was not linted",
                new SourceLocation(file, file.RangeOf(prefix.Length, prefix.Length)), Fatal: true));
            return null;
        }

        var offset = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        return new SourceFile(displayPath, fullPath, Utf8.GetString(bytes, offset, bytes.Length - offset))
        {
            HadByteOrderMark = offset > 0,
        };
    }

    private static byte[] ReadBounded(Stream stream, out bool truncated)
    {
        using var memory = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            memory.Write(buffer, 0, read);
            if (memory.Length > MaxBytes)
            {
                truncated = true;
                return [];
            }
        }

        truncated = false;
        return memory.ToArray();
    }

    private static ConfigDiagnostic Unreadable(SourceFile file, string why) =>
        new(DiagnosticKind.Unreadable, $"`{file.Path}` {why}", new SourceLocation(file, null), Fatal: true);
}
