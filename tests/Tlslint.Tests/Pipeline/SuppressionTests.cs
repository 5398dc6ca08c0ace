using System.Text.Json;
using Tlslint.Analysis;
using Tlslint.Cli;
using Tlslint.Rules;

namespace Tlslint.Tests.Pipeline;

/// <summary><c># tlslint ignore=…</c> comments: what they cover, how they are reported, and where suppressed findings go.</summary>
public sealed class SuppressionTests
{
    private const string Main =
        "compatibility_level = 3.6\n" +
        "smtpd_tls_security_level = may\n" +
        "smtpd_tls_protocols = !SSLv2\n";

    private TempTree _tree = null!;

    [SetUp]
    public void CreateTree() => _tree = new TempTree();

    [TearDown]
    public void DeleteTree() => _tree.Dispose();

    private LintResult Lint(bool reportUnused = false, params string[] select) => Linter.Run(new LintRequest
    {
        Paths = [_tree.Root],
        Rules = RuleCatalog.All,
        WorkingDirectory = _tree.Root,
        Select = select,
        ReportUnusedSuppressions = reportUnused,
    });

    [Test]
    public void A_comment_on_the_line_above_suppresses_the_rules_it_names_there_only()
    {
        _tree.Write("main.cf", Main.Replace("smtpd_tls_protocols", "# tlslint ignore=TLS101 -- lab box, never on the Internet\nsmtpd_tls_protocols"));
        var result = Lint(select: ["TLS101", "TLS102"]);
        Assert.That(result.Findings.Select(f => f.Rule.Id), Has.No.Member("TLS101"));
        Assert.That(result.Findings.Select(f => f.Rule.Id), Has.Member("TLS102"), "rules not named stay reported");
        var suppressed = result.Suppressed.Single();
        Assert.That(suppressed.Rule.Id, Is.EqualTo("TLS101"));
        Assert.That(suppressed.Suppression!.Justification, Is.EqualTo("lab box, never on the Internet"));
        Assert.That(suppressed.Suppression.Location.Line, Is.EqualTo(3));
    }

    [Test]
    public void Blank_lines_and_other_comments_between_the_suppression_and_its_line_are_skipped()
    {
        _tree.Write("main.cf", Main.Replace("smtpd_tls_protocols", "# tlslint ignore=ssl-protocol-enabled -- by name\n\n# SSLv3 for the old scanner\nsmtpd_tls_protocols"));
        Assert.That(Lint(select: ["TLS101"]).Findings, Is.Empty);
    }

    [Test]
    public void A_suppression_does_not_reach_past_the_next_line()
    {
        _tree.Write("main.cf", "# tlslint ignore=TLS101 -- not for the line after next\ncompatibility_level = 3.6\n" + Main[26..]);
        var result = Lint(select: ["TLS101"]);
        Assert.That(result.Findings.Select(f => f.Rule.Id), Is.EqualTo(new[] { "TLS101" }));
        Assert.That(result.Suppressed, Is.Empty);
    }

    [Test]
    public void A_suppression_above_a_master_cf_service_covers_its_o_lines()
    {
        _tree.Write("main.cf", "compatibility_level = 3.6\nsmtpd_tls_security_level = may\nsmtpd_tls_protocols = >=TLSv1.2\nsmtpd_tls_mandatory_protocols = >=TLSv1.2\n");
        _tree.Write("master.cf",
            "smtp inet n - y - - smtpd\n" +
            "# tlslint ignore=TLS403 -- monitoring relay on the loopback address\n" +
            "submission inet n - y - - smtpd\n" +
            "  -o smtpd_sasl_auth_enable=no\n" +
            "  -o smtpd_tls_security_level=may\n");
        var result = Lint(select: ["TLS403"]);
        Assert.That(result.Findings, Is.Empty, string.Join("\n", result.Findings.Select(f => $"{f.Location} {f.Message}")));
        Assert.That(result.Suppressed.Single().Location.Line, Is.EqualTo(5));
    }

