using Tlslint.Text;

namespace Tlslint.Syntax.Dovecot;

/// <summary>One logical line of a Dovecot configuration file that means something (comments are kept apart).</summary>
/// <param name="Range">The whole statement in its file (for a continued line, from its first to its last physical line).</param>
public abstract record DovecotStatement(TextRange Range);
