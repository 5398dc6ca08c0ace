using Tlslint.Analysis;
using Tlslint.Syntax.Postfix;
using Tlslint.Text;

namespace Tlslint.Tests.Syntax;

/// <summary>master.cf entries, arguments and <c>-o</c> overrides (formats.md §2.1–§2.3, §2.6).</summary>
public sealed class MasterCfParserTests
{
    private static MasterCfDocument Parse(string text) =>
        MasterCfParser.Parse(new SourceFile("master.cf", "/virtual/master.cf", text));

    private static string At(TextRange range) => $"{range.Start.Line}:{range.Start.Column}-{range.End.Line}:{range.End.Column}";

    private static MasterService Single(MasterCfDocument doc)
    {
        Assert.That(doc.Services, Has.Count.EqualTo(1),
            "diagnostics: " + string.Join("; ", doc.Diagnostics.Select(d => $"{d.Location} {d.Message}")));
        return doc.Services[0];
    }

    [Test]
    public void The_eight_fields_are_read_in_order()
    {
        var doc = Parse("smtp      inet  n       -       y       60?     100     smtpd\n");

        var s = Single(doc);
        Assert.That(new[] { s.Name, s.Type, s.Private, s.Unprivileged, s.Chroot, s.Wakeup, s.MaxProcesses, s.Command }.Select(f => f.Text),
            Is.EqualTo(new[] { "smtp", "inet", "n", "-", "y", "60?", "100", "smtpd" }));
        Assert.That(s.Arguments, Is.Empty);
        Assert.That(s.Key, Is.EqualTo("smtp/inet"));
        Assert.That(At(s.Command.Range), Is.EqualTo("1:57-1:62"));
        Assert.That(doc.Diagnostics, Is.Empty);
    }

    [Test]
    public void Continuation_lines_add_arguments_and_overrides()
    {
        var doc = Parse(
            "submission inet n - y - - smtpd\n" +
            "# a comment inside the entry\n" +
            "  -o syslog_name=postfix/submission\n" +
            "\n" +
            "  -o smtpd_tls_security_level=encrypt\n" +
            "pickup unix n - y 60 1 pickup\n");

        Assert.That(doc.Services.Select(s => s.Key), Is.EqualTo(new[] { "submission/inet", "pickup/unix" }));
        var s = doc.Services[0];
        Assert.That(s.Overrides.Select(o => $"{o.Name}={o.Value}"),
            Is.EqualTo(new[] { "syslog_name=postfix/submission", "smtpd_tls_security_level=encrypt" }));
        Assert.That(s.HeaderRange.Start.Line, Is.EqualTo(1));
        Assert.That(s.Range.End.Line, Is.EqualTo(5));
        Assert.That(doc.Diagnostics, Is.Empty);
    }

    [Test]
    public void Short_override_has_exact_ranges_on_its_continuation_line()
    {
        var doc = Parse("submission inet n - y - - smtpd\n  -o smtpd_tls_security_level=encrypt\n");

        var o = Single(doc).Overrides.Single();
        Assert.That(At(o.Range), Is.EqualTo("2:6-2:38"));
        Assert.That(At(o.NameRange), Is.EqualTo("2:6-2:30"));
        Assert.That(At(o.ValueRange), Is.EqualTo("2:31-2:38"));
    }

    [Test]
    public void Glued_override_is_accepted_with_ranges_after_the_option_letter()
    {
        var doc = Parse("s inet n - y - - smtpd -osmtpd_tls_ciphers=high\n");

        var o = Single(doc).Overrides.Single();
        Assert.That((o.Name, o.Value), Is.EqualTo(("smtpd_tls_ciphers", "high")));
        Assert.That(At(o.NameRange), Is.EqualTo("1:26-1:43"));
        Assert.That(At(o.ValueRange), Is.EqualTo("1:44-1:48"));
        Assert.That(doc.Diagnostics, Is.Empty);
    }

    [Test]
    public void Long_override_keeps_inner_whitespace_of_the_value()
    {
        // formats.md §2.6 case 1
        var doc = Parse("submission inet n - y - - smtpd\n  -o { smtpd_client_restrictions = permit_sasl_authenticated, reject }\n");

        var o = Single(doc).Overrides.Single();
        Assert.That(o.Name, Is.EqualTo("smtpd_client_restrictions"));
        Assert.That(o.Value, Is.EqualTo("permit_sasl_authenticated, reject"));
        Assert.That(At(o.NameRange), Is.EqualTo("2:8-2:33"));
        Assert.That(At(o.ValueRange), Is.EqualTo("2:36-2:69"));
        Assert.That(At(o.Range), Is.EqualTo("2:6-2:71"));
        Assert.That(doc.Diagnostics, Is.Empty);
    }

