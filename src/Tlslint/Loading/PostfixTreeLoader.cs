using Tlslint.Analysis;
using Tlslint.Model;
using Tlslint.Model.Postfix;
using Tlslint.Syntax.Postfix;

namespace Tlslint.Loading;

/// <summary>Reads and parses a Postfix configuration directory and resolves it into a tree.</summary>
public static class PostfixTreeLoader
{
    public static ConfigTree Load(DiscoveredTree tree, LoadContext context)
    {
        var display = context.Display;
        var diagnostics = new List<ConfigDiagnostic>();
        MainCfDocument? main = null;
        MasterCfDocument? master = null;
        foreach (var path in tree.Files)
        {
            var file = ConfigFileReader.Read(path, display(path), diagnostics);
            if (file is null)
            {
                continue;
            }

            if (Path.GetFileName(path) == "main.cf")
            {
                main = MainCfParser.Parse(file);
            }
            else
            {
                master = MasterCfParser.Parse(file);
            }
        }

        var resolved = PostfixResolver.Resolve(display(tree.Directory), main, master, context.Assumptions, diagnostics);
        if (master is null)
        {
            return resolved;
        }

        // A suppression above a service's first line covers its -o continuation lines too.
        return resolved with
        {
            Blocks = master.Services
                .Select(s => new ConfigBlock(new Text.SourceLocation(master.File, s.Range), $"service {s.Key}"))
                .ToList(),
        };
    }
}
