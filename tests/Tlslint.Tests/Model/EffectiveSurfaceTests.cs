using Tlslint.Analysis;
using Tlslint.Files;
using Tlslint.Model;
using Tlslint.Rules;
using Tlslint.Tls;
using Tlslint.Tls.OpenSsl;

namespace Tlslint.Tests.Model;

/// <summary>
/// What a server can really negotiate beyond its cipher string: the key types of the certificates it serves, its DH
/// parameters, and which system <c>openssl.cnf</c> commands the product replaces (each case was checked against the
/// real daemon, see Live/LiveEngineTests).
/// </summary>
public sealed class EffectiveSurfaceTests
{
    private const string NginxRsa = "ssl_certificate /certs/rsa.crt; ssl_certificate_key /certs/rsa.key;";
    private const string NginxEc = "ssl_certificate /certs/ec.crt; ssl_certificate_key /certs/ec.key;";

    private const string Cnf = "openssl_conf = init\n[init]\nssl_conf = ssl\n[ssl]\nsystem_default = sys\n[sys]\n";

    private TempTree _tree = null!;

    [SetUp]
    public void CreateTree()
    {
        _tree = new TempTree();
        foreach (var (name, material) in new[] { ("rsa", "test-rsa2048"), ("ec", "test-ec256"), ("dsa", "test-dsa"), ("rsa1024", "test-rsa1024") })
        {
            _tree.Write($"certs/{name}.crt", File.ReadAllText(Material(material + ".crt")));
            _tree.Write($"certs/{name}.key", File.ReadAllText(Material(material + ".key")));
        }

        _tree.Write("certs/dh.pem", File.ReadAllText(Material("test-dh2048.pem")));
        _tree.Write("certs/dh1024.pem", File.ReadAllText(Material("test-dh1024.pem")));
        _tree.Write("certs/rsa-dh1024.crt", File.ReadAllText(_tree.PathOf("certs/rsa.crt")) + File.ReadAllText(Material("test-dh1024.pem")));

        // Postfix's chain files: key then certificate, twice in one file.
        _tree.Write("certs/both.pem", string.Concat(new[] { "rsa.key", "rsa.crt", "ec.key", "ec.crt" }
            .Select(f => File.ReadAllText(_tree.PathOf("certs/" + f)))));
    }

    [TearDown]
    public void DeleteTree() => _tree.Dispose();

    private static string Material(string name) => Path.Combine(TestPaths.Fixtures, "_material", name);

    private List<TlsEndpoint> Lint(string entry, Assumptions? assumptions = null)
    {
        var result = Linter.Run(new LintRequest
        {
            Paths = [_tree.PathOf(entry)],
            Rules = [],
            WorkingDirectory = _tree.Root,
            Root = _tree.Root,
            Assumptions = assumptions ?? Assumptions.Default,
        });
        Assert.That(result.Errors, Is.Empty);
        return result.Trees.SelectMany(t => t.Endpoints).ToList();
    }

    private EffectiveTls Nginx(string server, string? cnf = null)
    {
        _tree.Write("etc/nginx/nginx.conf", $"events {{}}\nhttp {{\n  server {{\n    listen 443 ssl;\n    {server}\n  }}\n}}\n");
        if (cnf is not null)
        {
            _tree.Write("etc/ssl/openssl.cnf", Cnf + cnf);
        }

        return Lint("etc/nginx/nginx.conf").Single().Effective!;
    }

    private EffectiveTls Postfix(string main, string? cnf = null, Assumptions? assumptions = null, string service = "smtp/inet")
    {
        _tree.Write("etc/postfix/main.cf", "smtpd_tls_security_level = may\n" + main);
        _tree.Write("etc/postfix/master.cf", "smtp inet n - y - - smtpd\nsmtp unix - - y - - smtp\n");
        if (cnf is not null)
        {
            _tree.Write("etc/ssl/openssl.cnf", Cnf + cnf);
        }

        return Lint("etc/postfix", assumptions).Single(e => e.Name == service).Effective!;
    }

