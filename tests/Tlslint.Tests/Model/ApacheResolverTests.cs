using Tlslint.Analysis;
using Tlslint.Files;
using Tlslint.Loading;
using Tlslint.Model;
using Tlslint.Tls;

namespace Tlslint.Tests.Model;

/// <summary>Endpoints and merged mod_ssl values of httpd trees (formats.md §4.2–§4.8).</summary>
public sealed class ApacheResolverTests
{
    private static ConfigTree Load(TempTree tree, string entry = "apache2.conf", Assumptions? assumptions = null, string? root = null,
        string[]? defines = null)
    {
        var path = tree.PathOf(entry);
        return ApacheTreeLoader.Load(new DiscoveredTree(Product.Apache, Path.GetDirectoryName(path)!, [path]),
            new LoadContext(p => Path.GetRelativePath(tree.Root, p), assumptions ?? Assumptions.Default, root) { Defines = defines ?? [] });
    }

    private static TlsEndpoint Endpoint(ConfigTree tree, string name) =>
        tree.Endpoints.Single(e => e.Name == name);

    [Test]
    public void Main_server_SSLEngine_turns_TLS_on_in_every_virtual_host_and_the_vhost_protocol_replaces_the_main_one()
    {
        using var tree = new TempTree();
        tree.Write("apache2.conf", """
            Listen 80
            Listen 443
            SSLEngine on
            sslprotocol -all +TLSv1.2
            <VirtualHost *:80>
                ServerName plain.test
            </VirtualHost>
            <VirtualHost *:443>
                ServerName b.test
                SSLProtocol TLSv1.3
            </VirtualHost>
            """);

        var config = Load(tree);

        Assert.That(config.Endpoints.Select(e => e.Name), Is.EqualTo(new[] { "plain.test", "b.test" }), "every Listen port is taken: no main server endpoint");
        var plain = Endpoint(config, "plain.test");
        Assert.That(plain.Mode.Value, Is.EqualTo(TlsMode.Implicit));
        Assert.That(plain.Mode.Origin, Is.EqualTo(SettingOrigin.Inherited));
        Assert.That(plain.Ports, Is.EqualTo(new[] { 80 }));
        Assert.That(plain.Protocols.Value.Enabled, Is.EqualTo(TlsVersionSet.Of(TlsVersion.TlsV1_2)));
        Assert.That(plain.Protocols.Location.Line, Is.EqualTo(4));
        var b = Endpoint(config, "b.test");
        Assert.That(b.Protocols.Value.Enabled, Is.EqualTo(TlsVersionSet.Of(TlsVersion.TlsV1_3)));
        Assert.That(b.Protocols.Origin, Is.EqualTo(SettingOrigin.Explicit));
    }

    [Test]
    public void Defaults_follow_the_assumed_release()
    {
        using var tree = new TempTree();
        tree.Write("apache2.conf", "Listen 443\n<VirtualHost *:443>\nSSLEngine on\n</VirtualHost>\n");
        var old = Assumptions.Default.With(Product.Apache, new AssumedVersion(new ProductVersion(2, 4, 16), "--assume", true));

        var current = Load(tree).Endpoints.Single();
        var before = Load(tree, assumptions: old).Endpoints.Single();

        Assert.That(current.Protocols.RawText, Is.EqualTo("all -SSLv3"));
        Assert.That(current.Protocols.Value.Enabled.ToString(), Is.EqualTo("TLSv1 TLSv1.1 TLSv1.2 TLSv1.3"));
        Assert.That(current.Ciphers.Value.CipherString, Is.EqualTo("DEFAULT:!aNULL:!eNULL:!EXP"));
        Assert.That(current.SessionTickets!.Value, Is.True);
        Assert.That(current.Compression!.Value, Is.False);
        Assert.That(before.Protocols.RawText, Is.EqualTo("all"));
        Assert.That(before.Protocols.Value.Enabled.ToString(), Is.EqualTo("SSLv3 TLSv1 TLSv1.1 TLSv1.2"), "no TLS 1.3 before 2.4.36");
        Assert.That(before.Protocols.DefaultFor, Is.EqualTo(new ProductVersion(2, 4, 16)));
    }

