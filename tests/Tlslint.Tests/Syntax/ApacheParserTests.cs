using System.Diagnostics;
using Tlslint.Analysis;
using Tlslint.Syntax.Apache;
using Tlslint.Text;

namespace Tlslint.Tests.Syntax;

/// <summary>httpd 2.4 configuration files as ap_cfg_getline() and ap_getword_conf() read them (formats.md §4.1, §4.10).</summary>
public sealed class ApacheParserTests
{
    private static ApacheDocument Parse(string text) =>
        ApacheParser.Parse(new SourceFile("apache2.conf", "/virtual/apache2.conf", text));

    private static ApacheStatement Single(ApacheDocument doc)
    {
        Assert.That(doc.Statements, Has.Count.EqualTo(1), "statements: " + string.Join(", ", doc.Statements.Select(s => s.Name)));
        return doc.Statements[0];
    }

    private static string[] Values(ApacheStatement s) => s.Arguments.Select(a => a.Value).ToArray();

    private static string At(TextRange range) => $"{range.Start.Line}:{range.Start.Column}-{range.End.Line}:{range.End.Column}";

    [Test]
    public void Continuation_removes_backslash_and_newline_and_keeps_the_next_indentation()
    {
        // formats.md §4.10 case 1: Define X "a   \" + "    b" gives "a       b"; Define Y c\ + d gives cd
        var doc = Parse("Define X \"a   \\\n    b\"\nDefine Y c\\\nd\n");

        Assert.That(doc.Statements.Select(Values), Is.EqualTo(new[] { new[] { "X", "a       b" }, new[] { "Y", "cd" } }));
        Assert.That(doc.Statements[1].Range.Start.Line, Is.EqualTo(3));
        Assert.That(doc.Statements[1].Range.End.Line, Is.EqualTo(4));
    }

    [Test]
    public void Crlf_line_endings_and_a_continuation_before_crlf()
    {
        var doc = Parse("Define A \"x \\\r\n  y\"\r\nDefine B c\\\r\nd\r\n");

        Assert.That(doc.Statements.Select(Values), Is.EqualTo(new[] { new[] { "A", "x   y" }, new[] { "B", "cd" } }));
        Assert.That(doc.Diagnostics, Is.Empty);
    }

    [Test]
    public void A_line_ending_in_an_escaped_backslash_still_continues()
    {
        // httpd looks only at the last character: `x\\` joins the next line (verified with apache2 2.4.71).
        var s = Single(Parse("Define E x\\\\\nmore\n"));

        Assert.That(Values(s), Is.EqualTo(new[] { "E", "x\\more" }));
    }

    [Test]
    public void Names_keep_their_case_and_words_are_split_like_ap_getword_conf()
    {
        var s = Single(Parse("  sslprotocol   -ALL +tlsv1.2\t+TLSV1.3  \n"));

        Assert.That(s.Name, Is.EqualTo("sslprotocol"));
        Assert.That(Values(s), Is.EqualTo(new[] { "-ALL", "+tlsv1.2", "+TLSV1.3" }));
        Assert.That(At(s.NameRange), Is.EqualTo("1:3-1:14"));
        Assert.That(At(s.Arguments[1].Range), Is.EqualTo("1:22-1:30"));
    }

    [Test]
    public void Quotes_group_words_escapes_apply_inside_quotes_and_only_double_backslash_outside()
    {
        // Verified with apache2 2.4.71 -D DUMP_RUN_CFG: A=unterminated, B=a\\b, C=q"x, F=\"yy\", G=a\b.
        var doc = Parse("Define A \"unterminated\nDefine B a\\\\\\\\b\nDefine C \"q\\\"x\"\nDefine F \\\"yy\\\"\nDefine G 'a\\\\b'\n");

        Assert.That(doc.Statements.Select(s => s.Arguments[1].Value),
            Is.EqualTo(new[] { "unterminated", "a\\\\b", "q\"x", "\\\"yy\\\"", "a\\b" }));
    }

    [Test]
    public void Adjacent_quoted_strings_are_separate_words()
    {
        var s = Single(Parse("Define D \"a\"b\n"));

        Assert.That(Values(s), Is.EqualTo(new[] { "D", "a", "b" }));
    }

    [Test]
    public void Comments_only_at_line_start_and_a_hash_later_is_an_argument()
    {
        var doc = Parse("# comment\n   # indented comment\nSSLProtocol -all +TLSv1.2 # old\n");

        Assert.That(doc.Comments, Has.Count.EqualTo(2));
        Assert.That(Values(Single(doc)), Is.EqualTo(new[] { "-all", "+TLSv1.2", "#", "old" }));
        var d = doc.Diagnostics.Single();
        Assert.That(d.Kind, Is.EqualTo(DiagnosticKind.CommentInValue));
        Assert.That(At(d.Location.Range!.Value), Is.EqualTo("3:27-3:32"));
    }

