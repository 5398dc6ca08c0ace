using Tlslint.Analysis;
using Tlslint.Model;
using Tlslint.Rules;
using Tlslint.Tls;

namespace Tlslint.Tests.Model;

/// <summary>Effective Dovecot endpoints: listeners, modes, filters, versions (formats.md §3.2–§3.9).</summary>
public sealed class DovecotResolverTests
{
    private static ConfigTree Load(string conf, string? assume = null, Dictionary<string, string>? more = null)
    {
        using var tree = new TempTree();
        tree.Write("dovecot.conf", conf);
        foreach (var (path, text) in more ?? [])
        {
            tree.Write(path, text);
        }

        var assumptions = Assumptions.Default;
        if (assume is not null)
        {
            Assert.That(Tlslint.Cli.CommandLine.TryAssume(assumptions, assume, out assumptions, out var problem), problem);
        }

        var result = Linter.Run(new LintRequest { Paths = [tree.Root], Rules = [], WorkingDirectory = tree.Root, Assumptions = assumptions });
        return result.Trees.Single();
    }

    private static TlsEndpoint Endpoint(ConfigTree tree, string name) => tree.Endpoints.Single(e => e.Name == name);

    [Test]
    public void Built_in_listeners_for_each_enabled_protocol()
    {
        var tree = Load("protocols = imap pop3 submission\n");

        Assert.That(tree.Endpoints.Select(e => $"{e.Name}:{e.Ports[0]}:{e.Mode.Value}"), Is.EqualTo(new[]
        {
            "imap-login/imap:143:StartTlsRequired", "imap-login/imaps:993:Implicit",
            "pop3-login/pop3:110:StartTlsRequired", "pop3-login/pop3s:995:Implicit",
            "submission-login/submission:587:StartTlsRequired",
        }));
    }

    [Test]
    public void Upstream_default_protocols_without_a_protocols_line_and_none()
    {
        Assert.That(Load("ssl = yes\n").Endpoints.Select(e => e.Name), Does.Contain("imap-login/imaps").And.Contain("pop3-login/pop3"));
        Assert.That(Load("protocols = none\n").Endpoints, Is.Empty);
    }

    [Test]
    public void Port_zero_closes_a_listener_and_new_listeners_are_added()
    {
        var tree = Load("protocols = imap\nservice imap-login {\n  inet_listener imap {\n    port = 0\n  }\n  inet_listener imaps-alt {\n    port = 10993\n    ssl = yes\n  }\n}\n");

        Assert.That(tree.Endpoints.Select(e => e.Name), Is.EqualTo(new[] { "imap-login/imaps", "imap-login/imaps-alt" }));
        Assert.That(Endpoint(tree, "imap-login/imaps-alt").Anchor.Line, Is.EqualTo(6));
    }

    [Test]
    public void Global_ssl_no_removes_implicit_listeners_and_ignores_ssl_yes_in_filters()
    {
        var tree = Load("protocols = imap\nssl = no\nprotocol imap {\n  ssl = yes\n}\n");

        var imap = tree.Endpoints.Single();
        Assert.That((imap.Name, imap.Mode.Value, imap.Mode.Location.Line), Is.EqualTo(("imap-login/imap", TlsMode.None, 2)));
    }

    [Test]
    public void Ssl_required_and_auth_settings_decide_the_starttls_mode()
    {
        Assert.That(Endpoint(Load("protocols = imap\nssl = required\n"), "imap-login/imap").Mode.Value, Is.EqualTo(TlsMode.StartTlsRequired));
        Assert.That(Endpoint(Load("protocols = imap\nauth_mechanisms = plain cram-md5\n"), "imap-login/imap").Mode.Value, Is.EqualTo(TlsMode.StartTlsOptional));
        var open = Endpoint(Load("protocols = imap\ndisable_plaintext_auth = no\n"), "imap-login/imap");
        Assert.That((open.Mode.Value, open.AuthBeforeTls!.Value), Is.EqualTo((TlsMode.StartTlsOptional, true)));
    }

    [Test]
    public void Most_specific_filter_wins_whatever_the_order()
    {
        // formats.md §3.10 case 5: the later global line does not change the filter's value
        var tree = Load("protocols = imap pop3\nprotocol imap {\n  ssl_min_protocol = TLSv1.3\n}\nssl_min_protocol = TLSv1.1\n");

        var imap = Endpoint(tree, "imap-login/imap").Protocols;
        var pop3 = Endpoint(tree, "pop3-login/pop3").Protocols;
        Assert.That((imap.Value.Enabled.ToString(), imap.Origin, imap.Location.Line), Is.EqualTo(("TLSv1.3", SettingOrigin.Explicit, 3)));
        Assert.That((pop3.Value.Enabled.ToString(), pop3.Origin), Is.EqualTo(("TLSv1.1 TLSv1.2 TLSv1.3", SettingOrigin.Inherited)));
    }

