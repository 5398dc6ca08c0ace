using Tlslint.Text;

namespace Tlslint.Syntax.Apache;

/// <summary>One argument as <c>ap_getword_conf()</c> reads it: quotes removed, <c>\\</c> and <c>\"</c> unescaped.</summary>
/// <param name="Value">The argument's value.</param>
/// <param name="Range">The argument as written, quotes included.</param>
/// <param name="Quoted">True when written in single or double quotes.</param>
public sealed record ApacheWord(string Value, TextRange Range, bool Quoted);
