using Tlslint.Analysis;
using Tlslint.Syntax.Dovecot;
using Tlslint.Text;

namespace Tlslint.Tests.Syntax;

/// <summary>dovecot.conf as config_parse_line() reads it (formats.md §3.1, §3.10, checked with doveconf 2.3.19.1).</summary>
public sealed class DovecotParserTests
{
    private static DovecotDocument Parse(string text) =>
        DovecotParser.Parse(new SourceFile("dovecot.conf", "/virtual/dovecot.conf", text));

    private static DovecotAssignment Single(DovecotDocument doc)
    {
        var assignments = doc.Statements.OfType<DovecotAssignment>().ToList();
        Assert.That(assignments, Has.Count.EqualTo(1), "assignments: " + string.Join(", ", assignments.Select(a => a.Key)));
        return assignments[0];
    }

    private static string At(TextRange range) => $"{range.Start.Line}:{range.Start.Column}-{range.End.Line}:{range.End.Column}";

    private static List<string> Errors(DovecotDocument doc) =>
        doc.Diagnostics.Where(d => d.Kind == DiagnosticKind.ParseError).Select(d => $"{d.Location.Line}:{d.Location.Column}").ToList();

    [Test]
    public void Key_value_with_and_without_spaces_around_the_equals_sign()
    {
        var a = Single(Parse("ssl_min_protocol=TLSv1.3\n"));
        var b = Single(Parse("ssl_min_protocol\t=\tTLSv1.3  \t\n"));

        Assert.That((a.Key, a.Value), Is.EqualTo(("ssl_min_protocol", "TLSv1.3")));
        Assert.That((b.Key, b.Value), Is.EqualTo(("ssl_min_protocol", "TLSv1.3")));
        Assert.That(At(b.ValueRange), Is.EqualTo("1:20-1:27"));
    }

    [Test]
    public void Hash_glued_to_a_value_still_starts_a_comment_and_is_reported()
    {
        // formats.md §3.10 case 1: doveconf warns "Ambiguous '#' character" and keeps `HIGH`
        var doc = Parse("ssl_cipher_list = HIGH#x\n");

        Assert.That(Single(doc).Value, Is.EqualTo("HIGH"));
        var d = doc.Diagnostics.Single();
        Assert.That((d.Kind, d.Location.Line, d.Location.Column), Is.EqualTo((DiagnosticKind.CommentInValue, 1, 23)));
    }

    [Test]
    public void Quoted_value_keeps_hash_and_trailing_spaces()
    {
        // formats.md §3.10 case 2
        var a = Single(Parse("login_greeting = \"Hello # not a comment  \"\n"));

        Assert.That((a.Value, a.Kind), Is.EqualTo(("Hello # not a comment  ", DovecotValueKind.Quoted)));
    }

    [Test]
    public void Partly_quoted_value_is_taken_literally()
    {
        var a = Single(Parse("login_greeting = \"a\" b\n"));

        Assert.That((a.Value, a.Kind), Is.EqualTo(("\"a\" b", DovecotValueKind.Literal)));
    }

    [Test]
    public void Value_from_a_file_keeps_the_path_and_skips_spaces_after_the_angle()
    {
        var a = Single(Parse("ssl_cert = < /etc/x.pem\n"));

        Assert.That((a.Value, a.Kind, a.Written), Is.EqualTo(("/etc/x.pem", DovecotValueKind.File, "</etc/x.pem")));
    }

    [Test]
    public void Quoted_angle_is_a_literal_not_a_file()
    {
        var a = Single(Parse("ssl_cert = \"</nonexist\"\n"));

        Assert.That((a.Value, a.Kind), Is.EqualTo(("</nonexist", DovecotValueKind.Quoted)));
    }

    [Test]
    public void Unquoted_dollar_token_makes_a_variable_value()
    {
        Assert.That(Single(Parse("protocols = $protocols imap\n")).Kind, Is.EqualTo(DovecotValueKind.Variable));
        Assert.That(Single(Parse("ssl_cipher_list = x $ssl_cipher_list\n")).Kind, Is.EqualTo(DovecotValueKind.Variable));
        Assert.That(Single(Parse("ssl_cipher_list = a$b\n")).Kind, Is.EqualTo(DovecotValueKind.Literal));
        Assert.That(Single(Parse("ssl_cipher_list = \"$x y\"\n")).Kind, Is.EqualTo(DovecotValueKind.Quoted));
    }

    [Test]
    public void Continuation_joins_with_exactly_one_space()
    {
        // formats.md §3.1 step 4
        var doc = Parse("auth_mechanisms = plain   \\\n      login\n");

        var a = Single(doc);
        Assert.That(a.Value, Is.EqualTo("plain login"));
        Assert.That(At(a.Range), Is.EqualTo("1:1-2:12"));
    }

