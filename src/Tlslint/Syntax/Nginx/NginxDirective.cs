using Tlslint.Text;

namespace Tlslint.Syntax.Nginx;

/// <summary>
/// A simple directive (<c>name args… ;</c>) or a block (<c>name args… { … }</c>) as one file holds it; <c>include</c>
/// is not expanded here.
/// </summary>
/// <param name="Name">The first word.</param>
/// <param name="Arguments">The other words, in order.</param>
/// <param name="Children">The directives inside the braces; null for a simple directive.</param>
/// <param name="Range">From the name to the terminating <c>;</c> or closing <c>}</c>, both included.</param>
/// <param name="HeaderRange">From the name to the terminating <c>;</c> or opening <c>{</c>: what a finding on the directive points at.</param>
public sealed record NginxDirective(
    NginxWord Name,
    IReadOnlyList<NginxWord> Arguments,
    IReadOnlyList<NginxDirective>? Children,
    TextRange Range,
    TextRange HeaderRange)
{
    public bool IsBlock => Children is not null;

    /// <summary>The argument values joined by single spaces, as messages show them.</summary>
    public string ArgumentText => string.Join(' ', Arguments.Select(a => a.Value));

    public override string ToString() => Arguments.Count == 0 ? Name.Value : $"{Name.Value} {ArgumentText}";
}
