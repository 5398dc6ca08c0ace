using Tlslint.Analysis;
using Tlslint.Syntax.Postfix;
using Tlslint.Text;

namespace Tlslint.Tests.Syntax;

/// <summary>main.cf as Postfix's readllines() and split_nameval() read it (formats.md §1.1–§1.3, §1.11).</summary>
public sealed class MainCfParserTests
{
    private static MainCfDocument Parse(string text) =>
        MainCfParser.Parse(new SourceFile("main.cf", "/virtual/main.cf", text));

    private static PostfixParameter Single(MainCfDocument doc)
    {
        Assert.That(doc.Parameters, Has.Count.EqualTo(1), "parameters: " + string.Join(", ", doc.Parameters.Select(p => p.Name)));
        return doc.Parameters[0];
    }

    private static string At(TextRange range) => $"{range.Start.Line}:{range.Start.Column}-{range.End.Line}:{range.End.Column}";

    [Test]
    public void Continuation_line_is_appended_verbatim_without_a_separator()
    {
        var p = Single(Parse("mynetworks = 1.2.3.4\n   more\n"));

        Assert.That(p.Value, Is.EqualTo("1.2.3.4   more"));
    }

    [Test]
    public void Tab_continuation_keeps_the_tab()
    {
        var p = Single(Parse("mynetworks = 1.2.3.4,\n\t5.6.7.8\n"));

        Assert.That(p.Value, Is.EqualTo("1.2.3.4,\t5.6.7.8"));
    }

    [Test]
    public void Blank_and_whitespace_only_lines_do_not_end_a_logical_line()
    {
        // formats.md §1.11 case 1
        var doc = Parse("mynetworks = 1.2.3.4\n\n   \n   more\n");

        Assert.That(Single(doc).Value, Is.EqualTo("1.2.3.4   more"));
        Assert.That(doc.Diagnostics, Is.Empty);
    }

    [Test]
    public void Comment_lines_between_continuation_lines_are_skipped()
    {
        // formats.md §1.11 case 2
        var doc = Parse("smtpd_tls_mandatory_protocols = >=TLSv1.2\n  ,<=TLSv1.3\n# c\n  ,!TLSv1\n");

        Assert.That(Single(doc).Value, Is.EqualTo(">=TLSv1.2  ,<=TLSv1.3  ,!TLSv1"));
        Assert.That(doc.Comments.Select(c => c.Text), Is.EqualTo(new[] { "# c" }));
        Assert.That(doc.Comments[0].Range.Start.Line, Is.EqualTo(3));
    }

    [Test]
    public void Indented_comment_line_is_a_comment_not_a_continuation()
    {
        var doc = Parse("smtpd_tls_ciphers = high\n   # not part of the value\n");

        Assert.That(Single(doc).Value, Is.EqualTo("high"));
        Assert.That(doc.Comments.Select(c => c.Text), Is.EqualTo(new[] { "# not part of the value" }));
    }

    [Test]
    public void Hash_after_text_is_part_of_the_value_and_reported_at_its_column()
    {
        // formats.md §1.11 case 3
        var doc = Parse("smtpd_tls_protocols = !SSLv2, !SSLv3 # no old SSL\n");

        Assert.That(Single(doc).Value, Is.EqualTo("!SSLv2, !SSLv3 # no old SSL"));
        var d = doc.Diagnostics.Single();
        Assert.That(d.Kind, Is.EqualTo(DiagnosticKind.CommentInValue));
        Assert.That(d.Fatal, Is.False);
        Assert.That(At(d.Location.Range!.Value), Is.EqualTo("1:38-1:50"));
    }

    [Test]
    public void Hash_inside_a_word_is_not_reported()
    {
        var doc = Parse("smtpd_banner = mail#1 ESMTP\n");

        Assert.That(Single(doc).Value, Is.EqualTo("mail#1 ESMTP"));
        Assert.That(doc.Diagnostics, Is.Empty);
    }

