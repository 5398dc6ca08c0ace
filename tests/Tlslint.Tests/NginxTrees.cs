using Tlslint.Analysis;
using Tlslint.Loading;
using Tlslint.Model;

namespace Tlslint.Tests;

/// <summary>Loading nginx trees for the oracle tests, and the facts compared with what nginx itself says.</summary>
internal static class NginxTrees
{
    /// <summary>The directory that stands for <c>/etc/nginx</c> when the Debian 12 copy is linted with <c>--root</c>.</summary>
    public const string DebianConfDir = "/etc/nginx";

    public static ConfigTree Load(string entry, string? root = null, ProductVersion? version = null, string? prefix = null)
    {
        var assumptions = version is { } v ? Assumptions.Default.With(Product.Nginx, new AssumedVersion(v, "test", true)) : Assumptions.Default;
        var context = new LoadContext(p => p, assumptions, root) { NginxPrefix = prefix };
        return NginxTreeLoader.Load(new DiscoveredTree(Product.Nginx, Path.GetDirectoryName(entry)!, [entry]), context);
    }

    /// <summary>
    /// A directory holding <c>etc/nginx</c> as Debian 12 installs it, made of links to the corpus copy (nothing is
    /// copied); <c>sites-enabled/default</c>, which the corpus keeps as a text file naming its target, becomes the
    /// symbolic link it is on Debian.
    /// </summary>
    public static TempTree Debian12Root(string corpus)
    {
        var source = Path.Combine(corpus, "debian12", "nginx");
        var tree = new TempTree();
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, file);
            var target = Path.Combine(tree.Root, "etc", "nginx", relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            if (relative == Path.Combine("sites-enabled", "default"))
            {
                File.CreateSymbolicLink(target, File.ReadAllText(file).Trim());
            }
            else
            {
                File.CreateSymbolicLink(target, file);
            }
        }

        return tree;
    }

    /// <summary>One directive of the expanded configuration: where it is, what it says.</summary>
    public static List<string> Sequence(ConfigTree tree, Func<string, string> path) =>
        tree.Directives.Select(d => $"{path(d.Location.File.FullPath)}:{d.Location.Line} {d.Name} {d.Value}".TrimEnd()).ToList();

    /// <summary>The headers of an <c>nginx -T</c> dump, in order.</summary>
    public static List<string> DumpFiles(string dump) =>
        dump.Split('\n').Where(l => l.StartsWith("# configuration file ", StringComparison.Ordinal) && l.EndsWith(':'))
            .Select(l => l["# configuration file ".Length..^1]).ToList();

    /// <summary>
    /// Where tlslint expects nginx to refuse the configuration: syntax and include problems, unknown or too new TLS
    /// directives, a TLS directive repeated where nginx forbids it, a protocol list nginx rejects.
    /// </summary>
    public static List<SourceLocationText> PredictedRefusals(ConfigTree tree)
    {
        var result = tree.Diagnostics
            .Where(d => d.Kind is DiagnosticKind.ParseError or DiagnosticKind.IncludeNotFound or DiagnosticKind.IncludeCycle or DiagnosticKind.Unreadable)
            .Select(d => new SourceLocationText(d.Location, d.Message))
            .ToList();
        result.AddRange(tree.Directives
            .Where(d => d.Knowledge.IsTlsRelevant && d.Knowledge.Status is NameStatus.Unknown or NameStatus.TooNew)
            .Select(d => new SourceLocationText(d.Location, $"unknown directive `{d.Name}`")));
        result.AddRange(tree.Directives
            .Where(d => d.Knowledge.Status == NameStatus.Obsolete && d.Knowledge.Advice?.Contains("refuse", StringComparison.Ordinal) == true)
            .Select(d => new SourceLocationText(d.Location, $"removed directive `{d.Name}`")));
        result.AddRange(tree.Directives
            .Where(d => d.Knowledge.Repetition == Repetition.Rejected)
            .GroupBy(d => (d.Scope, d.Name))
            .SelectMany(g => g.Skip(1))
            .Select(d => new SourceLocationText(d.Location, $"duplicate `{d.Name}`")));
        result.AddRange(tree.Endpoints
            .Where(e => !e.Protocols.Value.IsValid)
            .Select(e => new SourceLocationText(e.Protocols.Location, e.Protocols.Value.Problem ?? "invalid protocols")));
        return result.DistinctBy(r => (r.Location.File.FullPath, r.Location.Range, r.Text)).ToList();
    }

    internal sealed record SourceLocationText(Text.SourceLocation Location, string Text);
}
