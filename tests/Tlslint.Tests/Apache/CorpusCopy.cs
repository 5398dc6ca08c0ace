namespace Tlslint.Tests.Apache;

/// <summary>
/// A writable copy of a corpus tree. The shared corpus stores symbolic links as small files holding the link target
/// (`../sites-available/000-default.conf`, as git does without symlink support); the copy turns them back into links,
/// so that the tree is what Debian's a2enmod/a2ensite left behind.
/// </summary>
internal static class CorpusCopy
{
    public static TempTree Materialize(string source)
    {
        var temp = new TempTree();
        Copy(source, temp.Root);
        return temp;
    }

    /// <summary>Whether a file of the shared corpus stands for a symbolic link (its whole content is a relative path to an existing file).</summary>
    public static bool IsLinkStandIn(string file)
    {
        var info = new FileInfo(file);
        if (!info.Exists || info.Length is 0 or > 255)
        {
            return false;
        }

        var text = File.ReadAllText(file);
        return !text.Contains('\n') && !text.Contains(' ') && text.StartsWith("../", StringComparison.Ordinal)
               && File.Exists(Path.Combine(info.DirectoryName!, text));
    }

    private static void Copy(string source, string target)
    {
        var pending = new Stack<(string From, string To)>();
        pending.Push((source, target));
        while (pending.Count > 0)
        {
            var (from, to) = pending.Pop();
            Directory.CreateDirectory(to);
            foreach (var entry in Directory.EnumerateFileSystemEntries(from))
            {
                var destination = Path.Combine(to, Path.GetFileName(entry));
                if (Directory.Exists(entry))
                {
                    pending.Push((entry, destination));
                }
                else if (IsLinkStandIn(entry))
                {
                    File.CreateSymbolicLink(destination, File.ReadAllText(entry));
                }
                else
                {
                    File.Copy(entry, destination);
                    File.SetAttributes(destination, FileAttributes.Normal);
                }
            }
        }
    }
}
