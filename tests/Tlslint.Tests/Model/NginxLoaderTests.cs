using System.Diagnostics;
using System.Text;
using Tlslint.Analysis;
using Tlslint.Loading;
using Tlslint.Model;
using Tlslint.Rules;
using Tlslint.Tls;

namespace Tlslint.Tests.Model;

/// <summary>nginx includes, prefix, dumps, bad input, and the effective values of endpoints (formats.md §5.2–§5.9).</summary>
public sealed class NginxLoaderTests
{
    private TempTree _tree = null!;

    [SetUp]
    public void SetUp() => _tree = new TempTree();

    [TearDown]
    public void TearDown() => _tree.Dispose();

    private ConfigTree Load(string entry = "nginx.conf", string? prefix = null, string? root = null, string? version = null)
    {
        var assumptions = version is null ? Assumptions.Default
            : Assumptions.Default.With(Product.Nginx, new AssumedVersion(ProductVersion.Parse(version), "test", true));
        var context = new LoadContext(p => Path.GetRelativePath(_tree.Root, p).Replace('\\', '/'), assumptions, root)
        {
            NginxPrefix = prefix is null ? null : _tree.PathOf(prefix),
        };
        var path = _tree.PathOf(entry);
        return NginxTreeLoader.Load(new DiscoveredTree(Product.Nginx, Path.GetDirectoryName(path)!, [path]), context);
    }

    private static TlsEndpoint Endpoint(ConfigTree tree, string name) => tree.Endpoints.Single(e => e.Name == name);

    [Test]
    public void Glob_includes_are_read_in_byte_order_and_hidden_files_are_skipped()
    {
        _tree.Write("nginx.conf", "events {}\nhttp { include conf.d/*.conf; }\n");
        _tree.Write("conf.d/b.conf", "ssl_ciphers B;\n");
        _tree.Write("conf.d/B.conf", "ssl_session_timeout 1m;\n");
        _tree.Write("conf.d/a.conf", "ssl_protocols TLSv1.2;\n");
        _tree.Write("conf.d/.hidden.conf", "ssl_early_data on;\n");

        var tree = Load();

        Assert.That(tree.Files.Select(f => f.Path), Is.EqualTo(new[] { "nginx.conf", "conf.d/B.conf", "conf.d/a.conf", "conf.d/b.conf" }));
        Assert.That(tree.Diagnostics, Is.Empty);
    }

    [Test]
    public void Relative_includes_start_at_the_main_file_directory_not_the_including_file()
    {
        // formats.md §5.9 case 2
        _tree.Write("conf/nginx.conf", "events {}\nhttp { include sub/deeper/a.conf; }\n");
        _tree.Write("conf/sub/deeper/a.conf", "include sub/inc.conf;\n");
        _tree.Write("conf/sub/inc.conf", "ssl_protocols TLSv1.3;\n");

        var tree = Load("conf/nginx.conf");

        Assert.That(tree.Files.Select(f => f.Path), Is.EqualTo(new[] { "conf/nginx.conf", "conf/sub/deeper/a.conf", "conf/sub/inc.conf" }));
    }

    [Test]
    public void Nginx_prefix_moves_where_relative_includes_start()
    {
        _tree.Write("etc/nginx/nginx.conf", "events {}\nhttp { include snippets/tls.conf; }\n");
        _tree.Write("elsewhere/snippets/tls.conf", "ssl_protocols TLSv1.3;\n");

        Assert.That(Load("etc/nginx/nginx.conf").Diagnostics.Single().Kind, Is.EqualTo(DiagnosticKind.IncludeNotFound));
        Assert.That(Load("etc/nginx/nginx.conf", prefix: "elsewhere").Files.Select(f => f.Path),
            Does.Contain("elsewhere/snippets/tls.conf"));
    }