    [Test]
    public void Hash_on_a_continuation_line_is_reported_on_that_line()
    {
        var doc = Parse("smtpd_tls_protocols = !SSLv2,\n    !SSLv3 # old\n");

        var d = doc.Diagnostics.Single(x => x.Kind == DiagnosticKind.CommentInValue);
        Assert.That(At(d.Location.Range!.Value), Is.EqualTo("2:12-2:17"));
    }

    [TestCase("a=b", "a", "b")]
    [TestCase("a   =b", "a", "b")]
    [TestCase("a=   b   ", "a", "b")]
    [TestCase("a =", "a", "")]
    [TestCase("a =    ", "a", "")]
    [TestCase("a = b c  d", "a", "b c  d")]
    [TestCase("a = x=y", "a", "x=y")]
    public void Name_and_value_are_split_at_the_first_equals_sign(string line, string name, string value)
    {
        var doc = Parse(line + "\n");

        var p = Single(doc);
        Assert.That(p.Name, Is.EqualTo(name));
        Assert.That(p.Value, Is.EqualTo(value));
        Assert.That(doc.Diagnostics, Is.Empty);
    }

    [Test]
    public void Crlf_line_end_is_trimmed_from_the_value()
    {
        // formats.md §1.11 case 10
        var p = Single(Parse("smtpd_tls_ciphers = high\r\n"));

        Assert.That(p.Value, Is.EqualTo("high"));
        Assert.That(At(p.ValueRange), Is.EqualTo("1:21-1:25"));
    }

    [Test]
    public void Crlf_comment_line_text_excludes_the_carriage_return()
    {
        var doc = Parse("# hello\r\na = b\r\n");

        Assert.That(doc.Comments.Single().Text, Is.EqualTo("# hello"));
        Assert.That(Single(doc).Value, Is.EqualTo("b"));
    }

    [Test]
    public void Names_are_case_sensitive()
    {
        // formats.md §1.11 case 7
        var doc = Parse("SMTPD_TLS_CIPHERS = medium\nsmtpd_tls_ciphers = high\n");

        Assert.That(doc.Parameters.Select(p => p.Name), Is.EqualTo(new[] { "SMTPD_TLS_CIPHERS", "smtpd_tls_ciphers" }));
    }

    [Test]
    public void Duplicates_are_all_kept_in_file_order()
    {
        // formats.md §1.11 case 6: the resolver takes the last one
        var doc = Parse("smtpd_tls_security_level = may\nsmtpd_tls_loglevel = 1\nsmtpd_tls_security_level = encrypt\n");

        Assert.That(doc.Parameters.Select(p => $"{p.Name}={p.Value}@{p.Range.Start.Line}"), Is.EqualTo(new[]
        {
            "smtpd_tls_security_level=may@1",
            "smtpd_tls_loglevel=1@2",
            "smtpd_tls_security_level=encrypt@3",
        }));
    }

    [Test]
    public void Indented_first_line_is_ignored_with_a_non_fatal_diagnostic()
    {
        // formats.md §1.11 case 5
        var doc = Parse("  leading = ws\nsmtpd_tls_ciphers = high\n");

        Assert.That(Single(doc).Name, Is.EqualTo("smtpd_tls_ciphers"));
        var d = doc.Diagnostics.Single();
        Assert.That(d.Kind, Is.EqualTo(DiagnosticKind.ParseError));
        Assert.That(d.Fatal, Is.False);
        Assert.That(At(d.Location.Range!.Value), Is.EqualTo("1:1-1:15"));
    }

    [Test]
    public void Indented_line_after_only_comments_is_still_a_leading_continuation()
    {
        var doc = Parse("# header\n\n   orphan = x\n");

        Assert.That(doc.Parameters, Is.Empty);
        Assert.That(doc.Diagnostics.Single().Location.Line, Is.EqualTo(3));
    }

