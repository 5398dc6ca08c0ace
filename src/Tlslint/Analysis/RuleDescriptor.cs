using Tlslint.Model;

namespace Tlslint.Analysis;

/// <summary>The plain facts about a rule, declared at the top of its class.</summary>
/// <param name="Id">Stable ID such as <c>TLS101</c>.</param>
/// <param name="Name">Kebab-case name of the problem, e.g. <c>ssl-protocol-enabled</c>.</param>
/// <param name="Title">One-line description for tables and SARIF <c>shortDescription</c>.</param>
/// <param name="DefaultLevel">Level when the rule does not choose another one for a finding.</param>
/// <param name="AppliesTo">Products the rule has meaning for.</param>
/// <param name="SecuritySeverity">SARIF <c>security-severity</c> (0.1–10), or null where the catalog gives none.</param>
/// <param name="Fix">Whether and how safely the rule can fix what it finds.</param>
public sealed record RuleDescriptor(
    string Id,
    string Name,
    string Title,
    Level DefaultLevel,
    Products AppliesTo,
    double? SecuritySeverity,
    FixAvailability Fix = FixAvailability.None)
{
    /// <summary>
    /// An opt-in rule runs only when <c>--select</c> names it by its full ID or name (a prefix such as <c>TLS5</c>
    /// is not enough): it reports something many sites choose on purpose.
    /// </summary>
    public bool OptIn { get; init; }

    /// <summary>
    /// The rule takes its triggers or levels from the profile (<c>--profile</c>; rules.md marks it <i>profile</i>):
    /// its doc says what each profile changes, and its fixtures hold cases for every profile.
    /// </summary>
    public bool FollowsProfile { get; init; }

    public RuleCategory Category => Id.Length >= 4 && char.IsDigit(Id[3])
        ? (RuleCategory)(Id[3] - '0')
        : RuleCategory.Integrity;
}
