using Sprache;

namespace Tlslint.Syntax.Apache;

/// <summary>
/// Sprache grammar for the words of one httpd logical line, as <c>ap_getword_conf()</c> splits them: words are
/// separated by whitespace; a word that starts with <c>"</c> or <c>'</c> runs to the same quote (or to the end of the
/// line: httpd accepts an unterminated quote), and inside it <c>\\</c> and <c>\"</c> (resp. <c>\'</c>) are escapes;
/// the next word may start right after a closing quote; outside quotes only <c>\\</c> is an escape.
/// </summary>
internal static class ApacheGrammar
{
    private static readonly Parser<char> Space =
        Parse.Char(ApacheLineReader.IsSpace, "whitespace");

    private static Parser<char> Escape(char quote) =>
        from backslash in Parse.Char('\\')
        from c in Parse.Char(c => c == quote || c == '\\', "escaped character")
        select c;

    private static Parser<ApacheToken> Quoted(char quote) =>
        from open in Parse.Char(quote)
        from body in Escape(quote).Or(Parse.CharExcept(quote)).Many().Text()
        from close in Parse.Char(quote).Optional()
        select new ApacheToken(body, Quoted: true);

    private static readonly Parser<char> BareEscape =
        from backslash in Parse.Char('\\')
        from c in Parse.Char('\\')
        select c;

    private static readonly Parser<ApacheToken> Bare =
        from first in BareEscape.Or(Parse.Char(c => !ApacheLineReader.IsSpace(c) && c != '"' && c != '\'', "word"))
        from rest in BareEscape.Or(Parse.Char(c => !ApacheLineReader.IsSpace(c), "word")).Many().Text()
        select new ApacheToken(first + rest, Quoted: false);

    private static readonly Parser<ITextSpan<ApacheToken>> Word =
        Quoted('"').Or(Quoted('\'')).Or(Bare).Span().Named("argument");

    /// <summary>Every word of a line, with spans relative to the parsed text.</summary>
    public static readonly Parser<IEnumerable<ITextSpan<ApacheToken>>> Words =
        (from leading in Space.Many()
         from words in (from w in Word from gap in Space.Many() select w).Many()
         select words).End();
}

/// <summary>A word's value and whether it was quoted.</summary>
internal readonly record struct ApacheToken(string Value, bool Quoted);