    [Test]
    public void Unindented_continuation_is_a_fatal_missing_equals_on_its_own_line()
    {
        // formats.md §1.11 case 4: Postfix says "line 3: missing '=' after attribute name: "!SSLv3""
        var doc = Parse("smtpd_tls_security_level = may\nsmtpd_tls_protocols = !SSLv2,\n!SSLv3\n");

        Assert.That(doc.Parameters.Select(p => p.Name), Is.EqualTo(new[] { "smtpd_tls_security_level", "smtpd_tls_protocols" }));
        var d = doc.Diagnostics.Single();
        Assert.That(d.Kind, Is.EqualTo(DiagnosticKind.ParseError));
        Assert.That(d.Fatal, Is.True);
        Assert.That(At(d.Location.Range!.Value), Is.EqualTo("3:1-3:7"));
        Assert.That(d.Message, Does.Contain("!SSLv3"));
    }

    [Test]
    public void Missing_equals_after_a_name_points_at_the_name()
    {
        var doc = Parse("a = b\nsmtpd_tls_ciphers high\nc = d\n");

        var d = doc.Diagnostics.Single();
        Assert.That(d.Fatal, Is.True);
        Assert.That(d.Location.Line, Is.EqualTo(2));
        Assert.That(d.Location.Column, Is.EqualTo(1));
        Assert.That(doc.Parameters.Select(p => p.Name), Is.EqualTo(new[] { "a", "c" }), "parsing goes on after a bad line");
    }

    [Test]
    public void Missing_name_before_equals_is_fatal_at_the_equals_sign()
    {
        var doc = Parse("a = b\n= value\n");

        Assert.That(Single(doc).Name, Is.EqualTo("a"));
        var d = doc.Diagnostics.Single();
        Assert.That(d.Kind, Is.EqualTo(DiagnosticKind.ParseError));
        Assert.That(d.Fatal, Is.True);
        Assert.That(At(d.Location.Range!.Value), Is.EqualTo("2:1-2:2"));
        Assert.That(d.Message, Does.Contain("missing parameter name"));
    }

    [Test]
    public void Ranges_of_name_value_and_definition_are_one_based()
    {
        var p = Single(Parse("# c\nsmtpd_tls_ciphers   =   high  \n"));

        Assert.That(At(p.NameRange), Is.EqualTo("2:1-2:18"));
        Assert.That(At(p.ValueRange), Is.EqualTo("2:25-2:29"));
        Assert.That(At(p.Range), Is.EqualTo("2:1-2:29"));
    }

    [Test]
    public void Value_range_spans_continuation_lines_and_skips_comment_lines()
    {
        var p = Single(Parse("smtpd_tls_mandatory_protocols = >=TLSv1.2\n  ,<=TLSv1.3\n# c\n  ,!TLSv1\n"));

        Assert.That(At(p.NameRange), Is.EqualTo("1:1-1:30"));
        Assert.That(At(p.ValueRange), Is.EqualTo("1:33-4:10"));
    }

    [Test]
    public void Empty_value_has_an_empty_range_right_after_the_equals_sign()
    {
        var p = Single(Parse("smtpd_tls_security_level =\n"));

        Assert.That(p.Value, Is.Empty);
        Assert.That(At(p.ValueRange), Is.EqualTo("1:27-1:27"));
    }

    [Test]
    public void File_without_a_trailing_newline_keeps_its_last_line()
    {
        var doc = Parse("a = b\nsmtpd_tls_ciphers = high");

        Assert.That(doc.Parameters.Select(p => p.Value), Is.EqualTo(new[] { "b", "high" }));
        Assert.That(At(doc.Parameters[1].ValueRange), Is.EqualTo("2:21-2:25"));
    }

    [Test]
    public void Empty_file_has_no_parameters_and_no_diagnostics()
    {
        var doc = Parse(string.Empty);

        Assert.That(doc.Parameters, Is.Empty);
        Assert.That(doc.Diagnostics, Is.Empty);
    }
}