    [Test]
    public void Certificates_merge_by_position_and_openssl_commands_append_main_server_first()
    {
        using var tree = new TempTree();
        tree.Write("apache2.conf", """
            Listen 443
            SSLCertificateFile /etc/ssl/rsa.pem
            SSLCertificateKeyFile /etc/ssl/rsa.key
            SSLCertificateFile /etc/ssl/ecdsa.pem
            SSLCertificateKeyFile /etc/ssl/ecdsa.key
            SSLOpenSSLConfCmd Curves X25519:prime256v1
            SSLCipherSuite HIGH:!aNULL
            SSLCipherSuite TLSv1.3 TLS_AES_256_GCM_SHA384
            <VirtualHost *:443>
                SSLEngine on
                SSLCertificateFile certs/www-rsa.pem
                SSLCertificateKeyFile certs/www-rsa.key
                SSLOpenSSLConfCmd Groups X448
                SSLOpenSSLConfCmd DHParameters dh.pem
                SSLOpenSSLConfCmd CipherString ECDHE+AESGCM
            </VirtualHost>
            """);

        var e = Load(tree).Endpoints.Single();

        Assert.That(e.Certificates.Select(c => (c.Certificate.Value, c.Key!.Value, c.Certificate.Origin)), Is.EqualTo(new[]
        {
            ("certs/www-rsa.pem", "certs/www-rsa.key", SettingOrigin.Explicit),
            ("/etc/ssl/ecdsa.pem", "/etc/ssl/ecdsa.key", SettingOrigin.Inherited),
        }));
        Assert.That(e.Curves!.Value, Is.EqualTo("X448"));
        Assert.That(e.DhParameters!.Value, Is.EqualTo("dh.pem"), "as written: relative paths start at ServerRoot (ReferenceBase)");
        Assert.That(e.Ciphers.Value.CipherString, Is.EqualTo("ECDHE+AESGCM:!aNULL:!eNULL:!EXP"),
            "the OpenSSL command is applied after SSLCipherSuite, with httpd's exclusions appended");
        Assert.That(e.Tls13Ciphers!.Value, Is.EqualTo("TLS_AES_256_GCM_SHA384"));
        Assert.That(e.Tls13Ciphers.Origin, Is.EqualTo(SettingOrigin.Inherited));
    }

    [Test]
    public void Https_protocol_turns_TLS_on_without_SSLEngine_when_a_certificate_is_set()
    {
        // What the live httpd 2.4.71 did (LiveApacheTests): a Listen's protocol reaches a virtual host only through an
        // equal literal address; `*` and the main server never take it; `Protocol` is inherited and wins.
        using var tree = new TempTree();
        tree.Write("apache2.conf", """
            Listen 127.0.0.1:8443 https
            Listen 127.0.0.1:443
            Listen 127.0.0.1:8080
            Listen 8444 https
            SSLCertificateFile /etc/ssl/site.pem
            <VirtualHost 127.0.0.1:8443>
                ServerName listen.test
            </VirtualHost>
            <VirtualHost 127.0.0.1:443>
                ServerName port443.test
            </VirtualHost>
            <VirtualHost 127.0.0.1:8443>
                ServerName off.test
                SSLEngine off
            </VirtualHost>
            <VirtualHost 127.0.0.1:8080>
                ServerName protocol.test
                Protocol HTTPS
            </VirtualHost>
            <VirtualHost *:8444>
                ServerName star.test
            </VirtualHost>
            """);

        var config = Load(tree);

        var listen = Endpoint(config, "listen.test").Mode;
        Assert.That(listen.Value, Is.EqualTo(TlsMode.Implicit));
        Assert.That((listen.Origin, listen.Location.Line, listen.RawText),
            Is.EqualTo((SettingOrigin.Default, 1, "on (`Listen 127.0.0.1:8443 https`)")));
        Assert.That(Endpoint(config, "port443.test").Mode.Value, Is.EqualTo(TlsMode.Implicit), "Listen without a protocol: https on 443");
        Assert.That(Endpoint(config, "off.test").Mode.Value, Is.EqualTo(TlsMode.None), "SSLEngine off wins since 2.4.10");
        Assert.That(Endpoint(config, "protocol.test").Mode.RawText, Is.EqualTo("on (`Protocol HTTPS`)"));
        Assert.That(Endpoint(config, "star.test").Mode.Value, Is.EqualTo(TlsMode.None), "`*` is not the Listen's address");

        var old = Assumptions.Default.With(Product.Apache, new AssumedVersion(new ProductVersion(2, 4, 9), "--assume", true));
        Assert.That(Endpoint(Load(tree, assumptions: old), "off.test").Mode.Value, Is.EqualTo(TlsMode.Implicit), "before 2.4.10 https won");
    }

