using Tlslint.Text;

namespace Tlslint.Analysis;

/// <summary>Why a finding is not reported: the <c># tlslint ignore=…</c> comment that accepts it.</summary>
/// <param name="Justification">The reason written after <c>--</c> (empty when none was given).</param>
/// <param name="Location">The comment.</param>
/// <param name="Global">True for <c># tlslint global ignore=…</c>, which covers its whole file.</param>
public sealed record Suppression(string Justification, SourceLocation Location, bool Global);
