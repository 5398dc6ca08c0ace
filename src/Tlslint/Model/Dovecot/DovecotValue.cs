using Tlslint.Syntax.Dovecot;
using Tlslint.Text;

namespace Tlslint.Model.Dovecot;

/// <summary>One stored Dovecot setting: its value after parse-time expansion, and the line that wrote it.</summary>
/// <param name="Name">The name it is stored under (2.4 filter prefixes added, 1.x names renamed as Dovecot does).</param>
/// <param name="Value">The value as <c>doveconf -n</c> prints it: self-references expanded, a file value as <c>&lt;path</c>.</param>
/// <param name="WrittenName">The name as written.</param>
/// <param name="RawText">The value as written.</param>
/// <param name="Kind">How the value was read.</param>
/// <param name="Location">The assignment.</param>
/// <param name="Sequence">Position in reading order (the later of two values in one scope wins).</param>
public sealed record DovecotValue(
    string Name,
    string Value,
    string WrittenName,
    string RawText,
    DovecotValueKind Kind,
    SourceLocation Location,
    int Sequence);