    [Test]
    public void Connection_filters_make_variants_and_local_name_certificates_join_every_endpoint()
    {
        var tree = Load("protocols = imap\nssl_cert = </etc/ssl/a.pem\nssl_key = </etc/ssl/a.key\nlocal 192.0.2.1 {\n  ssl_min_protocol = TLSv1.3\n}\n"
            + "local_name mail.example.org {\n  ssl_cert = </etc/ssl/b.pem\n  ssl_key = </etc/ssl/b.key\n}\n");

        var variant = Endpoint(tree, "imap-login/imap [local 192.0.2.1]");
        Assert.That(variant.Protocols.Value.Enabled.ToString(), Is.EqualTo("TLSv1.3"));
        var certs = Endpoint(tree, "imap-login/imaps").Certificates.Select(c => $"{c.Kind}={c.Certificate.Value},{c.Key!.Value}").ToList();
        Assert.That(certs, Is.EqualTo(new[] { "default=/etc/ssl/a.pem,/etc/ssl/a.key", "sni:mail.example.org=/etc/ssl/b.pem,/etc/ssl/b.key" }));
    }

    [Test]
    public void Local_name_blocks_change_the_certificate_dh_and_tls12_ciphers_but_not_versions_or_tls13_suites()
    {
        // Dovecot 2.3.19.1 live: with SNI `mail.example.org` the block's certificate, DH file and TLS 1.2 cipher list
        // (with its security level) are used, while the versions, TLS 1.3 suites and options stay those of the
        // connection without the name (SSL_set_SSL_CTX).
        var tree = Load("protocols = imap\nssl_cert = </etc/ssl/a.pem\nssl_key = </etc/ssl/a.key\nssl_cipher_list = HIGH\n"
            + "local_name mail.example.org {\n  ssl_min_protocol = TLSv1.3\n  ssl_cipher_list = ALL:@SECLEVEL=0\n"
            + "  ssl_cipher_suites = TLS_AES_128_GCM_SHA256\n  ssl_prefer_server_ciphers = yes\n  ssl_dh = </etc/ssl/dh.pem\n}\n");

        var variant = Endpoint(tree, "imap-login/imaps [local_name mail.example.org]");
        Assert.That((variant.Protocols.Value.Enabled.ToString(), variant.Protocols.IsDefault), Is.EqualTo(("TLSv1.2 TLSv1.3", true)));
        Assert.That((variant.IgnoredProtocols!.Value.Enabled.ToString(), variant.IgnoredProtocols.Location.Line), Is.EqualTo(("TLSv1.3", 6)));
        Assert.That((variant.Ciphers.Value.CipherString, variant.Tls13Ciphers, variant.ServerCipherPreference.Value), Is.EqualTo(("ALL:@SECLEVEL=0", (Setting<string>?)null, false)));
        Assert.That((variant.Settings["ssl_cipher_list"].Location.Line, variant.Settings["ssl_min_protocol"].IsDefault), Is.EqualTo((7, true)));
        Assert.That(variant.Effective!.Protocols.ToString(), Is.EqualTo("TLSv1.2 TLSv1.3"));
        Assert.That(variant.IgnoredTls13Ciphers!.Value, Is.EqualTo("TLS_AES_128_GCM_SHA256"));
        Assert.That(variant.Settings["ssl_cipher_suites"].IsDefault, Is.True);
        Assert.That(variant.DhParameters!.Value, Is.EqualTo("/etc/ssl/dh.pem"));
        Assert.That(Endpoint(tree, "imap-login/imaps").IgnoredProtocols, Is.Null);
    }

    [Test]
    public void Section_context_of_an_include_is_kept()
    {
        var tree = Load("protocols = imap pop3\nprotocol imap {\n  !include imap-tls.conf\n}\n",
            more: new() { ["imap-tls.conf"] = "ssl_min_protocol = TLSv1.3\n" });

        Assert.That(Endpoint(tree, "imap-login/imap").Protocols.Value.Enabled.ToString(), Is.EqualTo("TLSv1.3"));
        Assert.That(Endpoint(tree, "pop3-login/pop3").Protocols.IsDefault, Is.True);
    }

