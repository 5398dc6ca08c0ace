using Tlslint.Syntax.Nginx;
using Tlslint.Text;

namespace Tlslint.Model.Nginx;

/// <summary>
/// A directive of the configuration as nginx processes it: <c>include</c> expanded in place (an included file's
/// directives become children of the including block), each node still pointing into its own file.
/// </summary>
/// <param name="File">The file the directive is written in.</param>
/// <param name="Directive">The directive as parsed.</param>
/// <param name="Children">For a block, its directives with includes expanded; null for a simple directive.</param>
/// <param name="IncludedBy">The <c>include</c> directive through which this file was read; null in the main file.</param>
/// <param name="Id">A number unique in the configuration: a file included twice yields two blocks with different ids.</param>
public sealed record NginxNode(
    SourceFile File,
    NginxDirective Directive,
    IReadOnlyList<NginxNode>? Children,
    NginxNode? IncludedBy,
    int Id)
{
    public string Name => Directive.Name.Value;

    public IReadOnlyList<NginxWord> Arguments => Directive.Arguments;

    public bool IsBlock => Children is not null;

    /// <summary>Where a finding on the directive points: its header (name to <c>;</c> or <c>{</c>).</summary>
    public SourceLocation Location => new(File, Directive.HeaderRange);

    /// <summary>The arguments as nginx stores them, joined by single spaces.</summary>
    public string Value => Directive.ArgumentText;

    /// <summary>The arguments as written (quotes kept), for messages.</summary>
    public string RawValue => string.Join(' ', Directive.Arguments.Select(a => a.Raw));

    public override string ToString() => $"{Directive} ({File.Path}:{Directive.HeaderRange.Start.Line})";
}