    [Test]
    public void Https_protocol_without_a_certificate_and_the_main_server_stay_plain()
    {
        using var tree = new TempTree();
        tree.Write("apache2.conf", """
            Listen 127.0.0.1:8443 https
            Listen 127.0.0.1:9443 https
            <VirtualHost 127.0.0.1:8443>
                ServerName nocert.test
            </VirtualHost>
            """);

        var config = Load(tree);

        Assert.That(Endpoint(config, "nocert.test").Mode.Value, Is.EqualTo(TlsMode.None));
        Assert.That(Endpoint(config, "main server").Mode.Value, Is.EqualTo(TlsMode.None), "the main server matches no listener");
    }

    [Test]
    public void OpenSsl_cipher_string_command_gets_httpds_exclusions_since_2_4_17()
    {
        using var tree = new TempTree();
        tree.Write("apache2.conf", "SSLEngine on\nSSLOpenSSLConfCmd cipherstring aNULL\n");
        var old = Assumptions.Default.With(Product.Apache, new AssumedVersion(new ProductVersion(2, 4, 16), "--assume", true));

        Assert.That(Load(tree).Endpoints.Single().Ciphers.Value.CipherString, Is.EqualTo("aNULL:!aNULL:!eNULL:!EXP"));
        Assert.That(Load(tree, assumptions: old).Endpoints.Single().Ciphers.Value.CipherString, Is.EqualTo("aNULL"));
    }

    [Test]
    public void Name_based_hosts_keep_the_openssl_options_of_the_first_host_on_their_address()
    {
        // The live httpd 2.4.71 (LiveApacheTests): SNI switches protocols and ciphers, but options only add up.
        using var tree = new TempTree();
        tree.Write("apache2.conf", """
            Listen 443
            SSLCertificateFile /etc/ssl/site.pem
            <VirtualHost *:443>
                ServerName first.test
                SSLEngine on
                SSLHonorCipherOrder on
                SSLSessionTickets off
            </VirtualHost>
            <VirtualHost *:443>
                ServerName second.test
                SSLEngine on
                SSLProtocol TLSv1.3
                SSLInsecureRenegotiation on
            </VirtualHost>
            <VirtualHost *:8443>
                ServerName other.test
                SSLEngine on
            </VirtualHost>
            """);

        var config = Load(tree);

        var second = Endpoint(config, "second.test");
        Assert.That(second.ServerCipherPreference.Value, Is.True);
        Assert.That((second.ServerCipherPreference.Origin, second.ServerCipherPreference.Location.Line), Is.EqualTo((SettingOrigin.Inherited, 6)));
        Assert.That(second.ServerCipherPreference.RawText, Does.Contain("first.test is its first virtual host"));
        Assert.That(second.SessionTickets!.Value, Is.False);
        Assert.That(second.Settings["SSLSessionTickets"].Value, Is.EqualTo("off"));
        Assert.That(second.Protocols.Value.Enabled, Is.EqualTo(TlsVersionSet.Of(TlsVersion.TlsV1_3)), "protocols stay its own");
        Assert.That(Endpoint(config, "first.test").InsecureRenegotiation!.Value, Is.False, "nothing flows back to the first host");
        Assert.That(Endpoint(config, "other.test").ServerCipherPreference.Value, Is.False, "another address");
    }

    [Test]
    public void OpenSsl_protocol_commands_apply_after_SSLProtocol()
    {
        // formats.md §4.10 case 12: both TLS 1.2 and 1.3 refused.
        using var tree = new TempTree();
        tree.Write("apache2.conf", """
            SSLEngine on
            SSLProtocol -all +TLSv1.2
            SSLOpenSSLConfCmd Protocol "-ALL, TLSv1.3"
            """);

        var e = Load(tree).Endpoints.Single();

        Assert.That(e.Protocols.Value.Enabled.IsEmpty, Is.True);
        Assert.That(e.Protocols.Location.Line, Is.EqualTo(3));
    }