    [Test]
    public void Comment_after_a_continued_line_drops_the_pending_setting()
    {
        // formats.md §3.10 case 18: the setting vanishes without a word from doveconf
        var doc = Parse("auth_mechanisms = plain \\\n# a comment\nssl_min_protocol = TLSv1.3\n");

        Assert.That(Single(doc).Key, Is.EqualTo("ssl_min_protocol"));
        var d = doc.Diagnostics.Single();
        Assert.That((d.Kind, d.Location.Line), Is.EqualTo((DiagnosticKind.CommentInValue, 1)));
    }

    [Test]
    public void Indented_word_after_a_dropped_continuation_expects_a_brace()
    {
        var doc = Parse("auth_mechanisms = plain \\\n\n   login\n");

        Assert.That(Errors(doc), Is.EqualTo(new[] { "3:4" }));
    }

    [Test]
    public void One_line_block_is_garbage_after_the_brace()
    {
        // formats.md §3.10 case 10
        var doc = Parse("protocol imap { ssl_min_protocol = TLSv1.3 }\n");

        Assert.That(doc.Statements, Is.Empty);
        Assert.That(Errors(doc), Is.EqualTo(new[] { "1:16" }));
        Assert.That(doc.Diagnostics[0].Message, Does.Contain("Garbage after '{'"));
    }

    [Test]
    public void Name_glued_to_the_brace_expects_a_brace()
    {
        var doc = Parse("protocol imap{\n}\n");

        Assert.That(doc.Diagnostics.Single().Message, Does.Contain("Expecting '{'"));
    }

    [Test]
    public void Section_headers_unnamed_named_quoted_and_group()
    {
        var doc = Parse("service {\n}\nprotocol imap {\n}\nlocal_name \"a b\" {\n}\ngroup @tls strict {\n}\n");

        var starts = doc.Statements.OfType<DovecotSectionStart>().Select(s => s.Header).ToList();
        Assert.That(starts, Is.EqualTo(new[] { "service", "protocol imap", "local_name a b", "group @tls strict" }));
        Assert.That(doc.Statements.OfType<DovecotSectionEnd>().Count(), Is.EqualTo(4));
        Assert.That(doc.Diagnostics, Is.Empty);
    }

    [Test]
    public void Two_unquoted_names_expect_a_brace()
    {
        var doc = Parse("local_name a b {\n}\n");

        Assert.That(Errors(doc), Is.EqualTo(new[] { "1:14" }));
    }

    [Test]
    public void Line_starting_with_equals_has_no_key()
    {
        var doc = Parse("=x\n");

        Assert.That(doc.Diagnostics.Single().Message, Does.Contain("Missing key name"));
    }

    [Test]
    public void Include_lines_keep_their_pattern_as_written()
    {
        var doc = Parse("!include conf.d/*.conf\n!include_try /usr/share/dovecot/protocols.d/*.protocol\n!include = foo\n");

        var includes = doc.Statements.OfType<DovecotInclude>().Select(i => (i.Pattern, i.Optional)).ToList();
        Assert.That(includes, Is.EqualTo(new[]
        {
            ("conf.d/*.conf", false), ("/usr/share/dovecot/protocols.d/*.protocol", true), ("= foo", false),
        }));
        Assert.That(At(doc.Statements.OfType<DovecotInclude>().First().PatternRange), Is.EqualTo("1:10-1:23"));
    }

    [Test]
    public void Crlf_line_ends_are_read_like_lf()
    {
        var doc = Parse("ssl_cipher_list = HIGH\r\nprotocols = imap\r\n");

        Assert.That(doc.Statements.OfType<DovecotAssignment>().Select(a => a.Value), Is.EqualTo(new[] { "HIGH", "imap" }));
    }

    [Test]
    public void Byte_order_mark_is_fatal_and_the_rest_still_parses()
    {
        var file = new SourceFile("dovecot.conf", "/virtual/dovecot.conf", "protocols = imap\n") { HadByteOrderMark = true };
        var doc = DovecotParser.Parse(file);

        Assert.That(doc.Diagnostics.Single().Fatal, Is.True);
        Assert.That(Single(doc).Key, Is.EqualTo("protocols"));
    }

    [Test]
    public void Last_line_without_newline_and_a_trailing_continuation_at_end_of_file()
    {
        Assert.That(Single(Parse("ssl = required")).Value, Is.EqualTo("required"));
        var doc = Parse("ssl = yes\nssl_cipher_list = x \\");
        Assert.That(Single(doc).Key, Is.EqualTo("ssl"));
        Assert.That(doc.Diagnostics.Single().Kind, Is.EqualTo(DiagnosticKind.CommentInValue));
    }
}
