using System.Diagnostics;
using System.Text;
using Tlslint.Analysis;
using Tlslint.Syntax.Nginx;
using Tlslint.Text;

namespace Tlslint.Tests.Syntax;

/// <summary>nginx.conf as ngx_conf_read_token() reads it (formats.md §5.1, §5.9).</summary>
public sealed class NginxParserTests
{
    private static NginxDocument Parse(string text, bool bom = false) =>
        NginxParser.Parse(new SourceFile("nginx.conf", "/virtual/nginx.conf", text), bom);

    private static string At(TextRange range) => $"{range.Start.Line}:{range.Start.Column}-{range.End.Line}:{range.End.Column}";

    private static ConfigDiagnostic SingleError(NginxDocument doc)
    {
        Assert.That(doc.Diagnostics, Has.Count.EqualTo(1), string.Join("\n", doc.Diagnostics.Select(d => d.Message)));
        Assert.That(doc.Diagnostics[0].Kind, Is.EqualTo(DiagnosticKind.ParseError));
        Assert.That(doc.Diagnostics[0].Fatal, Is.True);
        return doc.Diagnostics[0];
    }

    [Test]
    public void Directives_and_blocks_nest_with_exact_ranges()
    {
        var doc = Parse("http {\n    ssl_protocols TLSv1.2 TLSv1.3;\n}\n");

        Assert.That(doc.Diagnostics, Is.Empty);
        var http = doc.Directives.Single();
        Assert.That(http.Name.Value, Is.EqualTo("http"));
        Assert.That(http.IsBlock, Is.True);
        Assert.That(At(http.Range), Is.EqualTo("1:1-3:2"));
        Assert.That(At(http.HeaderRange), Is.EqualTo("1:1-1:7"));
        var protocols = http.Children!.Single();
        Assert.That(protocols.Arguments.Select(a => a.Value), Is.EqualTo(new[] { "TLSv1.2", "TLSv1.3" }));
        Assert.That(At(protocols.Range), Is.EqualTo("2:5-2:35"));
        Assert.That(At(protocols.Arguments[1].Range), Is.EqualTo("2:27-2:34"));
    }

    [Test]
    public void A_directive_may_span_lines_and_ends_at_its_semicolon()
    {
        // formats.md §5.9 case 13: nginx reports the line of the terminator.
        var d = Parse("ssl_protocols TLSv1.2\n  TLSv1.3\n  ;\n").Directives.Single();

        Assert.That(d.Arguments, Has.Count.EqualTo(2));
        Assert.That(At(d.Range), Is.EqualTo("1:1-3:4"));
    }

    [Test]
    public void Words_end_at_semicolon_and_brace_without_whitespace()
    {
        var doc = Parse("events{}http{ssl_ciphers HIGH;}");

        Assert.That(doc.Diagnostics, Is.Empty);
        Assert.That(doc.Directives.Select(d => d.Name.Value), Is.EqualTo(new[] { "events", "http" }));
        Assert.That(doc.Directives[1].Children!.Single().ArgumentText, Is.EqualTo("HIGH"));
    }

    [Test]
    public void Hash_inside_a_word_is_data_and_at_a_token_start_a_comment()
    {
        // formats.md §5.9 case 3
        var doc = Parse("ssl_ciphers HIGH:!aNULL#notacomment;\nssl_protocols TLSv1.2 TLSv1.3; # comment\n#whole line\n");

        Assert.That(doc.Directives[0].ArgumentText, Is.EqualTo("HIGH:!aNULL#notacomment"));
        Assert.That(doc.Directives[1].ArgumentText, Is.EqualTo("TLSv1.2 TLSv1.3"));
        Assert.That(doc.Comments.Select(c => c.Text), Is.EqualTo(new[] { "# comment", "#whole line" }));
        Assert.That(At(doc.Comments[0].Range), Is.EqualTo("2:32-2:41"));
    }

    [Test]
    public void Comment_between_words_of_one_directive_is_skipped()
    {
        var d = Parse("ssl_protocols TLSv1.2 # old ones: TLSv1\n TLSv1.3;\n").Directives.Single();

        Assert.That(d.ArgumentText, Is.EqualTo("TLSv1.2 TLSv1.3"));
    }