    [Test]
    public void OpenSsl_protocol_command_can_leave_a_gap_that_a_server_keeps()
    {
        using var tree = new TempTree();
        tree.Write("apache2.conf", "SSLEngine on\nSSLProtocol all\nSSLOpenSSLConfCmd Protocol -TLSv1.1\n");

        var e = Load(tree).Endpoints.Single();

        Assert.That(e.Protocols.Value.Enabled.ToString(), Is.EqualTo("SSLv3 TLSv1 TLSv1.2 TLSv1.3"), "SSLv3 is the build's to drop");
    }

    [Test]
    public void OpenSsl_options_command_replaces_the_mod_ssl_flags()
    {
        using var tree = new TempTree();
        tree.Write("apache2.conf", """
            SSLEngine on
            SSLHonorCipherOrder on
            SSLOpenSSLConfCmd Options "-serverpreference, -SessionTicket,UnsafeLegacyRenegotiation"
            """);

        var e = Load(tree).Endpoints.Single();

        Assert.That(e.ServerCipherPreference.Value, Is.False);
        Assert.That((e.ServerCipherPreference.Name, e.ServerCipherPreference.Location.Line), Is.EqualTo(("SSLOpenSSLConfCmd", 3)));
        Assert.That(e.SessionTickets!.Value, Is.False);
        Assert.That(e.InsecureRenegotiation!.Value, Is.True);
        Assert.That(e.Settings["SSLOpenSSLConfCmd Options ServerPreference"].Value, Is.EqualTo("off"));
    }

    [Test]
    public void OpenSsl_commands_httpd_stops_at_are_fatal()
    {
        using var tree = new TempTree();
        tree.Write("apache2.conf", """
            SSLEngine on
            SSLOpenSSLConfCmd MinProtocol
            SSLOpenSSLConfCmd -cipher ALL
            SSLOpenSSLConfCmd minprotocol tlsv1.2
            SSLOpenSSLConfCmd Protocol "-tlsv1.1, FOO"
            SSLOpenSSLConfCmd Options "ServerPreference,Bogus"
            SSLOpenSSLConfCmd options -sessionticket
            SSLOpenSSLConfCmd Protocol -ALL,+TLSv1.3
            SSLOpenSSLConfCmd MaxProtocol None
            SSLOpenSSLConfCmd verifycastore /etc/ssl/store
            """);

        var fatal = Load(tree).Diagnostics.Where(d => d.Fatal).ToList();

        Assert.That(fatal.Select(d => d.Location.Line), Is.EqualTo(new[] { 2, 3, 4, 5, 6 }), string.Join("\n", fatal.Select(d => d.Message)));
        Assert.That(fatal[2].Message, Does.Contain("compares versions case-sensitively and knows `TLSv1.2`"));
        Assert.That(fatal[3].Message, Does.Contain("`FOO`"));
        Assert.That(fatal[4].Message, Does.Contain("`Bogus`"));
    }

    [Test]
    public void Hsts_follows_mod_headers_tables_and_merge_order()
    {
        using var tree = new TempTree();
        tree.Write("apache2.conf", """
            Listen 443
            Listen 8443
            Header always set Strict-Transport-Security "max-age=63072000"
            <VirtualHost *:443>
                ServerName keeps.test
                SSLEngine on
                Header unset Strict-Transport-Security
            </VirtualHost>
            <VirtualHost *:8443>
                ServerName drops.test
                SSLEngine on
                Header always unset Strict-Transport-Security
                Header set Strict-Transport-Security "max-age=300"
            </VirtualHost>
            """);

        var config = Load(tree);

        var keeps = Endpoint(config, "keeps.test").Hsts!;
        Assert.That(keeps.Value, Is.EqualTo(new HstsHeader("max-age=63072000", true)));
        Assert.That(keeps.Origin, Is.EqualTo(SettingOrigin.Inherited));
        var drops = Endpoint(config, "drops.test").Hsts!;
        Assert.That(drops.Value, Is.EqualTo(new HstsHeader("max-age=300", false)));
        Assert.That(drops.Location.Line, Is.EqualTo(13));
    }

