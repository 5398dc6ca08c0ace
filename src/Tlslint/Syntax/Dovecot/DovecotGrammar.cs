using Sprache;

namespace Tlslint.Syntax.Dovecot;

/// <summary>
/// Sprache grammars for one Dovecot logical line (config_parse_line): the key runs to whitespace or <c>=</c>; then
/// <c>!include[_try] PATTERN</c>, <c>key = value</c>, a lone <c>}</c>, or a section header <c>type [name] {</c>
/// (2.4: <c>group @label name {</c>). Section headers are read loosely and checked by the driver, so that a bad
/// header gets Dovecot's own message (<c>Expecting '{'</c>, <c>Garbage after '{'</c>) at the right column.
/// </summary>
internal static class DovecotGrammar
{
    private static readonly Parser<char> White =
        Parse.Char(DovecotLineReader.IsWhite, "whitespace");

    /// <summary>The key: everything up to whitespace or <c>=</c> (possibly nothing, which Dovecot rejects).</summary>
    private static readonly Parser<ITextSpan<string>> Key =
        Parse.Char(c => !DovecotLineReader.IsWhite(c) && c != '=', "setting name").Many().Text().Span().Named("setting name");

    private static readonly Parser<ITextSpan<string>> Rest =
        Parse.AnyChar.Many().Text().Span();

    /// <summary><c>!include PATTERN</c> / <c>!include_try PATTERN</c>: the pattern is the rest of the line, as written.</summary>
    public static readonly Parser<IncludeSyntax> Include =
        (from key in Key.Where(k => k.Value is "!include" or "!include_try")
         from gap in White.Many()
         from pattern in Rest
         select new IncludeSyntax(key, pattern)).End();

    /// <summary><c>key = value</c>; whitespace around <c>=</c> is optional, the value is the rest of the line.</summary>
    public static readonly Parser<AssignmentSyntax> Assignment =
        (from key in Key
         from gap in White.Many()
         from eq in Parse.Char('=').Named("'='")
         from gap2 in White.Many()
         from value in Rest
         select new AssignmentSyntax(key, value)).End();

    /// <summary>A line that is just <c>}</c>.</summary>
    public static readonly Parser<ITextSpan<char>> SectionEnd =
        Parse.Char('}').Span().End();

    private static readonly Parser<char> Escaped =
        from backslash in Parse.Char('\\')
        from c in Parse.AnyChar
        select c;

    /// <summary>A <c>"quoted name"</c>; the span covers the quotes, the value is the name without them.</summary>
    private static readonly Parser<ITextSpan<string>> QuotedName =
        (from open in Parse.Char('"')
         from body in Escaped.Or(Parse.CharExcept('"')).Many().Text()
         from close in Parse.Char('"').Named("closing quote")
         select body).Span();

    /// <summary>A bare section name runs to whitespace (so <c>imap{</c> is a name, and the brace is missing).</summary>
    private static readonly Parser<ITextSpan<string>> BareName =
        (from head in Parse.Char(c => !DovecotLineReader.IsWhite(c) && c != '{', "section name")
         from tail in Parse.Char(c => !DovecotLineReader.IsWhite(c), "section name").Many().Text()
         select head + tail).Span();

    private static readonly Parser<ITextSpan<string>> SectionName =
        from name in QuotedName.Or(BareName)
        from gap in White.Many()
        select name;

    /// <summary><c>type name… rest</c>: the names before the brace, and whatever follows them (should be exactly <c>{</c>).</summary>
    public static readonly Parser<SectionSyntax> SectionHeader =
        (from type in Key.Where(k => k.Value.Length > 0)
         from gap in White.Many()
         from names in SectionName.Many()
         from rest in Rest
         select new SectionSyntax(type, names.ToList(), rest)).End();
}

/// <summary>A parsed include line, spans relative to the logical line.</summary>
internal sealed record IncludeSyntax(ITextSpan<string> Keyword, ITextSpan<string> Pattern);

/// <summary>A parsed assignment, spans relative to the logical line.</summary>
internal sealed record AssignmentSyntax(ITextSpan<string> Key, ITextSpan<string> RawValue);

/// <summary>A loosely parsed section header: type, the names before the brace, and the rest.</summary>
internal sealed record SectionSyntax(ITextSpan<string> Type, IReadOnlyList<ITextSpan<string>> Names, ITextSpan<string> Rest);
