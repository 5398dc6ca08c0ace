using Tlslint.Syntax.Nginx;
using Tlslint.Text;

namespace Tlslint.Model.Nginx;

/// <summary>An nginx configuration with its includes expanded.</summary>
/// <param name="Files">Every file read, once each, in the order nginx first reads them (the order of <c>nginx -T</c>).</param>
/// <param name="Documents">The parsed files, in the same order.</param>
/// <param name="Top">The main file's directives, includes expanded.</param>
/// <param name="Prefix">The directory relative paths start from (the directory of the main file unless told otherwise).</param>
public sealed record NginxConfiguration(
    IReadOnlyList<SourceFile> Files,
    IReadOnlyList<NginxDocument> Documents,
    IReadOnlyList<NginxNode> Top,
    string Prefix)
{
    /// <summary>Where a configured path lives on this machine (relative paths start at <see cref="Prefix"/>).</summary>
    public Func<string, string> MapPath { get; init; } = path => Path.GetFullPath(path, Prefix);
}
