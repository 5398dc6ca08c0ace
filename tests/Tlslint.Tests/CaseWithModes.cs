namespace Tlslint.Tests;

/// <summary>
/// Git keeps no file modes but +x, so a fixture case that needs them (a key at 0644, a directory at 0700) lists them in
/// <c>modes.txt</c>: one <c>MODE PATH</c> per line, octal mode, path relative to the case. The case is then linted
/// from a temporary copy with those modes applied; the copy is deleted afterwards.
/// </summary>
internal sealed class CaseWithModes : IDisposable
{
    public const string FileName = "modes.txt";

    private CaseWithModes(string root) => Root = root;

    public string Root { get; }

    /// <summary>A moded copy of the case folder, or null when the case has no modes.txt (or is a single file).</summary>
    public static CaseWithModes? Prepare(string casePath)
    {
        var list = Path.Combine(casePath, FileName);
        if (!Directory.Exists(casePath) || !File.Exists(list))
        {
            return null;
        }

        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            Assert.Ignore($"{FileName}: file modes need a POSIX system");
        }

        var copy = new CaseWithModes(Path.Combine(Path.GetTempPath(), "tlslint-case-" + Guid.NewGuid().ToString("N")));
        Copy(casePath, copy.Root);
        foreach (var line in File.ReadAllLines(list).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')))
        {
            var parts = line.Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries);
            Assert.That(parts, Has.Length.EqualTo(2), $"{list}: expected `MODE PATH`, got `{line}`");
            var mode = (UnixFileMode)Convert.ToInt32(parts[0], 8);
            var target = Path.Combine(copy.Root, parts[1]);
            Assert.That(Path.Exists(target), $"{list}: `{parts[1]}` is not in the case");
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(target, mode);
            }
        }

        return copy;
    }

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var entry in new DirectoryInfo(from).EnumerateFileSystemInfos())
        {
            var target = Path.Combine(to, entry.Name);
            if (entry.LinkTarget is { } link)
            {
                File.CreateSymbolicLink(target, link);
            }
            else if (entry is DirectoryInfo)
            {
                Copy(entry.FullName, target);
            }
            else
            {
                File.Copy(entry.FullName, target);
            }
        }
    }

    public void Dispose()
    {
        Reopen(Root);
        Directory.Delete(Root, recursive: true);
    }

    /// <summary>Gives directories closed by modes.txt back their owner bits, top-down, so that the copy can be removed.</summary>
    private static void Reopen(string directory)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        File.SetUnixFileMode(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        foreach (var child in new DirectoryInfo(directory).EnumerateDirectories().Where(d => d.LinkTarget is null))
        {
            Reopen(child.FullName);
        }
    }
}
