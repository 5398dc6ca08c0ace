using Tlslint.Analysis;
using Tlslint.Text;

namespace Tlslint.Syntax.Postfix;

/// <summary>A parsed main.cf: every definition in file order (duplicates kept), and every comment.</summary>
public sealed record MainCfDocument(
    SourceFile File,
    IReadOnlyList<PostfixParameter> Parameters,
    IReadOnlyList<PostfixComment> Comments,
    IReadOnlyList<ConfigDiagnostic> Diagnostics);
