using Tlslint.Analysis;
using Tlslint.Text;

namespace Tlslint.Syntax.Apache;

/// <summary>A parsed httpd configuration file: its statements in order, its comments, and what could not be parsed.</summary>
public sealed record ApacheDocument(
    SourceFile File,
    IReadOnlyList<ApacheStatement> Statements,
    IReadOnlyList<ApacheComment> Comments,
    IReadOnlyList<ConfigDiagnostic> Diagnostics);
