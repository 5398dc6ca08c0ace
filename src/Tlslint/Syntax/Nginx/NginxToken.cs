namespace Tlslint.Syntax.Nginx;

/// <summary>What a token of nginx's configuration lexer is.</summary>
internal enum NginxTokenKind
{
    Blank,
    Comment,
    Semicolon,
    OpenBrace,
    CloseBrace,
    Word,
}

/// <summary>One token with its offsets in the file (end exclusive).</summary>
/// <param name="Kind">What the token is.</param>
/// <param name="Raw">The text as written (quotes included for a quoted word).</param>
/// <param name="Quoted">For words: written in quotes.</param>
/// <param name="Start">Offset of the first character.</param>
/// <param name="End">Offset just past the last character.</param>
internal readonly record struct NginxToken(NginxTokenKind Kind, string Raw, bool Quoted, int Start, int End);