    private EffectiveTls Dovecot(string conf, string? cnf = null)
    {
        _tree.Write("etc/dovecot/dovecot.conf", "protocols = imap\nssl = required\n" + conf);
        if (cnf is not null)
        {
            _tree.Write("etc/ssl/openssl.cnf", Cnf + cnf);
        }

        return Lint("etc/dovecot/dovecot.conf").First(e => e.Role == EndpointRole.Server).Effective!;
    }

    private EffectiveTls Apache(string vhost, string? cnf = null)
    {
        _tree.Write("etc/apache2/apache2.conf", $"Listen 443\n<VirtualHost *:443>\nSSLEngine on\n{vhost}\n</VirtualHost>\n");
        if (cnf is not null)
        {
            _tree.Write("etc/ssl/openssl.cnf", Cnf + cnf);
        }

        return Lint("etc/apache2/apache2.conf").Single(e => e.Role == EndpointRole.Server).Effective!;
    }

    private static IEnumerable<string> Names(IEnumerable<CipherSuite> suites) => suites.Select(s => s.Name);

    private static bool HasAuth(EffectiveTls eff, Authentication auth) => eff.Negotiable.Any(s => s.Authentication == auth);

    [Test]
    public void An_rsa_only_server_cannot_negotiate_ecdsa_suites()
    {
        var eff = Nginx(NginxRsa + " ssl_protocols TLSv1.2 TLSv1.3;");
        Assert.Multiple(() =>
        {
            Assert.That(eff.KeyTypesUnknown, Is.Null);
            Assert.That(eff.ServedKeys.Select(k => k.Key!.Algorithm), Is.EqualTo(new[] { KeyAlgorithm.Rsa }));
            Assert.That(HasAuth(eff, Authentication.Ecdsa), Is.False);
            Assert.That(Names(eff.Negotiable), Does.Contain("ECDHE-RSA-AES128-GCM-SHA256").And.Contain("AES128-GCM-SHA256"));
            Assert.That(eff.AllowedAtLevel.Any(s => s.Authentication == Authentication.Ecdsa), "the level alone allows them");
            Assert.That(eff.Dropped.Select(d => d.Reason), Has.Some.Contains("ECDSA").And.Some.Contains("RSA only"));
            Assert.That(eff.Negotiable.Count(s => s.IsTls13), Is.EqualTo(3), "TLS 1.3 does not depend on the key type");
        });
    }

    [Test]
    public void An_ec_only_server_cannot_negotiate_rsa_suites_and_keeps_tls13()
    {
        var eff = Nginx(NginxEc + " ssl_protocols TLSv1.2 TLSv1.3;");
        Assert.That(HasAuth(eff, Authentication.Rsa), Is.False);
        Assert.That(Names(eff.Negotiable), Does.Contain("ECDHE-ECDSA-AES128-GCM-SHA256"));
        Assert.That(eff.Protocols, Is.EqualTo(TlsVersionSet.Of(TlsVersion.TlsV1_2, TlsVersion.TlsV1_3)));
    }

    [Test]
    public void Two_certificates_serve_both_authentications()
    {
        var eff = Nginx(NginxRsa + " " + NginxEc);
        Assert.That(HasAuth(eff, Authentication.Rsa) && HasAuth(eff, Authentication.Ecdsa));
        Assert.That(eff.ServedKeys, Has.Count.EqualTo(2));
    }

    [Test]
    public void A_cipher_string_only_the_other_key_type_can_serve_leaves_no_tls12()
    {
        var eff = Nginx(NginxRsa + " ssl_protocols TLSv1.2 TLSv1.3; ssl_ciphers ECDHE-ECDSA-AES128-GCM-SHA256;");
        Assert.That(eff.Protocols, Is.EqualTo(TlsVersionSet.Of(TlsVersion.TlsV1_3)));
        var limit = eff.Limits.Single();
        Assert.That(limit.Version, Is.EqualTo(TlsVersion.TlsV1_2));
        Assert.That(limit.Reason, Does.Contain("ECDSA").And.Contain("RSA only"));
        Assert.That(eff.Intent.Ciphers.Select(s => s.Name), Is.EqualTo(new[] { "ECDHE-ECDSA-AES128-GCM-SHA256" }), "intent is not filtered");
    }

