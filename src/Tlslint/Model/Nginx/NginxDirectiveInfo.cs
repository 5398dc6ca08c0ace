namespace Tlslint.Model.Nginx;

/// <summary>What nginx knows about one directive.</summary>
/// <param name="MinArguments">Fewest arguments accepted.</param>
/// <param name="MaxArguments">Most arguments accepted (<see cref="int.MaxValue"/>: no limit).</param>
/// <param name="Since">The release that introduced it; null when older than anything tlslint judges.</param>
/// <param name="Repetition">What a second occurrence in the same block does.</param>
/// <param name="IsFlag">True for <c>on</c>/<c>off</c> directives.</param>
public sealed record NginxDirectiveInfo(
    int MinArguments,
    int MaxArguments,
    ProductVersion? Since,
    Analysis.Repetition Repetition,
    bool IsFlag = false)
{
    /// <summary>The release from which nginx warns that the directive is deprecated.</summary>
    public ProductVersion? ObsoleteFrom { get; init; }

    /// <summary>The release that dropped the directive (it is then an unknown directive).</summary>
    public ProductVersion? RemovedIn { get; init; }
}
