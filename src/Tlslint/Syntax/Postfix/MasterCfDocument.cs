using Tlslint.Analysis;
using Tlslint.Text;

namespace Tlslint.Syntax.Postfix;

/// <summary>A parsed master.cf: every entry in file order (a later entry with the same name and type wins).</summary>
public sealed record MasterCfDocument(
    SourceFile File,
    IReadOnlyList<MasterService> Services,
    IReadOnlyList<PostfixComment> Comments,
    IReadOnlyList<ConfigDiagnostic> Diagnostics);
