using Sprache;

namespace Tlslint.Syntax.Postfix;

/// <summary>
/// Sprache grammars for one Postfix logical line. main.cf: <c>name = value</c> (split_nameval()); master.cf: fields
/// and arguments split on whitespace, where since Postfix 3.0 a <c>{…}</c> group (nesting counted) keeps its
/// whitespace (mystrtokq()).
/// </summary>
internal static class PostfixGrammar
{
    private static readonly Parser<char> Blank =
        Parse.Char(LogicalLineReader.IsBlank, "whitespace");

    private static readonly Parser<ITextSpan<string>> Name =
        Parse.Char(c => !LogicalLineReader.IsBlank(c) && c != '=', "parameter name")
            .AtLeastOnce().Text().Span().Named("parameter name");

    private static readonly Parser<ITextSpan<string>> Rest =
        Parse.AnyChar.Many().Text().Span();

    /// <summary><c>name = value</c>; the value is everything after <c>=</c>, trimmed later.</summary>
    public static readonly Parser<NameValue> Assignment =
        (from leading in Blank.Many()
         from name in Name
         from gap in Blank.Many()
         from eq in Parse.Char('=').Named("'=' after the parameter name")
         from value in Rest
         select new NameValue(name, value)).End();

    private static readonly Parser<string> BraceGroup =
        from open in Parse.Char('{')
        from body in Parse.Ref(() => BraceGroup!).Or(Parse.CharExcept("{}").AtLeastOnce().Text()).Many()
        from close in Parse.Char('}').Named("'}'")
        select "{" + string.Concat(body) + "}";

    private static readonly Parser<string> PlainRun =
        Parse.Char(c => !LogicalLineReader.IsBlank(c) && c != '{', "argument").AtLeastOnce().Text();

    /// <summary>One whitespace-separated field or argument; brace groups keep their inner whitespace.</summary>
    private static readonly Parser<ITextSpan<string>> Token =
        BraceGroup.Or(PlainRun).AtLeastOnce().Select(string.Concat).Span().Named("master.cf field");

    /// <summary>All fields and arguments of a master.cf entry.</summary>
    public static readonly Parser<IEnumerable<ITextSpan<string>>> MasterEntry =
        (from leading in Blank.Many()
         from tokens in (from t in Token from gap in Blank.Many() select t).Many()
         select tokens).End();
}

/// <summary>A parsed <c>name = value</c>, with spans relative to the parsed text.</summary>
internal sealed record NameValue(ITextSpan<string> Name, ITextSpan<string> RawValue);
