using Tlslint.Text;

namespace Tlslint.Syntax.Postfix;

/// <summary>One field or argument of a master.cf entry as written.</summary>
public sealed record MasterField(string Text, TextRange Range);
