using Tlslint.Analysis;
using Tlslint.Text;

namespace Tlslint.Syntax.Nginx;

/// <summary>One parsed nginx configuration file: its top-level directives (blocks nested), comments and problems.</summary>
public sealed record NginxDocument(
    SourceFile File,
    IReadOnlyList<NginxDirective> Directives,
    IReadOnlyList<NginxComment> Comments,
    IReadOnlyList<ConfigDiagnostic> Diagnostics)
{
    /// <summary>True when the file has a syntax error nginx stops at (the directives after it were still read where possible).</summary>
    public bool HasFatalError => Diagnostics.Any(d => d.Fatal);
}
