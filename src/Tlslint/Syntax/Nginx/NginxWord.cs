using Tlslint.Text;

namespace Tlslint.Syntax.Nginx;

/// <summary>One word of a directive (its name or an argument) as nginx stores it.</summary>
/// <param name="Value">The value after nginx's escape processing (<c>\"</c>, <c>\'</c>, <c>\\</c>, <c>\t</c>, <c>\r</c>, <c>\n</c>); variables verbatim.</param>
/// <param name="Raw">The text as written, quotes included.</param>
/// <param name="Range">The word in its file, quotes included.</param>
/// <param name="Quoted">True when written in single or double quotes.</param>
public sealed record NginxWord(string Value, string Raw, TextRange Range, bool Quoted)
{
    public override string ToString() => Raw;
}
