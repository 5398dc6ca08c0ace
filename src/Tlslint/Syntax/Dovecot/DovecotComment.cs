using Tlslint.Text;

namespace Tlslint.Syntax.Dovecot;

/// <summary>A comment: a whole <c># …</c> line, or the part of a line from an unquoted <c>#</c> on.</summary>
public sealed record DovecotComment(string Text, TextRange Range);