    [Test]
    public void Quoted_words_keep_spaces_and_process_escapes()
    {
        var d = Parse("add_header X \"a b;{}#\\\"q\\\" \\t\\x\" 'it\\'s';").Directives.Single();

        Assert.That(d.Arguments[1].Value, Is.EqualTo("a b;{}#\"q\" \t\\x"));
        Assert.That(d.Arguments[1].Quoted, Is.True);
        Assert.That(d.Arguments[2].Value, Is.EqualTo("it's"));
        Assert.That(d.Arguments[2].Raw, Is.EqualTo("'it\\'s'"));
    }

    [Test]
    public void Backslash_keeps_the_next_character_in_a_bare_word()
    {
        var d = Parse("return 200 a\\;b\\ c;").Directives.Single();

        Assert.That(d.Arguments.Select(a => a.Value), Is.EqualTo(new[] { "200", "a\\;b\\ c" }));
    }

    [Test]
    public void Variables_are_kept_verbatim_and_a_brace_after_dollar_belongs_to_the_word()
    {
        var doc = Parse("ssl_certificate /etc/ssl/${ssl_server_name}.crt;\nset $a{ }\n");

        Assert.That(doc.Directives[0].ArgumentText, Is.EqualTo("/etc/ssl/${ssl_server_name}.crt"));
        Assert.That(doc.Directives[1].IsBlock, Is.True, "`{` after `$a` opens a block");
    }

    [Test]
    public void Closing_parenthesis_after_a_quote_starts_a_new_word()
    {
        var d = Parse("if ($a = \"b\") { }").Directives.Single();

        Assert.That(d.Arguments.Select(a => a.Value), Is.EqualTo(new[] { "($a", "=", "b", ")" }));
    }

    [Test]
    public void Adjacent_quoted_strings_are_an_error_at_the_second_quote()
    {
        // formats.md §5.9 case 4
        var error = SingleError(Parse("http {\n  add_header X \"a\"\"b\";\n}\n"));

        Assert.That(At(error.Location.Range!.Value), Is.EqualTo("2:19-2:20"));
        Assert.That(error.Message, Does.Contain("unexpected \"\"\""));
    }

    [Test]
    public void Brace_glued_to_a_word_belongs_to_it_and_the_next_brace_is_unexpected()
    {
        // formats.md §5.9 case 4: `ssl_protocols TLSv1.2}` → unexpected "}".
        var doc = Parse("http {\n  server {\n    ssl_protocols TLSv1.2}\n}\n");
        var error = SingleError(doc);

        Assert.That(At(error.Location.Range!.Value), Is.EqualTo("4:1-4:2"));
        Assert.That(error.Message, Does.Contain("`TLSv1.2}`"));
    }

    [Test]
    public void Unterminated_string_is_located_at_its_opening_quote()
    {
        var doc = Parse("http {\n  add_header X \"max-age=1;\n}\n");
        var error = SingleError(doc);

        Assert.That(At(error.Location.Range!.Value), Is.EqualTo("2:16-2:17"));
        Assert.That(error.Message, Does.Contain("never closed"));
    }

    [Test]
    public void Unclosed_block_is_located_at_its_header_and_earlier_directives_survive()
    {
        var doc = Parse("http {\n  ssl_protocols TLSv1.2;\n  server {\n    listen 443 ssl;\n");
        var error = SingleError(doc);

        Assert.That(At(error.Location.Range!.Value), Is.EqualTo("3:3-3:11"));
        Assert.That(error.Message, Does.Contain("`server` block"));
        var http = doc.Directives.Single();
        Assert.That(http.Children!.Select(c => c.Name.Value), Is.EqualTo(new[] { "ssl_protocols", "server" }));
        Assert.That(http.Children![1].Children!.Single().ArgumentText, Is.EqualTo("443 ssl"));
    }

    [Test]
    public void Extra_closing_brace_is_located_at_the_brace()
    {
        var error = SingleError(Parse("events { }\n}\nhttp { }\n"));

        Assert.That(At(error.Location.Range!.Value), Is.EqualTo("2:1-2:2"));
    }

    [TestCase(";", "1:1-1:2")]
    [TestCase("events {}\n  {", "2:3-2:4")]
    public void Punctuation_without_a_directive_is_an_error(string text, string at)
    {
        var doc = Parse(text);

        Assert.That(At(doc.Diagnostics[0].Location.Range!.Value), Is.EqualTo(at));
    }

