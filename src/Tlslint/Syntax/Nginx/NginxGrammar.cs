using System.Text;
using Sprache;

namespace Tlslint.Syntax.Nginx;

/// <summary>
/// Sprache grammar for one token of nginx's configuration lexer (ngx_conf_read_token): whitespace, a <c>#</c>
/// comment (only where a token may start), <c>;</c>, <c>{</c>, <c>}</c>, a quoted word or a bare word. A bare word
/// ends at whitespace, <c>;</c> or <c>{</c> but not at <c>}</c> or <c>#</c>; <c>\</c> keeps the next character in
/// the word whatever it is; a <c>{</c> right after <c>$</c> belongs to the word (<c>${name}</c>).
/// </summary>
internal static class NginxGrammar
{
    private const string Whitespace = " \t\r\n";

    private static readonly Parser<string> Blank =
        Parse.Chars(Whitespace).AtLeastOnce().Text();

    private static readonly Parser<string> Comment =
        from hash in Parse.Char('#')
        from text in Parse.CharExcept('\n').Many().Text()
        select "#" + text;

    private static readonly Parser<string> Escape =
        from backslash in Parse.Char('\\')
        from next in Parse.AnyChar.Optional()
        select next.IsDefined ? new string(['\\', next.Get()]) : "\\";

    private static readonly Parser<string> Dollar =
        from dollar in Parse.Char('$')
        from brace in Parse.Char('{').Optional()
        select brace.IsDefined ? "${" : "$";

    private static readonly Parser<string> PlainRun =
        Parse.CharExcept(Whitespace + ";{\\$").AtLeastOnce().Text();

    /// <summary>What may start a bare word: not a character that starts another token or a quoted word.</summary>
    private static readonly Parser<string> WordStart =
        Escape.Or(Dollar).Or(Parse.CharExcept(Whitespace + ";{}#\"'\\$").Once().Text());

    private static readonly Parser<string> BareWord =
        from first in WordStart
        from rest in Escape.Or(Dollar).Or(PlainRun).Many()
        select first + string.Concat(rest);

    private static readonly Parser<string> DoubleQuoted = QuotedBy('"');

    private static readonly Parser<string> SingleQuoted = QuotedBy('\'');

    private static Parser<string> QuotedBy(char quote) =>
        from open in Parse.Char(quote)
        from body in Escape.Or(Parse.CharExcept(quote + "\\").AtLeastOnce().Text()).Many()
        from close in Parse.Char(quote).Named($"closing {quote}")
        select quote + string.Concat(body) + quote;

    private static Parser<NginxToken> Kind(this Parser<string> parser, NginxTokenKind kind, bool quoted = false) =>
        parser.Span().Select(s => new NginxToken(kind, s.Value, quoted, s.Start.Pos, s.End.Pos));

    /// <summary>One token; fails only on a quoted word that is never closed.</summary>
    public static readonly Parser<NginxToken> Token =
        Blank.Kind(NginxTokenKind.Blank)
            .Or(Comment.Kind(NginxTokenKind.Comment))
            .Or(Parse.Char(';').Once().Text().Kind(NginxTokenKind.Semicolon))
            .Or(Parse.Char('{').Once().Text().Kind(NginxTokenKind.OpenBrace))
            .Or(Parse.Char('}').Once().Text().Kind(NginxTokenKind.CloseBrace))
            .Or(DoubleQuoted.Kind(NginxTokenKind.Word, quoted: true))
            .Or(SingleQuoted.Kind(NginxTokenKind.Word, quoted: true))
            .Or(BareWord.Kind(NginxTokenKind.Word))
            .Named("nginx token");

    /// <summary>
    /// The value nginx stores for a word: quotes removed; <c>\"</c>, <c>\'</c> and <c>\\</c> become the character,
    /// <c>\t</c>, <c>\r</c>, <c>\n</c> the control character; any other <c>\x</c> stays as both characters.
    /// </summary>
    public static string Unescape(string raw, bool quoted)
    {
        var text = quoted ? raw[1..^1] : raw;
        if (!text.Contains('\\'))
        {
            return text;
        }

        var result = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\\' && i + 1 < text.Length)
            {
                var next = text[i + 1];
                switch (next)
                {
                    case '"' or '\'' or '\\':
                        result.Append(next);
                        i++;
                        continue;
                    case 't':
                        result.Append('\t');
                        i++;
                        continue;
                    case 'r':
                        result.Append('\r');
                        i++;
                        continue;
                    case 'n':
                        result.Append('\n');
                        i++;
                        continue;
                }
            }

            result.Append(c);
        }

        return result.ToString();
    }
}