    [Test]
    public void A_suppression_above_an_apache_virtual_host_covers_the_whole_section()
    {
        _tree.Write("apache2.conf",
            "LoadModule ssl_module modules/mod_ssl.so\n" +
            "Listen 443\n" +
            "# tlslint ignore=TLS101 -- lab host, never on the Internet\n" +
            "<VirtualHost *:443>\n" +
            "    ServerName lab.example.org\n" +
            "    SSLEngine on\n" +
            "    SSLCertificateFile /etc/ssl/certs/lab.pem\n" +
            "    SSLProtocol all\n" +
            "</VirtualHost>\n" +
            "<VirtualHost *:8443>\n" +
            "    SSLEngine on\n" +
            "    SSLCertificateFile /etc/ssl/certs/lab.pem\n" +
            "    SSLProtocol all\n" +
            "</VirtualHost>\n");
        var result = Lint(select: ["TLS101"]);
        Assert.That(result.Suppressed.Select(f => f.Location.Line), Has.Member(8), "the SSLProtocol line inside the covered section");
        Assert.That(result.Findings.Select(f => f.Location.Line), Has.None.InRange(4, 9));
        Assert.That(result.Findings.Select(f => f.Location.Line), Has.Member(13), "the next section is not covered");
    }

    [Test]
    public void A_suppression_above_a_dovecot_section_covers_the_whole_section()
    {
        _tree.Write("dovecot.conf",
            "ssl = required\n" +
            "ssl_cert = </etc/ssl/certs/mail.pem\n" +
            "ssl_key = </etc/ssl/private/mail.key\n" +
            "ssl_min_protocol = TLSv1.2\n" +
            "# tlslint ignore=TLS102 -- old handhelds on the warehouse network\n" +
            "protocol imap {\n" +
            "  ssl_min_protocol = TLSv1\n" +
            "}\n" +
            "protocol pop3 {\n" +
            "  ssl_min_protocol = TLSv1\n" +
            "}\n");
        var result = Lint(select: ["TLS102"]);
        Assert.That(result.Suppressed.Select(f => f.Location.Line), Has.Member(7), string.Join("\n", result.Findings.Select(f => $"{f.Location} {f.Message}")));
        Assert.That(result.Findings.Select(f => f.Location.Line), Has.Member(10), "the next section is not covered");
    }

    [Test]
    public void A_suppression_above_an_nginx_server_covers_the_whole_server_and_not_the_next()
    {
        _tree.Write("nginx.conf",
            "events {}\n" +
            "http {\n" +
            "    ssl_certificate     cert.pem;\n" +
            "    ssl_certificate_key key.pem;\n" +
            "    # tlslint ignore=TLS102 -- kiosk terminals, replaced in 2026\n" +
            "    server {\n" +
            "        listen 443 ssl;\n" +
            "        server_name kiosk.example.org;\n" +
            "        ssl_protocols TLSv1 TLSv1.2;\n" +
            "    }\n" +
            "    server {\n" +
            "        listen 8443 ssl;\n" +
            "        ssl_protocols TLSv1 TLSv1.2;\n" +
            "    }\n" +
            "}\n");
        var result = Lint(select: ["TLS102"]);
        Assert.That(result.Suppressed.Select(f => f.Location.Line), Is.EqualTo(new[] { 9 }), Listing(result));
        Assert.That(result.Findings.Select(f => f.Location.Line), Is.EqualTo(new[] { 13 }), "the next server is not covered");
    }

    [Test]
    public void A_suppression_above_an_nginx_server_covers_a_finding_on_its_header_line()
    {
        // Without `ssl_protocols`, nginx 1.22's default (TLS 1.0 and 1.1 included) is reported at the `server` line.
        _tree.Write("nginx.conf",
            "events {}\n" +
            "http {\n" +
            "    ssl_certificate     cert.pem;\n" +
            "    ssl_certificate_key key.pem;\n" +
            "    # tlslint ignore=TLS102 -- kiosk terminals\n" +
            "    server {\n" +
            "        listen 443 ssl;\n" +
            "    }\n" +
            "}\n");
        var result = Lint(select: ["TLS102"]);
        Assert.That(result.Findings, Is.Empty, Listing(result));
        Assert.That(result.Suppressed.Select(f => f.Location.Line), Is.EqualTo(new[] { 6 }));
    }

