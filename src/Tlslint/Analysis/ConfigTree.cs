using Tlslint.Model;
using Tlslint.Text;
using Tlslint.Tls;

namespace Tlslint.Analysis;

/// <summary>One product's configuration as a unit: its files, what they say, and the endpoints it yields.</summary>
public sealed record ConfigTree
{
    public required Product Product { get; init; }

    /// <summary>Display path of the tree's root (the Postfix config directory, the nginx.conf …).</summary>
    public required string Root { get; init; }

    public required IReadOnlyList<SourceFile> Files { get; init; }

    public required IReadOnlyList<Directive> Directives { get; init; }

    public required IReadOnlyList<TlsEndpoint> Endpoints { get; init; }

    public required IReadOnlyList<ConfigDiagnostic> Diagnostics { get; init; }

    /// <summary>The version assumed for this tree's product, after detection.</summary>
    public required AssumedVersion Version { get; init; }

    /// <summary>
    /// Where relative file paths in settings start, as the product sees it (Postfix: <c>queue_directory</c>; Apache:
    /// <c>ServerRoot</c>; nginx: the conf prefix). An absolute one moves under <c>--root</c>; null means the directory of
    /// the tree's first file.
    /// </summary>
    public string? ReferenceBase { get; init; }

    /// <summary>The location where a setting for the whole tree would be written (Postfix main.cf), if the tree has one.</summary>
    public SourceLocation? GlobalScope { get; init; }

    /// <summary>The <c>system_default</c> section of the <c>openssl.cnf</c> beside the tree (<c>etc/ssl/openssl.cnf</c>), if any.</summary>
    public OpenSslSystemConfig? OpenSslConfig { get; init; }

    /// <summary>
    /// True for a fragment (a lone nginx server block or snippet with no enclosing configuration): a setting it lacks
    /// may be written in a file tlslint does not see, so missing settings are not judged by their defaults.
    /// </summary>
    public bool IsFragment { get; init; }

    /// <summary>
    /// Blocks a suppression comment above their first line covers as a whole (a master.cf service with its
    /// <c>-o</c> lines, a server or virtual host block). Endpoint anchors count as blocks without being listed here.
    /// </summary>
    public IReadOnlyList<ConfigBlock> Blocks { get; init; } = [];

    /// <summary>The <c># tlslint …</c> comments of the tree's files (filled by the linter after loading).</summary>
    public IReadOnlyList<SuppressionComment> Suppressions { get; init; } = [];
}
