using Tlslint.Text;

namespace Tlslint.Syntax.Dovecot;

/// <summary>
/// <c>type {</c>, <c>type name {</c> (the name may be quoted), or a Dovecot 2.4 group definition
/// <c>group @label name {</c>.
/// </summary>
/// <param name="Type">The section or filter type: <c>protocol</c>, <c>service</c>, <c>inet_listener</c>, <c>group</c> ….</param>
/// <param name="Name">The name, quotes removed; null for an unnamed section.</param>
/// <param name="Label">For a group definition, the <c>@label</c>; null otherwise.</param>
/// <param name="TypeRange">The type.</param>
/// <param name="NameRange">The name, when there is one.</param>
/// <param name="Range">The whole header line.</param>
public sealed record DovecotSectionStart(
    string Type,
    string? Name,
    string? Label,
    TextRange TypeRange,
    TextRange? NameRange,
    TextRange Range) : DovecotStatement(Range)
{
    /// <summary>The header as written back: <c>protocol imap</c>, <c>group @tls strict</c>.</summary>
    public string Header => Label is null
        ? Name is null ? Type : $"{Type} {Name}"
        : $"{Type} {Label} {Name}";
}