    [Test]
    public void Long_override_with_a_range_operator()
    {
        // formats.md §2.6 case 3
        var doc = Parse("s inet n - y - - smtpd -o { smtpd_tls_mandatory_protocols = >=TLSv1.2 }\n");

        Assert.That(Single(doc).Overrides.Single().Value, Is.EqualTo(">=TLSv1.2"));
    }

    [Test]
    public void Long_override_spanning_continuation_lines()
    {
        var doc = Parse("s inet n - y - - smtpd\n  -o { smtpd_client_restrictions =\n     permit_mynetworks, reject }\n");

        var o = Single(doc).Overrides.Single();
        Assert.That(o.Value, Is.EqualTo("permit_mynetworks, reject"));
        Assert.That(At(o.ValueRange), Is.EqualTo("3:6-3:31"));
    }

    [Test]
    public void Duplicate_overrides_are_all_kept_in_order()
    {
        // formats.md §2.6 case 4: the resolver takes the last one
        var doc = Parse("s2 inet n - y - - smtpd -o smtpd_tls_auth_only=yes -o smtpd_tls_auth_only=no\n");

        Assert.That(Single(doc).Overrides.Select(o => o.Value), Is.EqualTo(new[] { "yes", "no" }));
    }

    [Test]
    public void Override_with_spaces_around_equals_is_fatal_and_yields_no_override()
    {
        // formats.md §2.6 case 5
        var doc = Parse("submission inet n - y - - smtpd\n  -o smtpd_tls_security_level = encrypt\n");

        Assert.That(Single(doc).Overrides, Is.Empty);
        var d = doc.Diagnostics.Single();
        Assert.That(d.Kind, Is.EqualTo(DiagnosticKind.ParseError));
        Assert.That(d.Fatal, Is.True);
        Assert.That(At(d.Location.Range!.Value), Is.EqualTo("2:6-2:30"));
    }

    [Test]
    public void Trailing_hash_comment_on_an_entry_is_a_comment_in_value()
    {
        // formats.md §2.6 case 6
        var doc = Parse("smtp inet n - y - - smtpd -o smtpd_tls_security_level=may # comment\n");

        var s = Single(doc);
        Assert.That(s.Overrides.Single().Value, Is.EqualTo("may"));
        var d = doc.Diagnostics.Single();
        Assert.That(d.Kind, Is.EqualTo(DiagnosticKind.CommentInValue));
        Assert.That(At(d.Location.Range!.Value), Is.EqualTo("1:59-1:68"));
    }

    [Test]
    public void Hash_inside_a_long_override_is_a_comment_in_value()
    {
        var doc = Parse("s inet n - y - - smtpd -o { smtpd_tls_protocols = !SSLv2 # old }\n");

        Assert.That(Single(doc).Overrides.Single().Value, Is.EqualTo("!SSLv2 # old"));
        var d = doc.Diagnostics.Single();
        Assert.That(d.Kind, Is.EqualTo(DiagnosticKind.CommentInValue));
        Assert.That(d.Location.Column, Is.EqualTo(58));
    }

    [Test]
    public void Non_option_argument_to_smtpd_is_fatal_and_stops_option_parsing()
    {
        // formats.md §2.6 case 10
        var doc = Parse("127.0.0.1:10036 inet n - n - - smtpd -o smtpd_tls_security_level=none foo -o smtpd_tls_ciphers=high\n");

        var s = Single(doc);
        Assert.That(s.Overrides.Select(o => o.Name), Is.EqualTo(new[] { "smtpd_tls_security_level" }));
        var d = doc.Diagnostics.Single();
        Assert.That(d.Kind, Is.EqualTo(DiagnosticKind.ParseError));
        Assert.That(d.Fatal, Is.True);
        Assert.That(At(d.Location.Range!.Value), Is.EqualTo("1:71-1:74"));
    }

    [Test]
    public void Non_option_arguments_to_pipe_are_fine()
    {
        var doc = Parse("dovecot unix - n n - - pipe\n  flags=DRhu user=vmail:vmail argv=/usr/lib/dovecot/deliver -f ${sender} -d ${recipient}\n");

        var s = Single(doc);
        Assert.That(s.Command.Text, Is.EqualTo("pipe"));
        Assert.That(s.Arguments.Select(a => a.Text).First(), Is.EqualTo("flags=DRhu"));
        Assert.That(doc.Diagnostics, Is.Empty);
    }

