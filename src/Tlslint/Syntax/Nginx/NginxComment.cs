using Tlslint.Text;

namespace Tlslint.Syntax.Nginx;

/// <summary>A <c># …</c> comment, from the <c>#</c> to the end of its line.</summary>
public sealed record NginxComment(string Text, TextRange Range);