    [Test]
    public void Absolute_includes_resolve_under_root()
    {
        _tree.Write("copy/etc/nginx/nginx.conf", "events {}\nhttp { include /etc/nginx/sites-enabled/*; include /etc/nginx/tls.conf; }\n");
        _tree.Write("copy/etc/nginx/sites-enabled/site", "server { listen 443 ssl; }\n");
        _tree.Write("copy/etc/nginx/tls.conf", "ssl_protocols TLSv1.2 TLSv1.3;\n");

        var tree = Load("copy/etc/nginx/nginx.conf", root: _tree.PathOf("copy"));

        Assert.That(tree.Diagnostics, Is.Empty);
        Assert.That(tree.Endpoints.Single().Protocols.Value.Enabled, Is.EqualTo(TlsVersionSet.Of(TlsVersion.TlsV1_2, TlsVersion.TlsV1_3)));
    }

    [Test]
    public void A_glob_that_matches_nothing_is_fine_and_a_missing_file_is_TLS002()
    {
        // formats.md §5.9 case 1
        _tree.Write("nginx.conf", "events {}\nhttp {\n include sub/*.nomatch;\n include /nonexistent/dir/*.conf;\n include sub/missing.conf;\n}\n");

        var d = Load().Diagnostics.Single();

        Assert.That(d.Kind, Is.EqualTo(DiagnosticKind.IncludeNotFound));
        Assert.That(d.Location.Line, Is.EqualTo(5));
        Assert.That(d.Fatal, Is.True);
    }

    [Test]
    public void A_file_included_twice_is_read_once_but_expanded_twice()
    {
        _tree.Write("nginx.conf", "events {}\nhttp {\n server { listen 443 ssl; include tls.conf; }\n server { listen 8443 ssl; include tls.conf; }\n}\n");
        _tree.Write("tls.conf", "ssl_protocols TLSv1.3;\n");

        var tree = Load();

        Assert.That(tree.Files, Has.Count.EqualTo(2));
        Assert.That(tree.Endpoints.Select(e => e.Protocols.Value.Enabled.ToString()), Is.EqualTo(new[] { "TLSv1.3", "TLSv1.3" }));
        Assert.That(tree.Directives.Count(d => d.Name == "ssl_protocols"), Is.EqualTo(2));
    }

    [Test]
    public void An_include_cycle_is_reported_once_and_not_followed()
    {
        _tree.Write("nginx.conf", "events {}\nhttp { include a.conf; }\n");
        _tree.Write("a.conf", "include b.conf;\n");
        _tree.Write("b.conf", "include a.conf;\n");

        var tree = Load();

        Assert.That(tree.Diagnostics.Single().Kind, Is.EqualTo(DiagnosticKind.IncludeCycle));
        Assert.That(tree.Diagnostics.Single().Location.File.Path, Is.EqualTo("b.conf"));
    }

