using Tlslint.Text;

namespace Tlslint.Syntax.Apache;

/// <summary>
/// One logical line of an httpd configuration file that is not a comment: a directive, a section start or a section
/// end. Sections are not nested objects: <see cref="Match"/> links a start and its end, so that arbitrarily deep
/// nesting is walked without recursion.
/// </summary>
/// <param name="Kind">Directive, section start or section end.</param>
/// <param name="Name">The directive or section name as written, without <c>&lt;</c>, <c>&lt;/</c> and <c>&gt;</c>.</param>
/// <param name="Arguments">The arguments as httpd splits them before <c>${VAR}</c> substitution.</param>
/// <param name="ArgumentText">The arguments as written (for a section start: up to its last <c>&gt;</c>), for substitution.</param>
/// <param name="Range">The whole logical line.</param>
/// <param name="NameRange">The name.</param>
/// <param name="ArgumentsRange">The arguments (empty at the end of the name when there are none).</param>
public sealed record ApacheStatement(
    ApacheStatementKind Kind,
    string Name,
    IReadOnlyList<ApacheWord> Arguments,
    string ArgumentText,
    TextRange Range,
    TextRange NameRange,
    TextRange ArgumentsRange)
{
    /// <summary>For a section start, the index of its end in the document; for an end, of its start; -1 when unmatched.</summary>
    public int Match { get; init; } = -1;

    /// <summary>True when the arguments hold <c>${…}</c>, which httpd substitutes before splitting the line.</summary>
    public bool HasVariables => ArgumentText.Contains("${", StringComparison.Ordinal);
}