    [Test]
    public void Proxy_engine_adds_a_client_endpoint()
    {
        using var tree = new TempTree();
        tree.Write("apache2.conf", """
            Listen 443
            SSLProxyProtocol -all +TLSv1.2
            <VirtualHost *:443>
                ServerName app.test
                SSLEngine on
                SSLProxyEngine on
                SSLProxyVerify require
                SSLProxyCheckPeerName off
            </VirtualHost>
            """);

        var client = Load(tree).Endpoints.Single(e => e.Role == EndpointRole.Client);

        Assert.That(client.Name, Is.EqualTo("proxy of app.test"));
        Assert.That(client.Protocols.Value.Enabled, Is.EqualTo(TlsVersionSet.Of(TlsVersion.TlsV1_2)));
        Assert.That(client.VerifyPeer!.Value, Is.True);
        Assert.That(client.VerifyPeerName!.Value, Is.False);
        Assert.That(client.VerifyPeerName.Location.Line, Is.EqualTo(8));
    }

    [Test]
    public void Define_envvars_and_conditionals_decide_what_is_read()
    {
        using var tree = new TempTree();
        tree.Write("envvars", """
            if [ "${APACHE_CONFDIR##/etc/apache2-}" != "${APACHE_CONFDIR}" ] ; then
                SUFFIX="-${APACHE_CONFDIR##/etc/apache2-}"
            fi
            export APACHE_SITES=sites$SUFFIX
            export TLS_LIST='-all +TLSv1.2'
            """);
        tree.Write("apache2.conf", """
            Define PORT 443
            Listen ${PORT}
            Include ${APACHE_SITES}/*.conf
            <IfDefine !PORT>
                SSLProtocol all
            </IfDefine>
            <IfVersion >= 2.4.60>
                SSLProtocol ${TLS_LIST}
            </IfVersion>
            <IfVersion < 2.4.17>
                SSLProtocol all
            </IfVersion>
            <IfModule !mod_ssl.c>
                SSLProtocol all
            </IfModule>
            """);
        tree.Write("sites/www.conf", "<VirtualHost *:${PORT}>\n    ServerName www.test\n    SSLEngine on\n</VirtualHost>\n");

        var e = Load(tree).Endpoints.Single();

        Assert.That(e.Ports, Is.EqualTo(new[] { 443 }));
        Assert.That(e.Protocols.Value.Enabled, Is.EqualTo(TlsVersionSet.Of(TlsVersion.TlsV1_2)), "a variable's value is split into words");
        Assert.That(e.Protocols.Location.Line, Is.EqualTo(8));
    }

    [Test]
    public void Modules_are_known_once_the_tree_loads_any()
    {
        using var tree = new TempTree();
        tree.Write("apache2.conf", """
            LoadModule mpm_event_module /usr/lib/apache2/modules/mod_mpm_event.so
            IncludeOptional mods-enabled/*.load
            Listen 443
            <IfModule ssl_module>
                SSLEngine on
            </IfModule>
            <IfModule mod_headers.c>
                Header always set Strict-Transport-Security "max-age=63072000"
            </IfModule>
            """);
        tree.Write("mods-enabled/ssl.load", "LoadModule ssl_module /usr/lib/apache2/modules/mod_ssl.so\n");

        var e = Load(tree).Endpoints.Single();

        Assert.That(e.Mode.Value, Is.EqualTo(TlsMode.Implicit));
        Assert.That(e.Hsts, Is.Null, "mod_headers is not loaded");
    }

    [Test]
    public void Rhel_layout_with_an_absent_server_root_reads_the_copied_tree()
    {
        using var tree = new TempTree();
        tree.Write("httpd/conf/httpd.conf", """
            ServerRoot "/etc/httpd"
            Listen 80
            Include conf.modules.d/*.conf
            IncludeOptional conf.d/*.conf
            """);
        tree.Write("httpd/conf.modules.d/00-ssl.conf", "LoadModule ssl_module modules/mod_ssl.so\n");
        tree.Write("httpd/conf.d/ssl.conf", """
            Listen 443 https
            <VirtualHost _default_:443>
            SSLEngine on
            SSLProtocol all -SSLv2 -SSLv3
            </VirtualHost>
            """);

        var config = Load(tree, "httpd/conf/httpd.conf");

        Assert.That(config.Diagnostics, Is.Empty);
        var e = config.Endpoints.Single(x => x.Ports.Contains(443));
        Assert.That(e.Mode.Value, Is.EqualTo(TlsMode.Implicit));
        Assert.That(e.Protocols.Location.File.Path, Is.EqualTo("httpd/conf.d/ssl.conf"));
        Assert.That(config.Endpoints.Single(x => x.Name == "main server").Ports, Is.EqualTo(new[] { 80 }));
    }

