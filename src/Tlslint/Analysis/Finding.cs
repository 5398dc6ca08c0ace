using Tlslint.Text;

namespace Tlslint.Analysis;

/// <summary>One problem a rule reported.</summary>
/// <param name="Rule">The rule that reported it.</param>
/// <param name="Level">Error, warning or note.</param>
/// <param name="Message">One sentence, no rule ID, no trailing period.</param>
/// <param name="Location">Where the user must edit.</param>
/// <param name="Related">Other places that explain the finding.</param>
/// <param name="Endpoint">The endpoint the finding concerns (e.g. <c>postfix server smtp/inet</c>), if any.</param>
public sealed record Finding(
    RuleDescriptor Rule,
    Level Level,
    string Message,
    SourceLocation Location,
    IReadOnlyList<RelatedLocation> Related,
    string? Endpoint)
{
    /// <summary>Set when a <c># tlslint ignore=…</c> comment accepts this finding; it is then kept but not counted.</summary>
    public Suppression? Suppression { get; init; }
}
