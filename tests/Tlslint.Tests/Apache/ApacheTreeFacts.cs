using Tlslint.Loading;
using Tlslint.Model;
using Tlslint.Model.Apache;

namespace Tlslint.Tests.Apache;

/// <summary>What tlslint reads from an httpd tree, in the shapes httpd's own dumps print.</summary>
internal static class ApacheTreeFacts
{
    public static ApacheConfiguration Read(string entryFile, Assumptions? assumptions = null) =>
        ApacheTreeLoader.Read(new DiscoveredTree(Product.Apache, Path.GetDirectoryName(entryFile)!, [entryFile]),
            new LoadContext(p => p, assumptions ?? Assumptions.Default, null));

    /// <summary>
    /// Everything tlslint says httpd would refuse: fatal diagnostics of the loader and the resolver, and mod_ssl
    /// directive names httpd does not know ("Invalid command").
    /// </summary>
    public static List<string> Refusals(string entryFile)
    {
        var tree = ApacheTreeLoader.Load(new DiscoveredTree(Product.Apache, Path.GetDirectoryName(entryFile)!, [entryFile]),
            new LoadContext(p => p, Assumptions.Default, null));
        return tree.Diagnostics.Where(d => d.Fatal).Select(d => $"{d.Location}: {d.Message}")
            .Concat(tree.Directives.Where(d => d.Knowledge is { IsTlsRelevant: true, Status: Tlslint.Analysis.NameStatus.Unknown })
                .Select(d => $"{d.NameLocation}: unknown directive {d.Name}"))
            .ToList();
    }

    /// <summary>The lines `-D DUMP_INCLUDES` prints: `(*) entry`, then `(line) file` indented two spaces per level.</summary>
    public static List<string> IncludeLines(ApacheConfiguration config) =>
        config.Includes
            .Select(i => new string(' ', 2 + (2 * i.Depth)) + (i.IncludeLine is { } line ? $"({line})" : "(*)") + " " + i.Path)
            .ToList();

    /// <summary>The include lines of an httpd dump (between "Included configuration files:" and the next unindented line).</summary>
    public static List<string> OracleIncludeLines(string dump)
    {
        var lines = dump.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var start = lines.IndexOf("Included configuration files:");
        if (start < 0)
        {
            return [];
        }

        return lines.Skip(start + 1).TakeWhile(l => l.StartsWith("  ", StringComparison.Ordinal)).ToList();
    }

    /// <summary>Virtual hosts as `file:line port` (port `*` for any) — what `-D DUMP_VHOSTS` tells about each.</summary>
    public static List<string> VirtualHosts(ApacheConfiguration config) =>
        config.VirtualHosts
            .SelectMany(v => v.Arguments.Select(a => $"{v.Open.File.FullPath}:{v.Open.Range!.Value.Start.Line} {PortOf(a)}"))
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>
    /// The same facts from a `-D DUMP_VHOSTS` section: `addr:port  name (file:line)` lines, and under
    /// `addr:port is a NameVirtualHost` the `port N namevhost name (file:line)` lines.
    /// </summary>
    public static List<string> OracleVirtualHosts(string dump)
    {
        var result = new List<string>();
        var lines = dump.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var start = lines.IndexOf("VirtualHost configuration:");
        if (start < 0)
        {
            return result;
        }

        var port = "*";
        foreach (var line in lines.Skip(start + 1))
        {
            if (line.Length == 0 || (!line.StartsWith(' ') && !line.Contains(" (", StringComparison.Ordinal) && !line.Contains("NameVirtualHost", StringComparison.Ordinal)))
            {
                break;
            }

            var trimmed = line.Trim();
            if (!line.StartsWith(' '))
            {
                var address = trimmed.Split(' ', 2)[0];
                port = PortOf(address);
                if (trimmed.EndsWith("is a NameVirtualHost", StringComparison.Ordinal))
                {
                    continue;
                }

                result.Add($"{Location(trimmed)} {port}");
            }
            else if (trimmed.StartsWith("port ", StringComparison.Ordinal))
            {
                result.Add($"{Location(trimmed)} {trimmed.Split(' ')[1]}");
            }
        }

        return result.Distinct().Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>Module identifiers from the "Loaded Modules:" section of a dump.</summary>
    public static List<string> OracleModules(string dump) =>
        dump.Split('\n').SkipWhile(l => !l.StartsWith("Loaded Modules:", StringComparison.Ordinal)).Skip(1)
            .Select(l => l.Trim())
            .TakeWhile(l => l.EndsWith("(static)", StringComparison.Ordinal) || l.EndsWith("(shared)", StringComparison.Ordinal))
            .Select(l => l.Split(' ')[0])
            .Order(StringComparer.Ordinal)
            .ToList();

    private static string Location(string line)
    {
        var open = line.LastIndexOf(" (", StringComparison.Ordinal);
        return line[(open + 2)..^1];
    }

    private static string PortOf(string address)
    {
        var colon = address.LastIndexOf(':');
        var bracket = address.LastIndexOf(']');
        return colon > bracket && colon >= 0 ? address[(colon + 1)..] : "*";
    }
}