    [Test]
    public void Missing_semicolon_at_end_of_file_is_located_at_the_directive()
    {
        var error = SingleError(Parse("events {}\nuser nginx"));

        Assert.That(At(error.Location.Range!.Value), Is.EqualTo("2:1-2:11"));
    }

    [Test]
    public void Only_the_first_error_of_a_file_is_reported()
    {
        var doc = Parse(";\n;\n}\n");

        Assert.That(doc.Diagnostics, Has.Count.EqualTo(1));
        Assert.That(doc.Diagnostics[0].Location.Line, Is.EqualTo(1));
    }

    [Test]
    public void Crlf_line_ends_are_whitespace()
    {
        var doc = Parse("http {\r\n  ssl_protocols TLSv1.2;\r\n}\r\n");

        Assert.That(doc.Diagnostics, Is.Empty);
        Assert.That(doc.Directives[0].Children!.Single().Arguments.Single().Value, Is.EqualTo("TLSv1.2"));
        Assert.That(doc.Directives[0].Children![0].Range.Start.Line, Is.EqualTo(2));
    }

    [Test]
    public void Byte_order_mark_is_an_error_because_nginx_reads_it_into_the_first_word()
    {
        var error = SingleError(Parse("events {}\n", bom: true));

        Assert.That(error.Location.Line, Is.EqualTo(1));
        Assert.That(error.Message, Does.Contain("`events`"));
    }

    [Test]
    public void Deep_nesting_is_bounded_and_does_not_use_the_call_stack()
    {
        const int depth = 200_000;
        var text = new StringBuilder();
        for (var i = 0; i < depth; i++)
        {
            text.Append("location / {\n");
        }

        text.Append("add_header X 1;\n").Append('}', depth);
        var watch = Stopwatch.StartNew();
        var doc = Parse(text.ToString());

        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(20)));
        Assert.That(doc.HasFatalError, Is.False);
        Assert.That(doc.Diagnostics.Single().Message, Does.Contain("100 levels"));
        var level = doc.Directives.Single();
        var levels = 1;
        while (level.Children is [var child, ..])
        {
            level = child;
            levels++;
        }

        Assert.That(levels, Is.EqualTo(NginxParser.MaxDepth));
    }

    [Test]
    public void Large_file_parses_in_bounded_time()
    {
        var text = new StringBuilder("http {\n");
        for (var i = 0; i < 100_000; i++)
        {
            text.Append("    server { listen ").Append(10000 + (i % 50000)).Append(" ssl; server_name \"s").Append(i).Append(".example\"; }\n");
        }

        text.Append("}\n");
        var watch = Stopwatch.StartNew();
        var doc = Parse(text.ToString());

        Assert.That(doc.Diagnostics, Is.Empty);
        Assert.That(doc.Directives.Single().Children, Has.Count.EqualTo(100_000));
        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(30)), $"{text.Length} characters");
    }

    [Test]
    public void Dump_is_split_into_files_with_their_own_positions()
    {
        var dump = new SourceFile("dump.txt", "/virtual/dump.txt",
            "nginx: the configuration file /etc/nginx/nginx.conf syntax is ok\n"
            + "# configuration file /etc/nginx/nginx.conf:\nevents {}\nhttp { include mime.types; }\n\n"
            + "# configuration file /etc/nginx/mime.types:\ntypes { text/html html; }\n");

        Assert.That(NginxDump.LooksLikeDump(dump.Text), Is.True);
        var files = NginxDump.Split(dump);
        Assert.That(files.Select(f => f.Path), Is.EqualTo(new[] { "/etc/nginx/nginx.conf", "/etc/nginx/mime.types" }));
        Assert.That(files[0].Text, Is.EqualTo("events {}\nhttp { include mime.types; }\n"));
        Assert.That(files[1].Text, Is.EqualTo("types { text/html html; }"));
        Assert.That(NginxParser.Parse(files[0]).Directives[1].Range.Start.Line, Is.EqualTo(2));
    }

    [Test]
    public void A_plain_config_is_not_a_dump()
    {
        Assert.That(NginxDump.LooksLikeDump("# nginx.conf\nevents {}\n"), Is.False);
    }
}