    [Test]
    public void A_dsa_only_server_has_no_tls13_and_needs_dh_for_its_only_suites()
    {
        var eff = Nginx("ssl_certificate /certs/dsa.crt; ssl_certificate_key /certs/dsa.key; ssl_protocols TLSv1.2 TLSv1.3; ssl_ciphers ALL;");
        Assert.That(eff.Protocols.IsEmpty, "DHE-DSS needs DH parameters, TLS 1.3 cannot sign with DSA");
        Assert.That(eff.Limits.Single(l => l.Version == TlsVersion.TlsV1_3).Reason, Does.Contain("TLS 1.3 needs"));

        var withDh = Nginx("ssl_certificate /certs/dsa.crt; ssl_certificate_key /certs/dsa.key; ssl_protocols TLSv1.2 TLSv1.3; ssl_ciphers ALL; ssl_dhparam /certs/dh.pem;");
        Assert.That(withDh.Protocols, Is.EqualTo(TlsVersionSet.Of(TlsVersion.TlsV1_2)));
        Assert.That(withDh.Negotiable.All(s => s.Authentication == Authentication.Dss));
    }

    [Test]
    public void A_certificate_that_cannot_be_read_leaves_the_list_unfiltered_and_says_why()
    {
        var eff = Nginx("ssl_certificate /certs/missing.crt; ssl_certificate_key /certs/missing.key;");
        Assert.That(eff.KeyTypesUnknown, Does.Contain("/certs/missing.crt").And.Contain("does not exist"));
        Assert.That(HasAuth(eff, Authentication.Rsa) && HasAuth(eff, Authentication.Ecdsa));
        Assert.That(eff.ServedKeys.Single().Problem, Does.Contain("does not exist"));
    }

    [Test]
    public void A_file_without_a_certificate_leaves_the_list_unfiltered()
    {
        var eff = Nginx("ssl_certificate /certs/rsa.key; ssl_certificate_key /certs/rsa.key;");
        Assert.That(eff.KeyTypesUnknown, Does.Contain("holds no certificate"));
        Assert.That(HasAuth(eff, Authentication.Ecdsa));
    }

    [Test]
    public void Nginx_without_ssl_dhparam_negotiates_no_dhe_suite_and_with_it_does()
    {
        var without = Nginx(NginxRsa);
        Assert.That(without.Negotiable.Any(s => s.KeyExchange == KeyExchange.Dhe), Is.False);
        Assert.That(without.Dropped.Select(d => d.Reason), Has.Some.Contains("ssl_dhparam"));

        var with = Nginx(NginxRsa + " ssl_dhparam /certs/dh.pem;");
        Assert.That(Names(with.Negotiable), Does.Contain("DHE-RSA-AES128-GCM-SHA256"));
    }

    [Test]
    public void Dovecot_without_ssl_dh_negotiates_no_dhe_suite_and_its_alt_cert_adds_ecdsa()
    {
        var eff = Dovecot("ssl_cert = </certs/rsa.crt\nssl_key = </certs/rsa.key\nssl_alt_cert = </certs/ec.crt\nssl_alt_key = </certs/ec.key\n");
        Assert.That(eff.Negotiable.Any(s => s.KeyExchange == KeyExchange.Dhe), Is.False);
        Assert.That(eff.Dropped.Select(d => d.Reason), Has.Some.Contains("ssl_dh").And.Some.Contains("prefers a DHE suite"));
        Assert.That(HasAuth(eff, Authentication.Ecdsa) && HasAuth(eff, Authentication.Rsa));

        var withDh = Dovecot("ssl_cert = </certs/rsa.crt\nssl_key = </certs/rsa.key\nssl_dh = </certs/dh.pem\n");
        Assert.That(Names(withDh.Negotiable), Does.Contain("DHE-RSA-AES128-GCM-SHA256"));
        Assert.That(HasAuth(withDh, Authentication.Ecdsa), Is.False);
    }