    [Test]
    public void Unreadable_included_files_are_TLS004_and_the_rest_is_linted()
    {
        _tree.Write("nginx.conf", "events {}\nhttp { include conf.d/*; }\n");
        _tree.WriteBytes("conf.d/1-binary", [0x73, 0x00, 0x01]);
        Directory.CreateDirectory(_tree.PathOf("conf.d/2-dir"));
        File.CreateSymbolicLink(_tree.PathOf("conf.d/3-broken"), "/nonexistent/x.conf");
        _tree.Write("conf.d/4-site", "server { listen 443 ssl; }\n");
        if (OperatingSystem.IsLinux())
        {
            Assert.That(ExternalTool.Run("mkfifo", [_tree.PathOf("conf.d/5-fifo")], TimeSpan.FromSeconds(10)).ExitCode, Is.Zero);
        }

        var watch = Stopwatch.StartNew();
        var tree = Load();

        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(20)), "a FIFO must not block");
        Assert.That(tree.Diagnostics.Select(d => (d.Kind, d.Location.File.Path)), Is.SupersetOf(new[]
        {
            (DiagnosticKind.ParseError, "conf.d/1-binary"),
            (DiagnosticKind.Unreadable, "conf.d/2-dir"),
            (DiagnosticKind.Unreadable, "conf.d/3-broken"),
        }));
        Assert.That(tree.Endpoints.Single(e => e.Role == EndpointRole.Server).Ports, Is.EqualTo(new[] { 443 }));
    }

    [Test]
    public void Deep_include_chains_and_include_fan_out_are_bounded()
    {
        for (var i = 0; i < 300; i++)
        {
            _tree.Write($"chain/{i}.conf", $"include chain/{i + 1}.conf;\n");
        }

        _tree.Write("chain/300.conf", "ssl_protocols TLSv1.3;\n");
        var fan = new StringBuilder();
        for (var i = 0; i < 40; i++)
        {
            fan.Append("include fan.conf;\n");
        }

        _tree.Write("fan.conf", fan.ToString().Replace("fan.conf", "fan2.conf"));
        _tree.Write("fan2.conf", fan.ToString().Replace("fan.conf", "fan3.conf"));
        _tree.Write("fan3.conf", fan.ToString().Replace("fan.conf", "fan4.conf"));
        _tree.Write("fan4.conf", fan.ToString().Replace("fan.conf", "leaf.conf"));
        _tree.Write("leaf.conf", "ssl_session_timeout 1m;\n");
        _tree.Write("nginx.conf", "events {}\nhttp { include chain/0.conf; }\nstream { include fan.conf; }\n");

        var watch = Stopwatch.StartNew();
        var tree = Load();

        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(60)));
        Assert.That(tree.Diagnostics.Select(d => d.Message), Has.Some.Contains("levels deep"));
        Assert.That(tree.Diagnostics.Select(d => d.Message), Has.Some.Contains("directives here"));
        Assert.That(tree.Diagnostics.All(d => !d.Fatal), Is.True);
    }

    [Test]
    public void Nginx_T_output_is_read_as_the_files_it_holds()
    {
        _tree.Write("dump.txt",
            "# configuration file /etc/nginx/nginx.conf:\nevents {}\nhttp {\n    include /etc/nginx/conf.d/*.conf;\n}\n\n"
            + "# configuration file /etc/nginx/conf.d/tls.conf:\nserver {\n    listen 443 ssl;\n    ssl_protocols TLSv1 TLSv1.2;\n}\n\n");

        var tree = Load("dump.txt");

        Assert.That(tree.Files.Select(f => f.Path), Is.EqualTo(new[] { "/etc/nginx/nginx.conf", "/etc/nginx/conf.d/tls.conf" }));
        var protocols = tree.Endpoints.Single().Protocols;
        Assert.That(protocols.Location.ToString(), Is.EqualTo("/etc/nginx/conf.d/tls.conf:3:5"));
        Assert.That(tree.Diagnostics, Is.Empty);
    }

    [Test]
    public void Cli_accepts_a_dump_file_argument()
    {
        var dump = _tree.Write("nginx-T.txt", "# configuration file /etc/nginx/nginx.conf:\nevents {}\nhttp { server { listen 443 ssl; ssl_protocols SSLv3 TLSv1.2; } }\n\n");
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        var code = Tlslint.Cli.CommandLine.Run(["--format", "json", "--select", "TLS101", dump], stdout, stderr);

        Assert.That(stderr.ToString(), Is.Empty);
        Assert.That(code, Is.EqualTo(1));
        Assert.That(stdout.ToString(), Does.Contain("/etc/nginx/nginx.conf"));
    }

    [TestCase("1.8.1", "SSLv3 TLSv1 TLSv1.1 TLSv1.2")]
    [TestCase("1.9.1", "TLSv1 TLSv1.1 TLSv1.2")]
    [TestCase("1.23.3", "TLSv1 TLSv1.1 TLSv1.2")]
    [TestCase("1.23.4", "TLSv1 TLSv1.1 TLSv1.2 TLSv1.3")]
    [TestCase("1.27.2", "TLSv1 TLSv1.1 TLSv1.2 TLSv1.3")]
    [TestCase("1.27.3", "TLSv1.2 TLSv1.3")]
    public void Default_protocols_follow_the_release(string version, string expected)
    {
        _tree.Write("nginx.conf", "events {}\nhttp { server { listen 443 ssl; } }\n");

        var protocols = Load(version: version).Endpoints.Single().Protocols;

        Assert.That(protocols.Value.Enabled.ToString(), Is.EqualTo(expected));
        Assert.That(protocols.Origin, Is.EqualTo(SettingOrigin.Default));
    }

    [Test]
    public void Server_values_inherit_from_http_and_override_it_whole()
    {
        _tree.Write("nginx.conf", """
            events {}
            http {
                ssl_protocols TLSv1.2;
                ssl_ciphers HIGH;
                ssl_conf_command Ciphersuites TLS_AES_256_GCM_SHA384;
                ssl_certificate a.pem;
                ssl_certificate_key a.key;
                server {
                    listen 443 ssl;
                    ssl_ciphers ECDHE+AESGCM;
                    ssl_conf_command Groups X25519;
                    ssl_certificate b.pem;
                    ssl_certificate b2.pem;
                    ssl_early_data on;
                    ssl_dhparam dh.pem;
                }
            }
            """);

        var e = Load().Endpoints.Single();

        Assert.That(e.Protocols.Origin, Is.EqualTo(SettingOrigin.Inherited));
        Assert.That(e.Ciphers.Value.CipherString, Is.EqualTo("ECDHE+AESGCM"));
        Assert.That(e.Ciphers.Origin, Is.EqualTo(SettingOrigin.Explicit));
        Assert.That(e.Tls13Ciphers, Is.Null, "ssl_conf_command is an array taken whole from the innermost level");
        Assert.That(e.Curves!.Value, Is.EqualTo("X25519"));
        Assert.That(e.Certificates.Select(c => (Path.GetFileName(c.Certificate.Value), c.Key is null ? null : Path.GetFileName(c.Key.Value))),
            Is.EqualTo(new[] { ("b.pem", (string?)"a.key"), ("b2.pem", null) }));
        Assert.That(e.EarlyData!.Value, Is.True);
        Assert.That(e.DhParameters!.Value, Is.EqualTo(_tree.PathOf("dh.pem")));
        Assert.That(e.SessionTickets!.Value, Is.True);
        Assert.That(e.SessionTickets.IsDefault, Is.True);
    }

    [Test]
    public void Add_header_in_a_location_drops_the_inherited_hsts()
    {
        // formats.md §5.9 case 10
        _tree.Write("nginx.conf", """
            events {}
            http {
                add_header Strict-Transport-Security "max-age=31536000" always;
                server {
                    listen 443 ssl;
                    location / { }
                    location /api { add_header X-Api 1; location /api/v2 { } }
                }
                server {
                    listen 8443 ssl;
                    add_header X-Other 1;
                }
            }
            """);

        var tree = Load();
        var first = tree.Endpoints[0];
        var second = tree.Endpoints[1];

        Assert.That(first.Hsts!.Value.MaxAge, Is.EqualTo(31536000));
        Assert.That(first.Hsts.Value.OnAllResponses, Is.True);
        Assert.That(first.Hsts.Origin, Is.EqualTo(SettingOrigin.Inherited));
        Assert.That(first.HstsGaps.Select(g => g.Line), Is.EqualTo(new[] { 7 }));
        Assert.That(second.Hsts, Is.Null);
    }

    [Test]
    public void A_quic_only_server_speaks_tls_1_3_whatever_ssl_protocols_says()
    {
        _tree.Write("nginx.conf", "events {}\nhttp {\n ssl_protocols TLSv1 TLSv1.2;\n server { listen 443 quic reuseport; }\n server { listen 8443 ssl; listen 8443 quic; }\n}\n");

        var endpoints = Load().Endpoints;

        Assert.That(endpoints.Select(e => e.Protocols.Value.Enabled.ToString()), Is.EqualTo(new[] { "TLSv1.3", "TLSv1 TLSv1.2" }));
    }

    [TestCase("1.22.1", "TLS_CHACHA20_POLY1305_SHA256", "TLS_AES_128_CCM_SHA256")]
    [TestCase("1.29.2", "TLS_AES_128_CCM_SHA256", null)]
    public void Before_1_29_2_a_server_sharing_a_socket_gets_the_tls13_suites_and_groups_of_the_default_server(string version, string applied, string? ignored)
    {
        // Live proof: LiveNginxTests, "several servers on one port chosen by SNI" (the groups by hand: a client offering
        // only secp384r1 fails TLS 1.3 with b.test on Debian's nginx 1.22.1, one offering only X25519 succeeds).
        _tree.Write("nginx.conf", """
            events {}
            http {
                server { listen 443 ssl; server_name a.test; ssl_conf_command Ciphersuites TLS_CHACHA20_POLY1305_SHA256; ssl_ecdh_curve X25519; }
                server { listen 443 ssl; server_name b.test; ssl_conf_command Ciphersuites TLS_AES_128_CCM_SHA256; ssl_ecdh_curve secp384r1; }
                server { listen 8443 ssl; server_name c.test; ssl_conf_command Ciphersuites TLS_AES_128_CCM_SHA256; }
                server { listen 8443 ssl default_server; server_name d.test; }
            }
            """);

        var tree = Load(version: version);
        var b = Endpoint(tree, "b.test:443");
        var c = Endpoint(tree, "c.test:8443");

        Assert.That(b.Tls13Ciphers!.Value, Is.EqualTo(applied));
        Assert.That(b.IgnoredTls13Ciphers?.Value, Is.EqualTo(ignored));
        Assert.That(b.Curves!.Value, Is.EqualTo(ignored is null ? "secp384r1" : "X25519"));
        Assert.That(b.IgnoredCurves?.Value, Is.EqualTo(ignored is null ? null : "secp384r1"));
        Assert.That(c.Tls13Ciphers?.Value, Is.EqualTo(ignored is null ? "TLS_AES_128_CCM_SHA256" : null), "the default server writes none: OpenSSL's own list");
        Assert.That(Endpoint(tree, "a.test:443 (default server)").IgnoredTls13Ciphers, Is.Null);
    }

    [TestCase("MinProtocol TLSv1.2", "TLSv1.2 TLSv1.3")]
    [TestCase("MinProtocol tlsv1.2", null)]
    [TestCase("MinProtocol TLSv1.0", null)]
    [TestCase("MinProtocol None", "TLSv1 TLSv1.1 TLSv1.2 TLSv1.3")]
    [TestCase("MaxProtocol DTLSv1.2", "TLSv1 TLSv1.1 TLSv1.2 TLSv1.3")]
    [TestCase("Protocol -tlsv1,-TLSv1.1", "TLSv1.2 TLSv1.3")]
    [TestCase("Protocol '-TLSv1 -TLSv1.1'", null)]
    [TestCase("Protocol 'ALL, -TLSv1'", "SSLv2 SSLv3 TLSv1.1 TLSv1.2 TLSv1.3")]
    [TestCase("Protocol -TLSv1,,-TLSv1.1", null)]
    [TestCase("Protocol -TLSv1.4", null)]
    public void Protocol_commands_openssl_refuses_stop_nginx(string command, string? expected)
    {
        // Live proof: LiveNginxTests, the refusals.
        _tree.Write("nginx.conf", $"events {{}}\nhttp {{ server {{ listen 443 ssl; ssl_protocols TLSv1 TLSv1.1 TLSv1.2 TLSv1.3; ssl_conf_command {command}; }} }}\n");

        var protocols = Load().Endpoints.Single().Protocols;

        Assert.That(protocols.Value.IsValid ? protocols.Value.Enabled.ToString() : null, Is.EqualTo(expected), protocols.Value.Problem);
        Assert.That(protocols.Name, Is.EqualTo(expected is null ? "ssl_conf_command" : "ssl_protocols"));
    }

    [Test]
    public void Repeated_ssl_protocols_in_one_block_add_up()
    {
        // formats.md §5.9 case 6
        _tree.Write("nginx.conf", "events {}\nhttp { server { listen 443 ssl; ssl_protocols TLSv1.2; ssl_protocols TLSv1.3; } }\n");

        Assert.That(Load().Endpoints.Single().Protocols.Value.Enabled.ToString(), Is.EqualTo("TLSv1.2 TLSv1.3"));
    }

    [Test]
    public void Ssl_on_makes_listens_tls_before_1_25_1_only()
    {
        _tree.Write("nginx.conf", "events {}\nhttp { server { listen 443; ssl on; } }\n");

        Assert.That(Load(version: "1.22.1").Endpoints.Single().Mode.Value, Is.EqualTo(TlsMode.Implicit));
        Assert.That(Load(version: "1.26.3").Endpoints.Single().Mode.Value, Is.EqualTo(TlsMode.None));
    }

    [Test]
    public void Mail_servers_get_modes_from_listen_and_starttls_and_ports_tell_the_protocol()
    {
        _tree.Write("nginx.conf", """
            events {}
            mail {
                auth_http 127.0.0.1:9000/auth;
                starttls on;
                server { listen 993 ssl; }
                server { listen 143; }
                server { listen 587; starttls only; }
                server { listen 2525; protocol smtp; starttls off; smtp_auth none; }
            }
            """);

        var tree = Load();

        Assert.That(tree.Endpoints.Select(e => (e.Name, e.Mode.Value, e.AuthBeforeTls!.Value)), Is.EqualTo(new[]
        {
            ("mail imap:993", TlsMode.Implicit, false),
            ("mail imap:143", TlsMode.StartTlsOptional, true),
            ("mail smtp:587", TlsMode.StartTlsRequired, false),
            ("mail smtp:2525", TlsMode.None, false),
        }));
        Assert.That(tree.Endpoints[1].Mode.Origin, Is.EqualTo(SettingOrigin.Inherited));
        Assert.That(tree.Endpoints[3].AuthEnabled!.Value, Is.False);
    }

    [Test]
    public void Upstream_tls_gives_client_endpoints_with_verification()
    {
        _tree.Write("nginx.conf", """
            events {}
            http {
                proxy_ssl_verify on;
                server {
                    listen 80;
                    location /a { proxy_pass https://10.0.0.1; }
                    location /b { proxy_pass https://10.0.0.2; proxy_ssl_verify off; proxy_ssl_protocols TLSv1.3; }
                    location /c { grpc_pass grpcs://10.0.0.3; }
                    location /d { proxy_pass http://10.0.0.4; }
                }
            }
            stream {
                server { listen 5000; proxy_pass 10.0.0.5:443; proxy_ssl on; }
            }
            """);

        var clients = Load().Endpoints.Where(e => e.Role == EndpointRole.Client).ToList();

        Assert.That(clients.Select(c => (c.Name, c.VerifyPeer!.Value)), Is.EqualTo(new[]
        {
            ("proxy_pass https://10.0.0.1 (location /a)", true),
            ("proxy_pass https://10.0.0.2 (location /b)", false),
            ("grpc_pass grpcs://10.0.0.3 (location /c)", false),
            ("stream proxy_pass 10.0.0.5:443", false),
        }));
        Assert.That(clients[0].VerifyPeer!.Origin, Is.EqualTo(SettingOrigin.Inherited));
        Assert.That(clients[1].Protocols.Value.Enabled.ToString(), Is.EqualTo("TLSv1.3"));
    }

    [Test]
    public void Suppression_above_a_server_block_covers_the_block()
    {
        _tree.Write("nginx.conf", """
            events {}
            http {
                # tlslint ignore=TLS102 -- old clients until 2027
                server {
                    listen 443 ssl;
                    ssl_protocols TLSv1 TLSv1.2;
                }
            }
            """);

        var result = Linter.Run(new LintRequest { Paths = [_tree.Root], Rules = [RuleCatalog.Find("TLS102")!], WorkingDirectory = _tree.Root });

        Assert.That(result.Findings, Is.Empty);
        Assert.That(result.Suppressed.Single().Location.Line, Is.EqualTo(6));
    }
}
