using Tlslint.Analysis;
using Tlslint.Model;
using Tlslint.Model.Apache;

namespace Tlslint.Loading;

/// <summary>
/// Reads an httpd tree from its entry file (<c>apache2.conf</c>, <c>httpd.conf</c>) and resolves it. ServerRoot
/// starts as the entry file's directory (Debian's <c>/etc/apache2</c>), or its parent when that directory is
/// <c>conf</c> (upstream and RHEL <c>conf/httpd.conf</c>); Debian's <c>envvars</c> beside the entry file supplies the
/// variables <c>apache2ctl</c> would export.
/// </summary>
public static class ApacheTreeLoader
{
    public static ConfigTree Load(DiscoveredTree tree, LoadContext context)
    {
        var configuration = Read(tree, context);
        var resolved = ApacheResolver.Resolve(context.Display(tree.Files[0]), configuration, context.Assumptions.Products[Product.Apache],
            context.Assumptions);
        return resolved with { Blocks = Sections(configuration.Files) };
    }

    /// <summary>
    /// Every <c>&lt;Section&gt; … &lt;/Section&gt;</c> of the files that hold a <c># tlslint</c> comment (the others need
    /// none), so that a suppression above a <c>&lt;VirtualHost&gt;</c> covers the whole section.
    /// </summary>
    private static List<ConfigBlock> Sections(IReadOnlyList<Text.SourceFile> files)
    {
        var blocks = new List<ConfigBlock>();
        foreach (var file in files.Where(f => f.Text.Contains("tlslint", StringComparison.OrdinalIgnoreCase)))
        {
            var statements = Syntax.Apache.ApacheParser.Parse(file).Statements;
            foreach (var open in statements.Where(s => s.Kind == Syntax.Apache.ApacheStatementKind.SectionOpen && s.Match >= 0 && s.Match < statements.Count))
            {
                var close = statements[open.Match];
                blocks.Add(new ConfigBlock(new Text.SourceLocation(file, new Text.TextRange(open.Range.Start, close.Range.End)), $"<{open.Name}>"));
            }
        }

        return blocks;
    }

    /// <summary>What httpd reads from the tree: files in include order, directives in force, virtual hosts.</summary>
    public static ApacheConfiguration Read(DiscoveredTree tree, LoadContext context)
    {
        var entry = tree.Files[0];
        var directory = Path.GetDirectoryName(entry)!;
        var serverRoot = Path.GetFileName(directory) == "conf" ? Path.GetDirectoryName(directory)! : directory;
        var diagnostics = new List<ConfigDiagnostic>();
        var version = context.Assumptions.Products[Product.Apache];
        var reader = new ApacheConfigReader(context, serverRoot, EnvVars(directory), [], version.Version, diagnostics);
        return reader.Read(entry);
    }

    /// <summary>The <c>export NAME=value</c> lines of <c>envvars</c>, if the tree has one (it is read, never run).</summary>
    public static IReadOnlyDictionary<string, string> EnvVars(string directory)
    {
        var path = Path.Combine(directory, "envvars");
        if (FileProbe.KindOf(path) is not (FileKind.Regular or FileKind.Unknown))
        {
            return new Dictionary<string, string>();
        }

        var ignored = new List<ConfigDiagnostic>();
        var file = ConfigFileReader.Read(path, path, ignored);
        return file is null ? new Dictionary<string, string>() : ApacheEnvVars.Parse(file.Text);
    }
}