    [Test]
    public void Versions_give_their_defaults()
    {
        var v2314 = Endpoint(Load("protocols = imap\n", "dovecot=2.3.14"), "imap-login/imap");
        var v2236 = Endpoint(Load("protocols = imap\n", "dovecot=2.2.36"), "imap-login/imap");
        Assert.That(v2314.Protocols.Value.Enabled.ToString(), Is.EqualTo("TLSv1 TLSv1.1 TLSv1.2 TLSv1.3"));
        Assert.That(v2236.Protocols.Value.Enabled.ToString(), Is.EqualTo("TLSv1 TLSv1.1 TLSv1.2 TLSv1.3"));
        Assert.That(v2236.Ciphers.Value.CipherString, Is.EqualTo("ALL:!LOW:!SSLv2:!EXP:!aNULL"));
        Assert.That(v2236.DhParameterLength!.Value, Is.EqualTo(1024));
    }

    [Test]
    public void Dovecot_config_version_selects_2_4_names_and_defaults()
    {
        var tree = Load("dovecot_config_version = 2.4.1\ndovecot_storage_version = 2.4.1\nprotocols = imap\n"
            + "ssl_server {\n  cert_file = /etc/ssl/a.pem\n  key_file = /etc/ssl/a.key\n  prefer_ciphers = server\n  dh_file = /etc/ssl/dh.pem\n}\n"
            + "ssl_cipher_suites = TLS_AES_256_GCM_SHA384\n");

        Assert.That(tree.Version.Version, Is.EqualTo(new ProductVersion(2, 4, 1)));
        var imaps = Endpoint(tree, "imap-login/imaps");
        Assert.That(imaps.ServerCipherPreference.Value, Is.True);
        Assert.That(imaps.Certificates.Single().Certificate.Value, Is.EqualTo("/etc/ssl/a.pem"));
        Assert.That(imaps.DhParameters!.Value, Is.EqualTo("/etc/ssl/dh.pem"));
        Assert.That(imaps.Tls13Ciphers!.Value, Is.EqualTo("TLS_AES_256_GCM_SHA384"));
    }

    [Test]
    public void Config_version_that_is_not_first_is_fatal()
    {
        var tree = Load("protocols = imap\ndovecot_config_version = 2.4.0\n");

        Assert.That(tree.Diagnostics.Any(d => d.Fatal && d.Message.Contains("first setting", StringComparison.Ordinal)), Is.True);
    }

    [Test]
    public void Group_settings_yield_to_the_filter_s_own()
    {
        var tree = Load("dovecot_config_version = 2.4.0\ndovecot_storage_version = 2.4.0\nprotocols = imap pop3\n"
            + "group @tls strict {\n  ssl_min_protocol = TLSv1.3\n  ssl_cipher_list = HIGH\n}\nprotocol imap {\n  @tls = strict\n  ssl_cipher_list = ECDHE+AESGCM\n}\n");

        var imap = Endpoint(tree, "imap-login/imap");
        Assert.That(imap.Protocols.Value.Enabled.ToString(), Is.EqualTo("TLSv1.3"));
        Assert.That(imap.Ciphers.Value.CipherString, Is.EqualTo("ECDHE+AESGCM"));
        Assert.That(Endpoint(tree, "pop3-login/pop3").Protocols.IsDefault, Is.True);
    }

    [Test]
    public void Old_names_are_converted_as_dovecot_2_3_does()
    {
        var tree = Load("protocols = imaps pop3\nssl_disable = no\nssl_cert_file = /etc/ssl/a.pem\nssl_protocols = !SSLv3 !TLSv1\n");

        Assert.That(tree.Endpoints.Select(e => e.Name), Is.EquivalentTo(new[] { "imap-login/imaps", "pop3-login/pop3", "pop3-login/pop3s" }));
        var imaps = Endpoint(tree, "imap-login/imaps");
        Assert.That(imaps.Protocols.Value.Enabled.ToString(), Is.EqualTo("TLSv1.1 TLSv1.2 TLSv1.3"));
        Assert.That(imaps.Certificates.Single().Certificate.Value, Is.EqualTo("/etc/ssl/a.pem"));
    }

    [Test]
    public void Ssl_protocols_naming_sslv2_is_dropped_in_2_3_and_reported_by_TLS006()
    {
        // formats.md §3.10 case 17
        var tree = Load("protocols = imap\nssl_protocols = !SSLv2 !SSLv3\n");

        Assert.That(Endpoint(tree, "imap-login/imap").Protocols.IsDefault, Is.True);
        var findings = Linter.Check(tree, [RuleCatalog.Find("TLS006")!], Assumptions.Default);
        Assert.That(findings.Single().Message, Does.Contain("cannot convert"));
    }

