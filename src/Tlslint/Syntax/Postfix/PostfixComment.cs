using Tlslint.Text;

namespace Tlslint.Syntax.Postfix;

/// <summary>A whole-line comment (<c># …</c>); Postfix has no other kind.</summary>
public sealed record PostfixComment(string Text, TextRange Range);
