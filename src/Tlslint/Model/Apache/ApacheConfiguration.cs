using Tlslint.Analysis;
using Tlslint.Text;

namespace Tlslint.Model.Apache;

/// <summary>What httpd reads from a configuration tree: includes expanded, conditionals decided, variables substituted.</summary>
/// <param name="Entry">The entry file (<c>apache2.conf</c>, <c>httpd.conf</c>), when it could be read.</param>
/// <param name="Files">Every file read, once each, in first-read order.</param>
/// <param name="Includes">Every file in reading order with its include depth, as <c>-D DUMP_INCLUDES</c> prints it.</param>
/// <param name="Directives">Every directive in force, in reading order.</param>
/// <param name="Server">The main server scope.</param>
/// <param name="VirtualHosts">Every <c>&lt;VirtualHost&gt;</c>, in reading order.</param>
/// <param name="ModulesKnown">False when the tree loads no module at all (a fragment): then every module is assumed loaded.</param>
/// <param name="Modules">Module identifiers loaded (<c>ssl_module</c>), built-ins included.</param>
/// <param name="Diagnostics">Problems found while reading.</param>
public sealed record ApacheConfiguration(
    SourceFile? Entry,
    IReadOnlyList<SourceFile> Files,
    IReadOnlyList<ApacheIncludedFile> Includes,
    IReadOnlyList<ApacheActiveDirective> Directives,
    ApacheScope Server,
    IReadOnlyList<ApacheScope> VirtualHosts,
    bool ModulesKnown,
    IReadOnlySet<string> Modules,
    IReadOnlyList<ConfigDiagnostic> Diagnostics)
{
    /// <summary>The server root the includes were resolved against.</summary>
    public string ServerRoot { get; init; } = string.Empty;

    /// <summary>Variables from <c>Define</c> and <c>envvars</c>, as they stood at the end of reading.</summary>
    public IReadOnlyDictionary<string, string> Variables { get; init; } = new Dictionary<string, string>();
}