    [Test]
    public void Self_reference_appends_and_other_variables_resolve_at_run_time()
    {
        var tree = Load("protocols = imap\nssl_cipher_list = HIGH\nprotocol imap {\n  ssl_cipher_list = $ssl_cipher_list:!SHA1 !MD5\n}\n"
            + "login_greeting = x\nssl_curve_list = $login_greeting\n");

        var imap = Endpoint(tree, "imap-login/imap");
        Assert.That(imap.Ciphers.Value.CipherString, Is.EqualTo("$ssl_cipher_list:!SHA1 !MD5"));
        Assert.That(imap.Curves!.Value, Is.EqualTo("x"));
        Assert.That(tree.Diagnostics.Single(d => !d.Fatal).Message, Does.Contain("Unknown variable"));
    }

    [Test]
    public void Duplicate_ports_are_fatal()
    {
        var tree = Load("protocols = imap pop3\nservice pop3-login {\n  inet_listener pop3 {\n    port = 143\n  }\n}\n");

        Assert.That(tree.Diagnostics.Any(d => d.Fatal && d.Message.Contains("duplicate listener", StringComparison.Ordinal)), Is.True);
    }

    [Test]
    public void Protocol_minimum_values()
    {
        Assert.That(Tlslint.Model.Dovecot.DovecotProtocols.FromMinimum("ANY").Enabled.Contains(TlsVersion.SslV3), Is.True);
        Assert.That(Tlslint.Model.Dovecot.DovecotProtocols.FromMinimum("TLSv9").IsValid, Is.False);
        Assert.That(Tlslint.Model.Dovecot.DovecotProtocols.FromList("TLSv1.2 !SSLv3").Enabled.ToString(), Is.EqualTo("TLSv1.2 TLSv1.3"));
        Assert.That(Tlslint.Model.Dovecot.DovecotProtocols.FromList("!SSLv2").Enabled.ToString(), Is.EqualTo("SSLv3 TLSv1 TLSv1.1 TLSv1.2 TLSv1.3"));
    }

    [Test]
    public void Relative_file_values_are_read_from_the_directory_of_the_file_that_holds_them()
    {
        using var tree = new TempTree();
        var material = Path.Combine(TestPaths.Fixtures, "_material");
        tree.Write("dovecot.conf", "protocols = imap\n!include conf.d/*.conf\n");
        tree.Write("conf.d/10-ssl.conf", "ssl = required\nssl_cert = <test-rsa2048.crt\nssl_key = <test-rsa2048.key\n");
        File.Copy(Path.Combine(material, "test-rsa2048.crt"), tree.PathOf("conf.d/test-rsa2048.crt"));
        File.Copy(Path.Combine(material, "test-rsa2048.key"), tree.PathOf("conf.d/test-rsa2048.key"));

        var result = Linter.Run(new LintRequest
        {
            Paths = [tree.Root],
            Rules = [RuleCatalog.Find("TLS004")!],
            WorkingDirectory = tree.Root,
            Assumptions = Assumptions.Default,
        });

        var pair = result.Trees.Single().Endpoints.First(e => e.Certificates.Count > 0).Certificates.Single();
        Assert.That(pair.Certificate.Value, Is.EqualTo(tree.PathOf("conf.d/test-rsa2048.crt")));
        Assert.That(pair.Key!.Value, Is.EqualTo(tree.PathOf("conf.d/test-rsa2048.key")));
        Assert.That(result.Findings.Select(f => f.Message), Is.Empty, "both files are found in conf.d/");
    }

    [Test]
    public void Sections_closed_in_their_file_are_blocks_for_suppressions()
    {
        var tree = Load("protocols = imap pop3\n# tlslint ignore=TLS102 -- old clients inside\nprotocol pop3 {\n  ssl_min_protocol = TLSv1\n}\n");

        Assert.That(tree.Blocks.Select(b => $"{b.Label} {b.Location.Range!.Value.Start.Line}-{b.Location.Range!.Value.End.Line}"),
            Is.EqualTo(new[] { "protocol pop3 3-5" }));
        using var dir = new TempTree();
        dir.Write("dovecot.conf", "protocols = imap pop3\n# tlslint ignore=TLS102 -- old clients inside\nprotocol pop3 {\n  ssl_min_protocol = TLSv1\n}\n");
        var result = Linter.Run(new LintRequest { Paths = [dir.Root], Rules = [RuleCatalog.Find("TLS102")!], WorkingDirectory = dir.Root });
        Assert.That((result.Findings.Count, result.Suppressed.Count), Is.EqualTo((0, 1)));
    }
}
