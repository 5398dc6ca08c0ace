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
    /// <param name="quietAboutStrayFiles">
    /// Say nothing about a file that belongs to no tree (a pre-commit hook hands over every changed file).
    /// </param>
    public static IReadOnlyList<DiscoveredTree> Find(IEnumerable<string> paths, IReadOnlyList<string> excludes,
        string workingDirectory, List<string> errors, Products products = Products.All, bool quietAboutStrayFiles = false)
    {
        var trees = new Dictionary<string, DiscoveredTree>(StringComparer.Ordinal);
        foreach (var given in paths)
        {
            var full = Path.GetFullPath(given, workingDirectory);
            if (File.Exists(full))
            {
                if (!Add(trees, full, products) && !AddNginxDump(trees, full, products) && !AddEnclosing(trees, full, products) && !quietAboutStrayFiles)
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
        if (!visited.Add(Canonical(directory)))
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
            // Keyed by the real path: the same nginx.conf reached through two symbolic links is one tree.
            trees.TryAdd(product.Id() + ":" + Canonical(file), new DiscoveredTree(product, Path.GetDirectoryName(file)!, [file]));
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

        trees.TryAdd("nginx:" + Canonical(file), new DiscoveredTree(Product.Nginx, Path.GetDirectoryName(file)!, [file]));
        return true;
    }

    /// <summary>
    /// For a file that starts no tree (an included file such as <c>sites-enabled/default</c> or <c>conf.d/10-ssl.conf</c>):
    /// adds the tree of the nearest directory above it that holds a product's entry file, since an included file
    /// means nothing without its parent. Apache on Red Hat keeps <c>conf/httpd.conf</c> beside <c>conf.d/</c>.
    /// </summary>
    private static bool AddEnclosing(Dictionary<string, DiscoveredTree> trees, string file, Products products)
    {
        for (var dir = Path.GetDirectoryName(file); dir is not null; dir = Path.GetDirectoryName(dir))
        {
            foreach (var (name, product) in EntryFiles)
            {
                if (!products.Contains(product))
                {
                    continue;
                }

                foreach (var candidate in new[] { Path.Combine(dir, name), Path.Combine(dir, "conf", name) })
                {
                    if (File.Exists(candidate) && Add(trees, candidate, products))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    /// <summary>
    /// The path with every symbolic link along it resolved (realpath(3)), so that one file reached by several
    /// paths is recognised as one; the path itself when it cannot be resolved.
    /// </summary>
    public static string Canonical(string path) => Canonical(Path.GetFullPath(path), 0);

    private static string Canonical(string full, int depth)
    {
        if (depth > 40)
        {
            return full; // a link loop: give up, the walk's own guard stops it
        }

        var root = Path.GetPathRoot(full) ?? "/";
        var current = root;
        foreach (var part in full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            var next = Path.Combine(current, part);
            string? target;
            try
            {
                target = new FileInfo(next).LinkTarget;
            }
            catch (IOException)
            {
                target = null;
            }

            current = target is null ? next : Canonical(Path.GetFullPath(target, current), depth + 1);
        }

        return current;
    }

    private static void AddPostfix(Dictionary<string, DiscoveredTree> trees, string directory)
    {
        var key = "postfix:" + Canonical(directory);
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
}