    [Test]
    public void Upstream_layout_reads_extra_httpd_ssl_conf_relative_to_the_server_root()
    {
        using var tree = new TempTree();
        tree.Write("conf/httpd.conf", """
            Listen 80
            LoadModule ssl_module modules/mod_ssl.so
            <IfModule ssl_module>
            Include conf/extra/httpd-ssl.conf
            </IfModule>
            """);
        tree.Write("conf/extra/httpd-ssl.conf", """
            Listen 443
            SSLProtocol all -SSLv3
            SSLHonorCipherOrder on
            <VirtualHost _default_:443>
            SSLEngine on
            </VirtualHost>
            """);

        var e = Load(tree, "conf/httpd.conf").Endpoints.Single(x => x.Ports.Contains(443));

        Assert.That(e.ServerCipherPreference.Value, Is.True);
        Assert.That(e.ServerCipherPreference.Location.File.Path, Is.EqualTo("conf/extra/httpd-ssl.conf"));
    }

    [Test]
    public void Absolute_includes_resolve_under_the_given_root()
    {
        using var tree = new TempTree();
        tree.Write("etc/apache2/apache2.conf", "Listen 443\nInclude /etc/apache2/tls.conf\n");
        tree.Write("etc/apache2/tls.conf", "SSLEngine on\nSSLProtocol TLSv1.3\n");

        var e = Load(tree, "etc/apache2/apache2.conf", root: tree.Root).Endpoints.Single();

        Assert.That(e.Protocols.Value.Enabled, Is.EqualTo(TlsVersionSet.Of(TlsVersion.TlsV1_3)));
        Assert.That(e.Protocols.Location.File.Path, Is.EqualTo("etc/apache2/tls.conf"));
    }

    [Test]
    public void Wildcard_virtual_host_takes_every_listen_port()
    {
        using var tree = new TempTree();
        tree.Write("apache2.conf", "Listen 80\nListen 443\n<VirtualHost *>\nServerName any.test\n</VirtualHost>\n");

        var config = Load(tree);

        Assert.That(config.Endpoints.Single().Ports, Is.EqualTo(new[] { 80, 443 }));
    }

    [Test]
    public void Command_line_defines_work_like_httpd_D()
    {
        using var tree = new TempTree();
        tree.Write("apache2.conf", "<IfDefine SSL>\nSSLEngine on\n</IfDefine>\n");

        Assert.That(Load(tree).Endpoints.Single().Mode.Value, Is.EqualTo(TlsMode.None));
        Assert.That(Load(tree, defines: ["SSL"]).Endpoints.Single().Mode.Value, Is.EqualTo(TlsMode.Implicit));
    }

    [Test]
    public void A_suppression_above_a_virtual_host_covers_its_whole_block()
    {
        using var tree = new TempTree();
        tree.Write("apache2.conf", """
            Listen 443
            # tlslint ignore=TLS102 -- old clients until 2027
            <VirtualHost *:443>
                SSLEngine on
                SSLProtocol all -SSLv3
            </VirtualHost>
            """);

        var result = Linter.Run(new LintRequest { Paths = [tree.Root], Rules = [Rules.RuleCatalog.Find("TLS102")!], WorkingDirectory = tree.Root });

        Assert.That(result.Findings, Is.Empty);
        Assert.That(result.Suppressed.Single().Location.Line, Is.EqualTo(5));
    }

