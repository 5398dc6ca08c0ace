using Tlslint.Text;

namespace Tlslint.Syntax.Postfix;

/// <summary>A parameter definition: a main.cf <c>name = value</c> line or a master.cf <c>-o name=value</c>.</summary>
/// <param name="Name">The name, case-sensitive.</param>
/// <param name="Value">The value with leading and trailing whitespace removed, continuation lines joined.</param>
/// <param name="Range">The whole definition.</param>
/// <param name="NameRange">The name.</param>
/// <param name="ValueRange">The value (empty range after <c>=</c> for an empty value).</param>
public sealed record PostfixParameter(string Name, string Value, TextRange Range, TextRange NameRange, TextRange ValueRange);
