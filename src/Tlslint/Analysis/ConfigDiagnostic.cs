using Tlslint.Text;

namespace Tlslint.Analysis;

/// <summary>A located problem found by a loader or parser.</summary>
/// <param name="Kind">What kind of problem.</param>
/// <param name="Message">One sentence: what is wrong and what to do.</param>
/// <param name="Location">Where; for a file that could not be read, the file itself.</param>
/// <param name="Fatal">True when the product itself would refuse the file (counts toward exit code 2).</param>
public sealed record ConfigDiagnostic(DiagnosticKind Kind, string Message, SourceLocation Location, bool Fatal);
