using Sprache;

namespace Tlslint.Analysis;

/// <summary>
/// The suppression comment: <c># tlslint [global] ignore=RULE[,RULE…] [-- reason]</c>. Parsed from the comment's
/// <c>#</c> to the end of its line; spans are offsets into that text.
/// </summary>
internal static class SuppressionGrammar
{
    private static readonly Parser<char> Blank = Parse.Chars(' ', '\t');

    private static readonly Parser<string> Keyword =
        Parse.IgnoreCase("tlslint").Text().Named("`tlslint`");

    private static readonly Parser<bool> GlobalWord =
        (from word in Parse.IgnoreCase("global").Text()
         from gap in Blank.AtLeastOnce()
         select true).Optional().Select(o => o.GetOrDefault());

    private static readonly Parser<string> IgnoreWord =
        Parse.IgnoreCase("ignore").Text().Named("`ignore=`");

    private static readonly Parser<ITextSpan<string>> RuleName =
        Parse.Char(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_', "rule ID")
            .AtLeastOnce().Text().Span().Named("rule ID such as TLS102");

    private static readonly Parser<IEnumerable<ITextSpan<string>>> RuleList =
        from first in RuleName
        from rest in (from comma in Blank.Many().Then(_ => Parse.Char(',')).Then(_ => Blank.Many())
                      from name in RuleName
                      select name).Many()
        select new[] { first }.Concat(rest);

    private static readonly Parser<string> Reason =
        from gap in Blank.Many()
        from dashes in Parse.String("--").Named("`-- reason`")
        from text in Parse.AnyChar.Many().Text()
        select text.Trim();

    /// <summary>True when a comment is meant for tlslint (and so must parse as <see cref="Pragma"/>).</summary>
    public static readonly Parser<string> Introducer =
        from hash in Parse.Char('#')
        from gap in Blank.Many()
        from keyword in Keyword
        from end in Blank.AtLeastOnce().Return(string.Empty).Or(Parse.Char(':').Return(string.Empty)).Or(Parse.LineEnd).Or(Parse.Return(string.Empty).End())
        select keyword;

    public static readonly Parser<PragmaSyntax> Pragma =
        (from hash in Parse.Char('#')
         from gap in Blank.Many()
         from keyword in Keyword
         from gap2 in Blank.AtLeastOnce()
         from global in GlobalWord
         from ignore in IgnoreWord
         from eq in Blank.Many().Then(_ => Parse.Char('=').Named("`=` after `ignore`")).Then(_ => Blank.Many())
         from rules in RuleList
         from reason in Reason.Optional()
         from trailing in Blank.Many()
         select new PragmaSyntax(global, rules.ToList(), reason.GetOrDefault())).End();
}

/// <summary>A parsed suppression comment, with rule spans relative to the comment text.</summary>
internal sealed record PragmaSyntax(bool Global, IReadOnlyList<ITextSpan<string>> Rules, string? Reason);