    [Test]
    public void A_quoted_hash_is_plain_data()
    {
        var doc = Parse("Header set X \"# not a comment\"\n");

        Assert.That(doc.Diagnostics, Is.Empty);
    }

    [Test]
    public void A_comment_ending_in_backslash_swallows_the_next_line()
    {
        // formats.md §4.10 case 3
        var doc = Parse("# old setting \\\nSSLProtocol bogus\nSSLEngine on\n");

        Assert.That(doc.Statements.Select(s => s.Name), Is.EqualTo(new[] { "SSLEngine" }));
        var d = doc.Diagnostics.Single();
        Assert.That(d.Kind, Is.EqualTo(DiagnosticKind.CommentInValue));
        Assert.That(At(d.Location.Range!.Value), Is.EqualTo("1:15-1:16"), "at the backslash to remove");
    }

    [Test]
    public void Sections_are_matched_case_insensitively_and_arguments_end_at_the_last_angle_bracket()
    {
        var doc = Parse("<virtualhost *:443 [::1]:443> # trailing text is dropped\nSSLEngine on\n</VIRTUALHOST>\n");

        Assert.That(doc.Diagnostics, Is.Empty);
        var open = doc.Statements[0];
        Assert.That(open.Kind, Is.EqualTo(ApacheStatementKind.SectionOpen));
        Assert.That(Values(open), Is.EqualTo(new[] { "*:443", "[::1]:443" }));
        Assert.That(open.Match, Is.EqualTo(2));
        Assert.That(doc.Statements[2].Match, Is.EqualTo(0));
    }

    [Test]
    public void Section_name_with_closing_bracket_and_no_arguments()
    {
        var doc = Parse("<Else>\n</Else>\n");

        Assert.That(doc.Diagnostics, Is.Empty);
        Assert.That(doc.Statements[0].Name, Is.EqualTo("Else"));
        Assert.That(doc.Statements[0].Arguments, Is.Empty);
    }

    [Test]
    public void Mismatched_end_is_located_at_the_end_tag()
    {
        // apache2: "Syntax error on line 5: Expected </Directory> but saw </VirtualHost>"
        var doc = Parse("Listen 8080\n<VirtualHost *:8080>\n<Directory /x>\nRequire all granted\n</VirtualHost>\n");

        var d = doc.Diagnostics.Single();
        Assert.That(d.Kind, Is.EqualTo(DiagnosticKind.ParseError));
        Assert.That(d.Fatal, Is.True);
        Assert.That(d.Location.Line, Is.EqualTo(5));
        Assert.That(d.Message, Does.Contain("`<Directory>` from line 3"));
        Assert.That(doc.Statements[1].Match, Is.EqualTo(4), "recovery: the VirtualHost still ends here");
    }

    [Test]
    public void Unclosed_section_is_located_at_its_start_and_an_orphan_end_at_itself()
    {
        var unclosed = Parse("ServerName x\n<IfModule ssl_module>\nSSLEngine on\n");
        var orphan = Parse("ServerName x\n</Directory>\n");

        Assert.That(unclosed.Diagnostics.Single().Location.Line, Is.EqualTo(2));
        Assert.That(orphan.Diagnostics.Single().Location.Line, Is.EqualTo(2));
    }

    [Test]
    public void Section_tags_without_their_angle_bracket_are_errors()
    {
        Assert.That(Parse("<VirtualHost *:80\n</VirtualHost>\n").Diagnostics.Single().Location.Line, Is.EqualTo(1));
        Assert.That(Parse("<VirtualHost *:80>\n</VirtualHost junk>\n").Diagnostics.Single().Location.Line, Is.EqualTo(2));
        Assert.That(Parse("<VirtualHost *:80>\n</VirtualHost> junk\n").Diagnostics, Is.Empty, "httpd accepts words after the end tag");
    }

    [Test]
    public void Byte_order_mark_free_text_and_empty_file()
    {
        Assert.That(Parse(string.Empty).Statements, Is.Empty);
        Assert.That(Parse("\n\n   \n").Statements, Is.Empty);
        Assert.That(Parse("SSLEngine on").Statements.Single().Name, Is.EqualTo("SSLEngine"), "no final newline");
    }

    [Test]
    public void Five_thousand_nested_sections_parse_without_recursion()
    {
        const int depth = 5000;
        var text = string.Concat(Enumerable.Repeat("<IfModule ssl_module>\n", depth)) + "SSLEngine on\n"
                   + string.Concat(Enumerable.Repeat("</IfModule>\n", depth));
        var watch = Stopwatch.StartNew();
        var doc = Parse(text);

        Assert.That(doc.Diagnostics, Is.Empty);
        Assert.That(doc.Statements, Has.Count.EqualTo(2 * depth + 1));
        Assert.That(doc.Statements[0].Match, Is.EqualTo(2 * depth));
        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(10)));
    }
}