    [Test]
    public void A_suppression_above_an_nginx_location_covers_that_location_only()
    {
        _tree.Write("nginx.conf",
            "events {}\n" +
            "http {\n" +
            "    ssl_certificate     cert.pem;\n" +
            "    ssl_certificate_key key.pem;\n" +
            "    server {\n" +
            "        listen 443 ssl;\n" +
            "        ssl_protocols TLSv1.2 TLSv1.3;\n" +
            "        # tlslint ignore=TLS505 -- upstream proxy of the status page, resolved by /etc/hosts\n" +
            "        location /status {\n" +
            "            proxy_pass https://status.internal;\n" +
            "            proxy_ssl_verify off;\n" +
            "        }\n" +
            "        # tlslint ignore=TLS411 -- self-signed appliance on the management network\n" +
            "        location /appliance {\n" +
            "            proxy_pass https://10.0.0.5;\n" +
            "            proxy_ssl_verify off;\n" +
            "        }\n" +
            "        location /other {\n" +
            "            proxy_pass https://other.internal;\n" +
            "            proxy_ssl_verify off;\n" +
            "        }\n" +
            "    }\n" +
            "}\n");
        var result = Lint(select: ["TLS411"]);
        Assert.That(result.Suppressed.Select(f => f.Location.Line), Is.EqualTo(new[] { 16 }), Listing(result));
        Assert.That(result.Findings.Select(f => f.Location.Line), Is.EquivalentTo(new[] { 11, 20 }), "other locations are not covered");
    }

    [Test]
    public void A_suppression_above_an_apache_virtual_host_in_an_included_file_covers_it()
    {
        _tree.Write("apache2.conf",
            "LoadModule ssl_module modules/mod_ssl.so\n" +
            "Listen 443\n" +
            "IncludeOptional sites-enabled/*.conf\n");
        _tree.Write("sites-enabled/lab.conf",
            "# tlslint ignore=TLS101 -- lab host, never on the Internet\n" +
            "<VirtualHost *:443>\n" +
            "    SSLEngine on\n" +
            "    SSLCertificateFile /etc/ssl/certs/lab.pem\n" +
            "    <IfModule mod_headers.c>\n" +
            "        Header always set X-Lab yes\n" +
            "    </IfModule>\n" +
            "    SSLProtocol all\n" +
            "</VirtualHost>\n");
        _tree.Write("sites-enabled/www.conf",
            "<VirtualHost *:8443>\n" +
            "    SSLEngine on\n" +
            "    SSLCertificateFile /etc/ssl/certs/www.pem\n" +
            "    SSLProtocol all\n" +
            "</VirtualHost>\n");
        var result = Lint(select: ["TLS101"]);
        Assert.That(result.Suppressed.Select(f => (f.Location.File.Path, f.Location.Line)), Has.Member(("sites-enabled/lab.conf", 8)), Listing(result));
        Assert.That(result.Findings.Select(f => f.Location.File.Path), Has.None.EqualTo("sites-enabled/lab.conf"));
        Assert.That(result.Findings.Select(f => (f.Location.File.Path, f.Location.Line)), Has.Member(("sites-enabled/www.conf", 4)), "another file's host is not covered");
    }

    [Test]
    public void A_suppression_above_a_nested_dovecot_section_in_conf_d_covers_it()
    {
        _tree.Write("dovecot.conf", "protocols = imap pop3\n!include conf.d/*.conf\n");
        _tree.Write("conf.d/10-ssl.conf",
            "ssl = required\n" +
            "ssl_cert = </etc/ssl/certs/mail.pem\n" +
            "ssl_key = </etc/ssl/private/mail.key\n" +
            "ssl_min_protocol = TLSv1.2\n" +
            "# tlslint ignore=TLS102 -- scanners on the office network\n" +
            "remote 10.1.0.0/16 {\n" +
            "  protocol imap {\n" +
            "    ssl_min_protocol = TLSv1\n" +
            "  }\n" +
            "}\n" +
            "remote 10.2.0.0/16 {\n" +
            "  ssl_min_protocol = TLSv1\n" +
            "}\n");
        var result = Lint(select: ["TLS102"]);
        Assert.That(result.Suppressed.Select(f => f.Location.Line), Has.Member(8), Listing(result));
        Assert.That(result.Findings.Select(f => f.Location.Line), Has.None.InRange(6, 10));
        Assert.That(result.Findings.Select(f => f.Location.Line), Has.Member(12), "the next section is not covered");
    }

    [Test]
    public void A_suppression_above_a_master_cf_service_covers_a_finding_on_the_service_line()
    {
        // TLS102 on the submission service: the mandatory list defaults to `>=TLSv1`, reported at the service line.
        _tree.Write("main.cf", "compatibility_level = 3.6\nsmtpd_tls_security_level = may\nsmtpd_tls_protocols = >=TLSv1.2\n");
        _tree.Write("master.cf",
            "smtp inet n - y - - smtpd\n" +
            "# tlslint ignore=TLS102 -- internal submission for the scanner fleet\n" +
            "submission inet n - y - - smtpd\n" +
            "  -o smtpd_tls_security_level=encrypt\n" +
            "smtps inet n - y - - smtpd\n" +
            "  -o smtpd_tls_wrappermode=yes\n");
        var result = Lint(select: ["TLS102"]);
        Assert.That(result.Suppressed.Select(f => f.Location.Line), Is.EqualTo(new[] { 3 }), Listing(result));
        Assert.That(result.Findings.Select(f => (f.Location.File.Path, f.Location.Line)), Is.EqualTo(new[] { ("master.cf", 5) }), "the next service is not covered");
    }

