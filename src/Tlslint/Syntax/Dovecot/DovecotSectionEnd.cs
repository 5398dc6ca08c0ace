using Tlslint.Text;

namespace Tlslint.Syntax.Dovecot;

/// <summary>A line holding only <c>}</c>.</summary>
public sealed record DovecotSectionEnd(TextRange Range) : DovecotStatement(Range);
