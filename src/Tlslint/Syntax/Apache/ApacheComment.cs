using Tlslint.Text;

namespace Tlslint.Syntax.Apache;

/// <summary>A comment line (its continuation lines included), with the <c>#</c>.</summary>
public sealed record ApacheComment(string Text, TextRange Range);
