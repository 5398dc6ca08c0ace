using Tlslint.Text;

namespace Tlslint.Analysis;

/// <summary>
/// A <c># tlslint …</c> comment as written: <c># tlslint ignore=TLS102,TLS209 -- reason</c> covers the next line
/// that is not blank or a comment (the whole block when that line starts a <see cref="ConfigBlock"/>);
/// <c># tlslint global ignore=… -- reason</c> covers its file.
/// </summary>
/// <param name="Location">The comment itself.</param>
/// <param name="Global">True for a <c>global</c> suppression.</param>
/// <param name="Rules">The rule IDs or names listed, each with its own range in the comment.</param>
/// <param name="Reason">The text after <c>--</c>, or null when there is none.</param>
/// <param name="Covers">The lines of <see cref="SourceLocation.File"/> covered (null for a global suppression or a comment with nothing below it).</param>
/// <param name="Problem">Set when the comment is not a suppression tlslint understands; it then suppresses nothing.</param>
public sealed record SuppressionComment(
    SourceLocation Location,
    bool Global,
    IReadOnlyList<SuppressedRule> Rules,
    string? Reason,
    LineSpan? Covers,
    string? Problem = null)
{
    /// <summary>The rule that reports comments that are not valid suppressions, and unused ones.</summary>
    public const string RuleId = "TLS009";

    public bool HasReason => !string.IsNullOrWhiteSpace(Reason);

    /// <summary>True when this comment accepts findings of <paramref name="rule"/> at <paramref name="location"/>.</summary>
    public bool Matches(RuleDescriptor rule, SourceLocation location)
    {
        if (Problem is not null || location.File != Location.File || !Rules.Any(r => r.Names(rule)))
        {
            return false;
        }

        if (Global)
        {
            return true;
        }

        return Covers is { } lines && location.Range is { } range && lines.Contains(range.Start.Line);
    }
}

/// <summary>One rule named in a suppression comment.</summary>
/// <param name="Text">The ID or name as written (<c>TLS102</c>, <c>legacy-tls-enabled</c>).</param>
/// <param name="Location">Its place in the comment.</param>
public sealed record SuppressedRule(string Text, SourceLocation Location)
{
    public bool Names(RuleDescriptor rule) =>
        string.Equals(Text, rule.Id, StringComparison.OrdinalIgnoreCase)
        || string.Equals(Text, rule.Name, StringComparison.OrdinalIgnoreCase);
}

/// <summary>Lines <paramref name="First"/> to <paramref name="Last"/> of a file, both included, 1-based.</summary>
public readonly record struct LineSpan(int First, int Last)
{
    public bool Contains(int line) => line >= First && line <= Last;
}
