using Microsoft.Extensions.FileSystemGlobbing;
using Tlslint.Model;

namespace Tlslint.Loading;

/// <summary>
/// Finds configuration trees under the paths given: a directory is walked (version-control folders skipped,
/// symbolic links followed without looping), a file is taken with the tree it belongs to.
/// </summary>
public static class Discovery
{
    private static readonly HashSet<string> SkippedDirectories = new(StringComparer.Ordinal)
    {
        ".git", ".hg", ".svn", ".bzr", "_darcs", ".jj", "node_modules", ".tox", ".venv", "__pycache__",
    };

    private static readonly string[] PostfixFiles = ["main.cf", "master.cf"];

    /// <summary>The file that starts a tree of each product with a single entry file (Postfix is a directory of two).</summary>
    private static readonly Dictionary<string, Product> EntryFiles = new(StringComparer.Ordinal)
    {
        ["dovecot.conf"] = Product.Dovecot,
        ["apache2.conf"] = Product.Apache,
        ["httpd.conf"] = Product.Apache,
        ["nginx.conf"] = Product.Nginx,
    };

    /// <param name="paths">Files or directories, absolute or relative to <paramref name="workingDirectory"/>.</param>
    /// <param name="excludes">Globs (relative to each path given) whose matches are left out.</param>
    /// <param name="workingDirectory">Where relative paths start.</param>
    /// <param name="errors">One line for each path that does not exist or cannot be linted.</param>
    /// <param name="products">The products to look for.</param>
    public static IReadOnlyList<DiscoveredTree> Find(IEnumerable<string> paths, IReadOnlyList<string> excludes,
        string workingDirectory, List<string> errors, Products products = Products.All)
    {
        var trees = new Dictionary<string, DiscoveredTree>(StringComparer.Ordinal);
        foreach (var given in paths)
        {
            var full = Path.GetFullPath(given, workingDirectory);
            if (File.Exists(full))
            {
                var name = Path.GetFileName(full);
                if (!Add(trees, full, products) && !AddNginxDump(trees, full, products))
                {
                    var expected = string.Join(", ", PostfixFiles.Where(_ => products.Contains(Product.Postfix))
                        .Concat(EntryFiles.Where(e => products.Contains(e.Value)).Select(e => e.Key)));
                    errors.Add($"{given}: not a configuration file tlslint recognises (expected {expected})");
                }
            }
            else if (Directory.Exists(full))
            {
                Matcher? matcher = null;
                if (excludes.Count > 0)
                {
                    matcher = new Matcher(StringComparison.Ordinal);
                    matcher.AddIncludePatterns(excludes);
                }

                Walk(full, full, matcher, trees, new HashSet<string>(StringComparer.Ordinal), products);
            }
            else
            {
                errors.Add($"{given}: no such file or directory");
            }
        }

        return trees.Values.OrderBy(t => t.Directory, StringComparer.Ordinal).ToList();
    }

    private static void Walk(string root, string directory, Matcher? excludes, Dictionary<string, DiscoveredTree> trees,
        HashSet<string> visited, Products products)
    {
        if (!visited.Add(RealPath(directory)))
        {
            return;
        }

        IEnumerable<string> entries;
        try
        {
            entries = Directory.EnumerateFileSystemEntries(directory).Order(StringComparer.Ordinal).ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return;
        }

        foreach (var entry in entries)
        {
            var name = Path.GetFileName(entry);
            var relative = Path.GetRelativePath(root, entry).Replace('\\', '/');
            if (excludes is not null && (excludes.Match(relative).HasMatches || excludes.Match(relative + "/").HasMatches))
            {
                continue;
            }

            if (Directory.Exists(entry))
            {
                if (!SkippedDirectories.Contains(name))
                {
                    Walk(root, entry, excludes, trees, visited, products);
                }
            }
            else
            {
                Add(trees, entry, products);
            }
        }
    }

    /// <summary>Adds the tree <paramref name="file"/> starts, if it is an entry file of one of <paramref name="products"/>.</summary>
    private static bool Add(Dictionary<string, DiscoveredTree> trees, string file, Products products)
    {
        var name = Path.GetFileName(file);
        if (products.Contains(Product.Postfix) && PostfixFiles.Contains(name, StringComparer.Ordinal))
        {
            AddPostfix(trees, Path.GetDirectoryName(file)!);
            return true;
        }

        if (EntryFiles.TryGetValue(name, out var product) && products.Contains(product))
        {
            trees.TryAdd(product.Id() + ":" + file, new DiscoveredTree(product, Path.GetDirectoryName(file)!, [file]));
            return true;
        }

        return false;
    }

    /// <summary>A file named on the command line that holds the output of <c>nginx -T</c> (its first line is a file header).</summary>
    private static bool AddNginxDump(Dictionary<string, DiscoveredTree> trees, string file, Products products)
    {
        if (!products.Contains(Product.Nginx) || FileProbe.KindOf(file) is not (FileKind.Regular or FileKind.Unknown))
        {
            return false;
        }

        try
        {
            using var reader = new StreamReader(file);
            var head = new char[8192];
            var read = reader.ReadBlock(head, 0, head.Length);
            if (!Syntax.Nginx.NginxDump.LooksLikeDump(new string(head, 0, read)))
            {
                return false;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }

        trees.TryAdd("nginx:" + file, new DiscoveredTree(Product.Nginx, Path.GetDirectoryName(file)!, [file]));
        return true;
    }

    private static void AddPostfix(Dictionary<string, DiscoveredTree> trees, string directory)
    {
        var key = "postfix:" + directory;
        if (trees.ContainsKey(key))
        {
            return;
        }

        // A dangling symbolic link still names a file the server would try to read: keep it, reading reports it.
        var files = PostfixFiles.Select(f => Path.Combine(directory, f))
            .Where(f => File.Exists(f) || new FileInfo(f).LinkTarget is not null)
            .ToList();
        trees[key] = new DiscoveredTree(Product.Postfix, directory, files);
    }

    private static string RealPath(string directory)
    {
        try
        {
            var info = new DirectoryInfo(directory);
            return info.LinkTarget is null ? info.FullName : info.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? info.FullName;
        }
        catch (IOException)
        {
            return directory;
        }
    }
}