    [Test]
    public void Apache_negotiates_dhe_without_parameters_and_serves_every_certificate_it_is_given()
    {
        var eff = Apache("SSLCertificateFile /certs/rsa.crt\nSSLCertificateKeyFile /certs/rsa.key\nSSLCertificateFile /certs/ec.crt\nSSLCertificateKeyFile /certs/ec.key");
        Assert.That(Names(eff.Negotiable), Does.Contain("DHE-RSA-AES128-GCM-SHA256").And.Contain("ECDHE-ECDSA-AES128-GCM-SHA256"));
        Assert.That(eff.ServedKeys.Select(k => k.Kind), Is.EqualTo(new[] { "certificate 1", "certificate 2" }));
    }

    [Test]
    public void Postfix_keeps_dhe_with_its_built_in_parameters_and_reads_its_ec_certificate()
    {
        var eff = Postfix("smtpd_tls_cert_file = /certs/rsa.crt\nsmtpd_tls_key_file = /certs/rsa.key\nsmtpd_tls_eccert_file = /certs/ec.crt\nsmtpd_tls_eckey_file = /certs/ec.key\n");
        Assert.That(Names(eff.Negotiable), Does.Contain("DHE-RSA-AES128-GCM-SHA256").And.Contain("ECDHE-ECDSA-AES128-GCM-SHA256")
            .And.Contain("ADH-AES128-GCM-SHA256"));
        Assert.That(eff.Dropped.Any(d => d.Removed.Any(s => s.Authentication is Authentication.Rsa or Authentication.Ecdsa)), Is.False);
    }

    [Test]
    public void Postfix_chain_files_with_two_keys_serve_both_key_types()
    {
        var eff = Postfix("smtpd_tls_chain_files = /certs/both.pem\n");
        Assert.That(eff.ServedKeys.Select(k => k.Key!.Algorithm), Is.EqualTo(new[] { KeyAlgorithm.Rsa, KeyAlgorithm.Ec }));
        Assert.That(HasAuth(eff, Authentication.Rsa) && HasAuth(eff, Authentication.Ecdsa));
    }

    [Test]
    public void Postfix_with_an_ec_certificate_only_drops_rsa_suites_but_keeps_anonymous_ones()
    {
        var eff = Postfix("smtpd_tls_cert_file =\nsmtpd_tls_eccert_file = /certs/ec.crt\nsmtpd_tls_eckey_file = /certs/ec.key\n");
        Assert.That(HasAuth(eff, Authentication.Rsa), Is.False);
        Assert.That(HasAuth(eff, Authentication.Null) && HasAuth(eff, Authentication.Ecdsa));
    }

    [Test]
    public void Postfix_without_any_certificate_negotiates_anonymous_suites_only_and_no_tls13()
    {
        var eff = Postfix("smtpd_tls_cert_file = none\n");
        Assert.That(eff.Negotiable.All(s => s.Authentication == Authentication.Null), Is.True);
        Assert.That(eff.Negotiable, Is.Not.Empty);
        Assert.That(eff.Protocols.Contains(TlsVersion.TlsV1_3), Is.False);
        Assert.That(eff.Limits.Single(l => l.Version == TlsVersion.TlsV1_3).Reason, Does.Contain("smtpd_tls_cert_file = none"));
    }

    [Test]
    public void A_client_is_not_filtered_by_its_own_certificate()
    {
        var eff = Postfix("smtp_tls_security_level = may\nsmtp_tls_cert_file = /certs/rsa.crt\nsmtp_tls_key_file = /certs/rsa.key\n", service: "smtp/unix");
        Assert.That(eff.ServedKeys, Is.Empty);
        Assert.That(eff.KeyTypesUnknown, Is.Null);
        Assert.That(eff.Dropped, Is.Empty);
        Assert.That(HasAuth(eff, Authentication.Ecdsa));
    }

