using Tlslint.Analysis;
using Tlslint.Model;

namespace Tlslint.Configuration;

/// <summary>
/// What a <c>.tlslint.yaml</c> says. Every member is null or empty when the file does not set it, so that the
/// command line can tell "not set" from a value and let its own flags win.
/// </summary>
public sealed record ProjectConfig
{
    /// <summary>The file it was read from (absolute).</summary>
    public required string Path { get; init; }

    public Profile? Profile { get; init; }

    /// <summary><c>openssl-build:</c> the OpenSSL build the engine evaluates on (<c>debian12</c>, <c>debian12-legacy</c>, <c>full</c>).</summary>
    public Tls.OpenSsl.OpenSslBuild? OpenSslBuild { get; init; }

    /// <summary><c>assume:</c> product (or <c>openssl</c>) → version, as <c>--assume</c> takes them.</summary>
    public IReadOnlyList<string> Assume { get; init; } = [];

    public IReadOnlyList<string> Select { get; init; } = [];

    public IReadOnlyList<string> Ignore { get; init; } = [];

    /// <summary><c>rules:</c> rule ID or name → level (<c>off</c> leaves the rule out).</summary>
    public IReadOnlyDictionary<string, Level?> Levels { get; init; } = new Dictionary<string, Level?>();

    public IReadOnlyList<string> Exclude { get; init; } = [];

    /// <summary><c>fail-on:</c> a level, or null with <see cref="FailOnNone"/> for <c>none</c>.</summary>
    public Level? FailOn { get; init; }

    public bool FailOnNone { get; init; }

    /// <summary><c>root:</c>, made absolute against the file's directory.</summary>
    public string? Root { get; init; }

    /// <summary><c>baseline:</c>, made absolute against the file's directory.</summary>
    public string? Baseline { get; init; }
}