    private static string Listing(LintResult result) =>
        "findings:\n" + string.Join("\n", result.Findings.Concat(result.Suppressed).Select(f => $"  {f.Location} {f.Rule.Id}{(f.Suppression is null ? string.Empty : " (suppressed)")} {f.Message}"));

    [Test]
    public void A_global_suppression_covers_its_whole_file_and_no_other()
    {
        _tree.Write("main.cf", "# tlslint global ignore=TLS101 -- legacy lab\n" + Main);
        _tree.Write("master.cf", "smtp inet n - y - - smtpd\nsubmission inet n - y - - smtpd\n  -o smtpd_tls_security_level=encrypt\n  -o smtpd_tls_mandatory_protocols=!SSLv2\n");
        var result = Lint(select: ["TLS101"]);
        Assert.That(result.Suppressed.Select(f => f.Location.File.Path).Distinct(), Is.EqualTo(new[] { "main.cf" }));
        Assert.That(result.Findings.Select(f => f.Location.File.Path).Distinct(), Is.EqualTo(new[] { "master.cf" }));
    }

    [Test]
    public void Unused_suppressions_are_reported_only_when_asked()
    {
        _tree.Write("main.cf", Main.Replace("smtpd_tls_protocols", "# tlslint ignore=TLS101,TLS209 -- both expected here\nsmtpd_tls_protocols"));
        Assert.That(Lint(reportUnused: false).Findings.Where(f => f.Rule.Id == "TLS009"), Is.Empty);

        var unused = Lint(reportUnused: true).Findings.Where(f => f.Rule.Id == "TLS009").ToList();
        Assert.That(unused.Select(f => f.Message), Has.Exactly(1).Contains("`TLS209`"));
        Assert.That(unused.Single(f => f.Message.Contains("TLS209")).Location.Column, Is.EqualTo(25), "points at the unused ID in the comment");
    }

    [Test]
    public void Unused_reporting_runs_the_suppression_rule_even_when_not_selected_and_skips_rules_that_did_not_run()
    {
        _tree.Write("main.cf", Main.Replace("smtpd_tls_protocols", "# tlslint ignore=TLS101,TLS209 -- both expected here\nsmtpd_tls_protocols"));
        var result = Lint(reportUnused: true, "TLS101");
        Assert.That(result.Findings.Where(f => f.Rule.Id == "TLS009"), Is.Empty, "TLS209 did not run, so it cannot be judged unused");
        Assert.That(result.RulesRun.Select(r => r.Descriptor.Id), Does.Contain("TLS009"));
    }

    [Test]
    public void Suppressed_findings_are_hidden_in_text_kept_in_json_and_do_not_fail_the_run()
    {
        _tree.Write("main.cf", Main.Replace("smtpd_tls_protocols", "# tlslint ignore=TLS101,TLS102 -- lab box\nsmtpd_tls_protocols"));
        var text = Run("--select", "TLS101,TLS102", _tree.Root);
        Assert.That(text.Code, Is.Zero, text.Out);
        Assert.That(text.Out, Does.Not.Contain("TLS101 "));
        Assert.That(text.Out, Does.Contain("suppressed"));

        var json = Run("--select", "TLS101,TLS102", "--format", "json", _tree.Root);
        using var doc = JsonDocument.Parse(json.Out);
        var findings = doc.RootElement.GetProperty("findings").EnumerateArray().ToList();
        Assert.That(findings, Is.Not.Empty);
        Assert.That(findings.All(f => f.GetProperty("suppressed").GetBoolean()), Is.True);
        Assert.That(findings[0].GetProperty("justification").GetString(), Is.EqualTo("lab box"));
        Assert.That(doc.RootElement.GetProperty("summary").GetProperty("suppressed").GetInt32(), Is.EqualTo(findings.Count));
    }

    private static CliOutcome Run(params string[] args) => CliOutcome.Run(args);
}