    [Test]
    public void File_directives_fill_certificates_chain_CA_and_DH_files()
    {
        using var tree = new TempTree();
        tree.Write("apache2.conf", """
            Listen 443
            SSLCACertificateFile /etc/ssl/main-ca.pem
            SSLCertificateChainFile /etc/ssl/chain.pem
            <VirtualHost *:443>
                ServerName combined.test
                SSLEngine on
                SSLCertificateFile /etc/ssl/rsa.pem
                SSLCertificateFile /etc/ssl/ecdsa-with-key.pem
                SSLCertificateKeyFile /etc/ssl/rsa.key
                SSLCACertificateFile /etc/ssl/clients-ca.pem
            </VirtualHost>
            """);

        var e = Load(tree).Endpoints.Single();

        Assert.That(e.Certificates.Select(c => (c.Certificate.Value, c.Key?.Value, c.Chain?.Value)), Is.EqualTo(new (string, string?, string?)[]
        {
            ("/etc/ssl/rsa.pem", "/etc/ssl/rsa.key", "/etc/ssl/chain.pem"),
            ("/etc/ssl/ecdsa-with-key.pem", null, "/etc/ssl/chain.pem"),
        }), "a certificate without a key file holds its key; the one chain file goes with every certificate");
        Assert.That(e.CaFiles.Select(c => (c.Value, c.Origin)), Is.EqualTo(new[] { ("/etc/ssl/clients-ca.pem", SettingOrigin.Explicit) }));
        Assert.That(e.DhParameters!.Value, Is.EqualTo("/etc/ssl/rsa.pem"), "mod_ssl reads DH parameters appended to the first certificate file");
        Assert.That(e.DhParameters.Name, Is.EqualTo("SSLCertificateFile"));
        Assert.That(EndpointFiles.Of(e).Select(f => (f.Setting.Value, f.Role)), Is.EqualTo(new[]
        {
            ("/etc/ssl/rsa.pem", FileRole.Certificate),
            ("/etc/ssl/rsa.key", FileRole.PrivateKey),
            ("/etc/ssl/chain.pem", FileRole.ChainCertificates),
            ("/etc/ssl/ecdsa-with-key.pem", FileRole.CertificateAndKey),
            ("/etc/ssl/clients-ca.pem", FileRole.CaCertificates),
        }), "the chain file once; the DH fallback is the certificate file, not listed twice");
    }

    [Test]
    public void Inherited_CA_file_and_the_DHParameters_command_win_over_the_certificate_file()
    {
        using var tree = new TempTree();
        tree.Write("apache2.conf", """
            Listen 443
            SSLCACertificateFile /etc/ssl/main-ca.pem
            SSLOpenSSLConfCmd DHParameters /etc/ssl/dh.pem
            SSLProxyCACertificateFile /etc/ssl/upstream-ca.pem
            <VirtualHost *:443>
                SSLEngine on
                SSLProxyEngine on
                SSLCertificateFile /etc/ssl/www.pem
            </VirtualHost>
            """);

        var config = Load(tree);
        var server = config.Endpoints.Single(x => x.Role == EndpointRole.Server);
        var proxy = config.Endpoints.Single(x => x.Role == EndpointRole.Client);

        Assert.That(server.CaFiles.Select(c => (c.Value, c.Origin)), Is.EqualTo(new[] { ("/etc/ssl/main-ca.pem", SettingOrigin.Inherited) }));
        Assert.That(server.DhParameters!.Value, Is.EqualTo("/etc/ssl/dh.pem"));
        Assert.That(server.DhParameters.Name, Is.EqualTo("SSLOpenSSLConfCmd"));
        Assert.That(proxy.CaFiles.Single().Value, Is.EqualTo("/etc/ssl/upstream-ca.pem"));
    }

    [Test]
    public void Relative_file_paths_open_from_the_server_root_with_and_without_a_root()
    {
        using var tree = new TempTree();
        tree.Write("etc/httpd/conf/httpd.conf", """
            ServerRoot "/etc/httpd"
            Listen 443
            SSLEngine on
            SSLCertificateFile ssl/www.pem
            SSLCACertificateFile /etc/pki/ca.pem
            """);

        // Without --root, /etc/httpd does not exist here, so ServerRoot stays the copied tree (conf/..).
        var copied = Load(tree, "etc/httpd/conf/httpd.conf");
        var rooted = Load(tree, "etc/httpd/conf/httpd.conf", root: tree.Root);
        var store = new TlsFileStore();
        var rootedStore = new TlsFileStore(tree.Root);

        Assert.That(copied.Endpoints.Single().Certificates.Single().Certificate.Value, Is.EqualTo("ssl/www.pem"));
        Assert.That(store.Resolve(copied, "ssl/www.pem"), Is.EqualTo(tree.PathOf("etc/httpd/ssl/www.pem")));
        Assert.That(rootedStore.Resolve(rooted, "ssl/www.pem"), Is.EqualTo(tree.PathOf("etc/httpd/ssl/www.pem")),
            "ServerRoot under --root is not mapped a second time");
        Assert.That(rootedStore.Resolve(rooted, "/etc/pki/ca.pem"), Is.EqualTo(tree.PathOf("etc/pki/ca.pem")));
    }
}