    [Test]
    public void Without_a_file_store_the_list_is_not_filtered()
    {
        var endpoint = new TlsEndpoint
        {
            Name = "vhost",
            Product = Product.Nginx,
            Role = EndpointRole.Server,
            Ports = [443],
            Anchor = default,
            Mode = Setting(TlsMode.Implicit),
            Protocols = Setting(ProtocolSelection.Valid(TlsVersionSet.Of(TlsVersion.TlsV1_2), "TLSv1.2 TLSv1.3")),
            Ciphers = Setting(CipherSelection.FromString("HIGH")),
            ServerCipherPreference = Setting(false),
            Certificates = [new CertificateReference(Setting("/certs/rsa.crt"), null, "server")],
        };
        var eff = EffectiveTlsResolver.Compute(endpoint, Assumptions.Default, null);
        Assert.That(eff.KeyTypesUnknown, Does.Contain("not read"));
        Assert.That(eff.Negotiable, Is.EqualTo(eff.AllowedAtLevel));
    }

    [Test]
    public void A_rule_still_judges_the_intent_and_says_the_certificate_keeps_the_suites_out_today()
    {
        _tree.Write("etc/nginx/nginx.conf", $"events {{}}\nhttp {{\n  server {{\n    listen 443 ssl;\n    {NginxEc}\n    ssl_protocols TLSv1.2 TLSv1.3;\n  }}\n}}\n");
        var result = Linter.Run(new LintRequest
        {
            Paths = [_tree.PathOf("etc/nginx/nginx.conf")],
            Rules = RuleCatalog.All,
            Select = ["TLS205"],
            WorkingDirectory = _tree.Root,
            Root = _tree.Root,
        });
        var finding = result.Findings.Single();
        Assert.That(finding.Rule.Id, Is.EqualTo("TLS205"), "static-RSA suites are still asked for");
        Assert.That(finding.Message, Does.Contain("cannot negotiate them today").And.Contain("RSA certificate"));
    }

    // A key or DH group below the security level (live: Live/LiveEngineTests).

    [Test]
    public void A_certificate_key_below_the_level_keeps_nginx_from_starting_so_no_server_of_it_serves()
    {
        _tree.Write("etc/nginx/nginx.conf", "events {}\nhttp {\n  server {\n    listen 443 ssl;\n    ssl_certificate /certs/rsa1024.crt; ssl_certificate_key /certs/rsa1024.key;\n  }\n"
            + $"  server {{\n    listen 8443 ssl;\n    {NginxRsa}\n  }}\n}}\n");
        var endpoints = Lint("etc/nginx/nginx.conf");
        var weak = endpoints.Single(e => e.Ports.Contains(443)).Effective!;
        var other = endpoints.Single(e => e.Ports.Contains(8443)).Effective!;
        Assert.Multiple(() =>
        {
            Assert.That(weak.Failure, Does.Contain("RSA 1024-bit").And.Contain("security level 2").And.EndWith("nginx does not start"));
            Assert.That(weak.StopsServer && other.StopsServer);
            Assert.That(weak.Protocols.IsEmpty && other.Protocols.IsEmpty && other.Negotiable.Count == 0);
            Assert.That(other.Failure, Does.Contain("(in the server on port 443)"));
            Assert.That(weak.Rejection, Is.Null, "the cipher string itself is fine: the cipher rules keep judging it");
        });
    }

    [Test]
    public void A_seclevel_0_in_the_cipher_string_lets_a_small_key_load()
    {
        var eff = Nginx("ssl_certificate /certs/rsa1024.crt; ssl_certificate_key /certs/rsa1024.key; ssl_ciphers DEFAULT:@SECLEVEL=0;");
        Assert.That(eff.Failure, Is.Null);
        Assert.That(eff.Protocols.Contains(TlsVersion.TlsV1_2));
    }

    [Test]
    public void A_dh_file_below_the_level_stops_nginx_and_fails_dovecot_handshakes()
    {
        Assert.That(Nginx(NginxRsa + " ssl_dhparam /certs/dh1024.pem;").Failure, Does.Contain("1024-bit DH group").And.EndWith("nginx does not start"));
        var dovecot = Dovecot("ssl_cert = </certs/rsa.crt\nssl_key = </certs/rsa.key\nssl_dh = </certs/dh1024.pem\n");
        Assert.That(dovecot.Failure, Does.Contain("every handshake fails"));
        Assert.That(dovecot.StopsServer, Is.False);
        Assert.That(dovecot.Protocols.IsEmpty);
    }

