using Tlslint.Text;

namespace Tlslint.Syntax.Dovecot;

/// <summary><c>!include PATTERN</c> or <c>!include_try PATTERN</c>; the pattern is a glob relative to the including file.</summary>
/// <param name="Pattern">The path or glob as written.</param>
/// <param name="Optional">True for <c>!include_try</c>: missing files and globs without matches are fine.</param>
/// <param name="PatternRange">The pattern.</param>
/// <param name="Range">The whole line.</param>
public sealed record DovecotInclude(string Pattern, bool Optional, TextRange PatternRange, TextRange Range) : DovecotStatement(Range);
