using Tlslint.Model;

namespace Tlslint.Analysis;

/// <summary>What to lint and how.</summary>
public sealed record LintRequest
{
    /// <summary>Files or directories; relative ones start at <see cref="WorkingDirectory"/>.</summary>
    public required IReadOnlyList<string> Paths { get; init; }

    /// <summary>The rules available (usually every rule of the rules assembly).</summary>
    public required IReadOnlyList<Rule> Rules { get; init; }

    public string WorkingDirectory { get; init; } = Environment.CurrentDirectory;

    /// <summary>Absolute paths inside configurations resolve under this directory (a copy of /etc in a repository).</summary>
    public string? Root { get; init; }

    /// <summary>nginx: relative <c>include</c> and file paths start here instead of at the directory of nginx.conf (<c>--nginx-prefix</c>).</summary>
    public string? NginxPrefix { get; init; }

    /// <summary>Globs of files and directories to leave out, relative to each path given.</summary>
    public IReadOnlyList<string> Excludes { get; init; } = [];

    /// <summary>Rule IDs or prefixes to run (empty: all).</summary>
    public IReadOnlyList<string> Select { get; init; } = [];

    /// <summary>Rule IDs or prefixes not to run.</summary>
    public IReadOnlyList<string> Ignore { get; init; } = [];

    public Assumptions Assumptions { get; init; } = Assumptions.Default;

    /// <summary>The moment certificate validity is judged at (<c>--now</c>); null: the time of the run.</summary>
    public DateTimeOffset? Now { get; init; }

    /// <summary>A certificate that expires within this many days is reported (<c>--expiry-days</c>).</summary>
    public int ExpiryDays { get; init; } = DefaultExpiryDays;

    public const int DefaultExpiryDays = 30;

    /// <summary>Rule ID or name → the level its findings get instead of the rule's own (<c>rules:</c> in .tlslint.yaml).</summary>
    public IReadOnlyDictionary<string, Level> LevelOverrides { get; init; } = new Dictionary<string, Level>();

    /// <summary>Names defined for Apache httpd's <c>&lt;IfDefine&gt;</c>, as <c>httpd -D NAME</c> would (<c>--define</c>).</summary>
    public IReadOnlyList<string> Defines { get; init; } = [];

    /// <summary>
    /// Lint each tree a path belongs to as a whole, but report only findings (and fatal read or parse problems) located
    /// in the files given, or under the directories given; a file that belongs to no tree is skipped without a word.
    /// This is what a pre-commit hook needs: the changed files, judged in the context of their whole tree.
    /// </summary>
    public bool OnlyGivenFiles { get; init; }

    /// <summary>Called after each tree is linted with (trees done, trees found), from any thread; for progress displays.</summary>
    public Action<int, int>? Progress { get; init; }

    /// <summary>Report suppressions that accept no finding (as TLS009), so that stale ones get removed.</summary>
    public bool ReportUnusedSuppressions { get; init; }
}