    [Test]
    public void Httpd_drops_small_dh_parameters_appended_to_the_certificate_but_not_a_small_certificate()
    {
        var appended = Apache("SSLCertificateFile /certs/rsa-dh1024.crt\nSSLCertificateKeyFile /certs/rsa.key");
        Assert.That(appended.Failure, Is.Null);
        Assert.That(Names(appended.Negotiable), Does.Contain("DHE-RSA-AES128-GCM-SHA256"));

        var small = Apache("SSLCertificateFile /certs/rsa1024.crt\nSSLCertificateKeyFile /certs/rsa1024.key");
        Assert.That(small.Failure, Does.EndWith("httpd does not start"));
    }

    [Test]
    public void Postfix_runs_at_level_0_so_a_small_key_loads()
    {
        var eff = Postfix("smtpd_tls_cert_file = /certs/rsa1024.crt\nsmtpd_tls_key_file = /certs/rsa1024.key\n");
        Assert.That(eff.Failure, Is.Null);
        Assert.That(eff.Protocols.Contains(TlsVersion.TlsV1_2));
    }

    // The system openssl.cnf: which commands reach each product (live: Live/LiveEngineTests).

    [Test]
    public void Nginx_replaces_the_system_protocol_bounds()
    {
        var eff = Nginx(NginxRsa + " ssl_protocols TLSv1.2 TLSv1.3;", "MinProtocol = TLSv1.3\nMaxProtocol = TLSv1.2\n");
        Assert.That(eff.Protocols, Is.EqualTo(TlsVersionSet.Of(TlsVersion.TlsV1_2, TlsVersion.TlsV1_3)));
        Assert.That(eff.IgnoredSystemSettings.Select(i => i.Command), Is.EqualTo(new[] { "MinProtocol = TLSv1.3", "MaxProtocol = TLSv1.2" }));
        Assert.That(eff.IgnoredSystemSettings[0].Reason, Does.Contain("nginx resets both bounds"));
    }

    [Test]
    public void Apache_replaces_the_system_protocol_bounds()
    {
        var eff = Apache("SSLCertificateFile /certs/rsa.crt\nSSLCertificateKeyFile /certs/rsa.key\nSSLProtocol -all +TLSv1.2 +TLSv1.3", "MinProtocol = TLSv1.3\n");
        Assert.That(eff.Protocols, Is.EqualTo(TlsVersionSet.Of(TlsVersion.TlsV1_2, TlsVersion.TlsV1_3)));
        Assert.That(eff.IgnoredSystemSettings.Single().Reason, Does.Contain("SSLProtocol"));
    }

    [Test]
    public void Dovecot_replaces_the_system_minimum_but_keeps_its_maximum()
    {
        var eff = Dovecot("ssl_cert = </certs/rsa.crt\nssl_key = </certs/rsa.key\n", "MinProtocol = TLSv1.3\nMaxProtocol = TLSv1.2\n");
        Assert.That(eff.Protocols, Is.EqualTo(TlsVersionSet.Of(TlsVersion.TlsV1_2)));
        Assert.That(eff.Limits.Single().Reason, Does.Contain("MaxProtocol = TLSv1.2"));
        Assert.That(eff.IgnoredSystemSettings.Single().Command, Is.EqualTo("MinProtocol = TLSv1.3"));
    }

    [Test]
    public void Dovecot_with_a_system_maximum_below_its_own_minimum_negotiates_nothing()
    {
        var eff = Dovecot("ssl_cert = </certs/rsa.crt\nssl_key = </certs/rsa.key\n", "MaxProtocol = TLSv1.1\nCipherString = DEFAULT@SECLEVEL=0\n");
        Assert.That(eff.Protocols.IsEmpty);
        Assert.That(eff.SecurityLevel, Is.Zero, "the system string's @SECLEVEL survives Dovecot's own list");
    }

