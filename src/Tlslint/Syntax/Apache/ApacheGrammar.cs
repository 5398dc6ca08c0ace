using System.Text;
using Sprache;

namespace Tlslint.Syntax.Apache;

/// <summary>
/// Sprache grammar for the words of one httpd logical line, as <c>ap_getword_conf()</c> splits them: words are
/// separated by whitespace; a word that starts with <c>"</c> or <c>'</c> runs to the same quote (or to the end of the
/// line: httpd accepts an unterminated quote), and inside it <c>\\</c> and <c>\"</c> (resp. <c>\'</c>) are escapes;
/// the next word may start right after a closing quote; outside quotes only <c>\\</c> is an escape.
/// </summary>
/// <remarks>
/// The word shapes are scanned by small token parsers rather than per-character combinators, over an input that
/// jumps a whole token at once (<see cref="ApacheLineInput"/>): a configuration line is mostly long runs of plain
/// characters, and a combinator per character cost a list entry, a result and Sprache's per-position memo table for
/// each of them (600 ms and 536 MB to parse a file of 2,000 virtual hosts).
/// </remarks>
internal static class ApacheGrammar
{
    /// <summary>Whitespace, possibly none.</summary>
    private static readonly Parser<int> Spaces = Token((text, start) =>
    {
        var end = start;
        while (end < text.Length && ApacheLineReader.IsSpace(text[end]))
        {
            end++;
        }

        return (end, end - start);
    }, "whitespace", allowEmpty: true);

    /// <summary><c>"…"</c> or <c>'…'</c>: escapes are <c>\\</c> and a backslash before the same quote.</summary>
    private static readonly Parser<ApacheToken> Quoted = Token<ApacheToken>((text, start) =>
    {
        var quote = text[start];
        if (quote is not ('"' or '\''))
        {
            return null;
        }

        var value = new StringBuilder();
        var i = start + 1;
        while (i < text.Length && text[i] != quote)
        {
            if (text[i] == '\\' && i + 1 < text.Length && (text[i + 1] == quote || text[i + 1] == '\\'))
            {
                i++;
            }

            value.Append(text[i++]);
        }

        var end = i < text.Length ? i + 1 : i;
        return (end, new ApacheToken(value.ToString(), Quoted: true));
    }, "quoted argument");

    /// <summary>A run of non-blank characters not starting with a quote; <c>\\</c> stands for one backslash.</summary>
    private static readonly Parser<ApacheToken> Bare = Token<ApacheToken>((text, start) =>
    {
        if (text[start] is '"' or '\'' || ApacheLineReader.IsSpace(text[start]))
        {
            return null;
        }

        var value = new StringBuilder();
        var i = start;
        while (i < text.Length && !ApacheLineReader.IsSpace(text[i]))
        {
            if (text[i] == '\\' && i + 1 < text.Length && text[i + 1] == '\\')
            {
                i++;
            }

            value.Append(text[i++]);
        }

        return (i, new ApacheToken(value.ToString(), Quoted: false));
    }, "argument");

    private static readonly Parser<ITextSpan<ApacheToken>> Word =
        Quoted.Or(Bare).Span().Named("argument");

    /// <summary>Every word of a line, with spans relative to the parsed text.</summary>
    public static readonly Parser<IEnumerable<ITextSpan<ApacheToken>>> Words =
        (from leading in Spaces
         from words in (from w in Word from gap in Spaces select w).Many()
         select words).End();

    /// <summary>
    /// A parser for one token whose extent a scan decides: <paramref name="scan"/> gets the text and the start and
    /// returns where the token ends and its value, or null when no such token starts there.
    /// </summary>
    private static Parser<T> Token<T>(Func<string, int, (int End, T Value)?> scan, string expected, bool allowEmpty = false) => input =>
    {
        var found = input.AtEnd ? null : scan(input.Source, input.Position);
        if (found is null && allowEmpty)
        {
            found = (input.Position, default!);
        }

        if (found is not { } token || (token.End == input.Position && !allowEmpty))
        {
            return Result.Failure<T>(input, $"expected {expected}", [expected]);
        }

        IInput rest;
        if (input is ApacheLineInput line)
        {
            rest = line.At(token.End);
        }
        else
        {
            rest = input;
            for (var i = input.Position; i < token.End; i++)
            {
                rest = rest.Advance();
            }
        }

        return Result.Success(token.Value, rest);
    };

    private static Parser<int> Token(Func<string, int, (int End, int Value)> scan, string expected, bool allowEmpty) =>
        Token<int>((text, start) => scan(text, start), expected, allowEmpty);
}

/// <summary>A word's value and whether it was quoted.</summary>
internal readonly record struct ApacheToken(string Value, bool Quoted);