    [Test]
    public void Option_with_a_value_consumes_the_next_argument()
    {
        // -v takes no value, -n does: "s inet" is not an error because -n eats "s"
        var doc = Parse("s inet n - y - - smtpd -v -n other -o smtpd_tls_ciphers=high\n");

        Assert.That(Single(doc).Overrides.Single().Name, Is.EqualTo("smtpd_tls_ciphers"));
        Assert.That(doc.Diagnostics, Is.Empty);
    }

    [Test]
    public void Unbalanced_brace_is_fatal_at_the_brace()
    {
        // formats.md §2.6 case 7
        var doc = Parse("s3 inet n - y - - smtpd -o {smtpd_tls_ciphers=high\n");

        Assert.That(doc.Services, Is.Empty);
        var d = doc.Diagnostics.Single();
        Assert.That(d.Fatal, Is.True);
        Assert.That(d.Location.Line, Is.EqualTo(1));
        Assert.That(d.Location.Column, Is.EqualTo(28));
    }

    [Test]
    public void Seven_fields_is_a_bad_field_count()
    {
        // formats.md §2.6 case 8
        var doc = Parse("smtp inet n - y - - smtpd\ns4 inet n - - - smtpd\n");

        Assert.That(doc.Services.Select(s => s.Key), Is.EqualTo(new[] { "smtp/inet" }));
        var d = doc.Diagnostics.Single();
        Assert.That(d.Fatal, Is.True);
        Assert.That(d.Location.Line, Is.EqualTo(2));
        Assert.That(d.Message, Does.Contain("bad field count"));
    }

    [Test]
    public void Invalid_boolean_field_is_fatal_at_the_field()
    {
        var doc = Parse("s inet q - y - - smtpd\n");

        var d = doc.Diagnostics.Single();
        Assert.That(d.Fatal, Is.True);
        Assert.That(At(d.Location.Range!.Value), Is.EqualTo("1:8-1:9"));
        Assert.That(d.Message, Does.Contain("private"));
    }

    [Test]
    public void Private_inet_service_is_fatal()
    {
        // formats.md §2.6 case 9
        var doc = Parse("s5 inet y - y - - smtpd\n");

        var d = doc.Diagnostics.Single();
        Assert.That(d.Fatal, Is.True);
        Assert.That(d.Location.Column, Is.EqualTo(9));
        Assert.That(d.Message, Does.Contain("private"));
    }

    [Test]
    public void Private_unix_service_is_fine()
    {
        Assert.That(Parse("tlsmgr unix y - y 1000? 1 tlsmgr\n").Diagnostics, Is.Empty);
    }

    [TestCase("-", true)]
    [TestCase("60", true)]
    [TestCase("60?", true)]
    [TestCase("0", true)]
    [TestCase("?", false)]
    [TestCase("60s", false)]
    [TestCase("x?", false)]
    public void Wakeup_field_is_validated(string wakeup, bool valid)
    {
        var doc = Parse($"pickup unix n - y {wakeup} 1 pickup\n");

        Assert.That(doc.Diagnostics.Any(d => d.Fatal && d.Message.Contains("wakeup")), Is.EqualTo(!valid));
    }

    [TestCase("-", true)]
    [TestCase("0", true)]
    [TestCase("100", true)]
    [TestCase("many", false)]
    [TestCase("-1", false)]
    public void Maxproc_field_is_validated(string maxproc, bool valid)
    {
        var doc = Parse($"smtp unix - - y - {maxproc} smtp\n");

        Assert.That(doc.Diagnostics.Any(d => d.Fatal && d.Message.Contains("process_limit")), Is.EqualTo(!valid));
    }

    [Test]
    public void Unknown_service_type_is_fatal()
    {
        var doc = Parse("s tcp n - y - - smtpd\n");

        Assert.That(doc.Diagnostics.Single().Location.Column, Is.EqualTo(3));
    }

    [Test]
    public void Option_without_a_value_at_the_end_is_fatal()
    {
        var doc = Parse("s inet n - y - - smtpd -o\n");

        Assert.That(doc.Diagnostics.Single().Fatal, Is.True);
        Assert.That(Single(doc).Overrides, Is.Empty);
    }

    [Test]
    public void Comment_lines_are_kept_with_their_ranges()
    {
        var doc = Parse("# ==========\n#smtp inet n - y - - smtpd\nsmtp inet n - y - - smtpd\n");

        Assert.That(doc.Comments.Select(c => c.Range.Start.Line), Is.EqualTo(new[] { 1, 2 }));
        Assert.That(Single(doc).HeaderRange.Start.Line, Is.EqualTo(3));
    }
}
