using Tlslint.Analysis;
using Tlslint.Text;

namespace Tlslint.Syntax.Dovecot;

/// <summary>One parsed Dovecot file: its statements in order (includes not yet followed), comments and problems.</summary>
public sealed record DovecotDocument(
    SourceFile File,
    IReadOnlyList<DovecotStatement> Statements,
    IReadOnlyList<DovecotComment> Comments,
    IReadOnlyList<ConfigDiagnostic> Diagnostics);