    [Test]
    public void Postfix_3_6_and_later_replace_the_system_protocol_bounds_and_earlier_ones_do_not()
    {
        const string main = "smtpd_tls_cert_file = /certs/rsa.crt\nsmtpd_tls_key_file = /certs/rsa.key\n";
        var eff = Postfix(main, "MinProtocol = TLSv1.3\n");
        Assert.That(eff.Protocols, Is.EqualTo(TlsVersionSet.Range(TlsVersion.TlsV1_0, TlsVersion.TlsV1_3)), "Postfix runs at level 0 and sets its own floor");
        Assert.That(eff.IgnoredSystemSettings.Single().Reason, Does.Contain("Postfix 3.7.11 sets both bounds"));

        var level = Postfix(main, "CipherString = DEFAULT@SECLEVEL=3\n");
        Assert.That(level.SecurityLevel, Is.Zero);
        Assert.That(level.IgnoredSystemSettings.Single().Reason, Does.Contain("its own security level"));

        var old = Assumptions.Default.With(Product.Postfix, new AssumedVersion(new ProductVersion(3, 5, 0), "--assume", true));
        var before = Postfix(main, "MinProtocol = TLSv1.3\n", old);
        Assert.That(before.Protocols, Is.EqualTo(TlsVersionSet.Of(TlsVersion.TlsV1_3)));
        Assert.That(before.IgnoredSystemSettings, Is.Empty);
    }

    [Test]
    public void The_system_tls13_list_applies_unless_the_server_sets_its_own()
    {
        const string cert = "SSLCertificateFile /certs/rsa.crt\nSSLCertificateKeyFile /certs/rsa.key";
        var system = Apache(cert, "Ciphersuites = TLS_CHACHA20_POLY1305_SHA256\n");
        Assert.That(Names(system.Negotiable.Where(s => s.IsTls13)), Is.EqualTo(new[] { "TLS_CHACHA20_POLY1305_SHA256" }));
        Assert.That(system.IgnoredSystemSettings, Is.Empty);

        var own = Apache(cert + "\nSSLCipherSuite TLSv1.3 TLS_AES_128_GCM_SHA256", "Ciphersuites = TLS_CHACHA20_POLY1305_SHA256\n");
        Assert.That(Names(own.Negotiable.Where(s => s.IsTls13)), Is.EqualTo(new[] { "TLS_AES_128_GCM_SHA256" }));
        Assert.That(own.IgnoredSystemSettings.Single().Command, Does.StartWith("Ciphersuites"));
    }

    [Test]
    public void The_system_cipher_list_is_replaced_by_every_product_but_its_security_level_stays()
    {
        var eff = Nginx(NginxRsa + " ssl_protocols TLSv1 TLSv1.2;", "CipherString = ECDHE-RSA-AES128-GCM-SHA256:@SECLEVEL=0\n");
        Assert.That(eff.SecurityLevel, Is.Zero);
        Assert.That(eff.Protocols.Contains(TlsVersion.TlsV1_0));
        Assert.That(eff.Negotiable.Count(s => !s.IsTls13), Is.GreaterThan(1), "nginx's own list replaces the system one");
        Assert.That(eff.IgnoredSystemSettings.Single().Command, Does.StartWith("CipherString"));
    }

    [Test]
    public void An_assumed_openssl_older_than_3_is_marked_as_not_modelled()
    {
        var assumptions = Assumptions.Default with { OpenSsl = new AssumedVersion(new ProductVersion(1, 1, 1), "--assume", true) };
        _tree.Write("etc/nginx/nginx.conf", $"events {{}}\nhttp {{\n  server {{\n    listen 443 ssl;\n    {NginxRsa}\n  }}\n}}\n");
        var eff = Lint("etc/nginx/nginx.conf", assumptions).Single().Effective!;
        Assert.That(eff.NotModelled, Does.Contain("OpenSSL 3.0 only").And.Contain("1.1.1"));
        Assert.That(Lint("etc/nginx/nginx.conf").Single().Effective!.NotModelled, Is.Null);
    }

    private static Setting<T> Setting<T>(T value) => new(value, SettingOrigin.Explicit, default, "x", value?.ToString() ?? string.Empty);
}
