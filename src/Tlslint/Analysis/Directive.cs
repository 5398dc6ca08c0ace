using Tlslint.Model;
using Tlslint.Text;

namespace Tlslint.Analysis;

/// <summary>
/// One setting as written, in a product-neutral form: Postfix <c>name = value</c> or <c>-o name=value</c>, a Dovecot
/// <c>key = value</c>, an Apache or nginx directive. Document rules (unknown, obsolete, duplicate names) read these.
/// </summary>
/// <param name="Name">The name as written.</param>
/// <param name="Value">The value as the product reads it (joined continuation lines, no expansion).</param>
/// <param name="Scope">A key for the scope: two directives with the same name and scope override each other.</param>
/// <param name="ScopeLabel">Human description of the scope (<c>main.cf</c>, <c>service submission/inet</c>).</param>
/// <param name="Location">The whole directive.</param>
/// <param name="NameLocation">Just the name.</param>
/// <param name="ValueLocation">Just the value.</param>
/// <param name="Knowledge">What the product knows about the name under the assumed version.</param>
public sealed record Directive(
    string Name,
    string Value,
    string Scope,
    string ScopeLabel,
    SourceLocation Location,
    SourceLocation NameLocation,
    SourceLocation ValueLocation,
    NameInfo Knowledge)
{
    public Product Product { get; init; }
}
