using Tlslint.Analysis;
using Tlslint.Model;
using Tlslint.Tls;

namespace Tlslint.Tests.Model;

/// <summary>Endpoints and their effective settings from a main.cf and master.cf on disk (formats.md §1.8, §1.9, §2.4, §2.5).</summary>
public sealed class PostfixResolverTests
{
    private TempTree _tree = null!;

    [SetUp]
    public void CreateTree() => _tree = new TempTree();

    [TearDown]
    public void DeleteTree() => _tree.Dispose();

    private ConfigTree Resolve(string? main, string? master, Assumptions? assumptions = null)
    {
        if (main is not null)
        {
            _tree.Write("main.cf", main);
        }

        if (master is not null)
        {
            _tree.Write("master.cf", master);
        }

        var result = Linter.Run(new LintRequest
        {
            Paths = [_tree.Root],
            Rules = [],
            WorkingDirectory = _tree.Root,
            Assumptions = assumptions ?? Assumptions.Default,
        });
        Assert.That(result.Errors, Is.Empty);
        Assert.That(result.Trees, Has.Count.EqualTo(1));
        return result.Trees[0];
    }

    private static TlsEndpoint Endpoint(ConfigTree tree, string name) =>
        tree.Endpoints.SingleOrDefault(e => e.Name == name)
        ?? throw new AssertionException($"no endpoint {name}; have {string.Join(", ", tree.Endpoints.Select(e => e.Name))}");

    private static Assumptions Postfix(string version) =>
        Assumptions.Default.With(Product.Postfix, new AssumedVersion(ProductVersion.Parse(version), "test", true));

    private const string Services =
        "smtp inet n - y - - smtpd\n" +
        "submission inet n - y - - smtpd\n" +
        "smtps inet n - y - - smtpd\n" +
        "submissions inet n - y - - smtpd\n" +
        "127.0.0.1:10025 inet n - n - - smtpd\n" +
        "[::1]:2525 inet n - n - - smtpd\n" +
        "smtpd pass - - y - - smtpd\n" +
        "pickup unix n - y 60 1 pickup\n" +
        "smtp unix - - y - - smtp\n" +
        "relay unix - - y - - smtp\n" +
        "lmtp unix - - y - - lmtp\n";

    [Test]
    public void One_server_endpoint_per_smtpd_inet_service_with_its_port()
    {
        var tree = Resolve("smtpd_tls_security_level = may\n", Services);

        var servers = tree.Endpoints.Where(e => e.Role == EndpointRole.Server)
            .Select(e => $"{e.Name} {e.Address ?? "*"} {string.Join(",", e.Ports)}");
        Assert.That(servers, Is.EqualTo(new[]
        {
            "smtp/inet * 25",
            "submission/inet * 587",
            "smtps/inet * 465",
            "submissions/inet * 465",
            "127.0.0.1:10025/inet 127.0.0.1 10025",
            "[::1]:2525/inet [::1] 2525",
        }));
    }

    [Test]
    public void Client_endpoints_for_smtp_and_lmtp_services()
    {
        var tree = Resolve("smtp_tls_security_level = may\n", Services);

        var clients = tree.Endpoints.Where(e => e.Role == EndpointRole.Client).ToList();
        Assert.That(clients.Select(e => e.Name), Is.EqualTo(new[] { "smtp/unix", "relay/unix", "lmtp/unix" }));
        Assert.That(clients.All(c => c.Ports.Count == 0), Is.True);
        Assert.That(Endpoint(tree, "smtp/unix").Mode.Value, Is.EqualTo(TlsMode.StartTlsOptional));
        Assert.That(Endpoint(tree, "lmtp/unix").Mode.Value, Is.EqualTo(TlsMode.None), "lmtp reads lmtp_tls_security_level");
    }

    [Test]
    public void Override_wins_over_main_cf_which_wins_over_the_default()
    {
        var tree = Resolve(
            "smtpd_tls_security_level = may\n" +
            "smtpd_tls_ciphers = high\n",
            "smtp inet n - y - - smtpd\n" +
            "submission inet n - y - - smtpd\n" +
            "  -o smtpd_tls_security_level=encrypt\n");

        var submission = Endpoint(tree, "submission/inet");
        Assert.That(submission.Mode.Value, Is.EqualTo(TlsMode.StartTlsRequired));
        Assert.That(submission.Mode.Origin, Is.EqualTo(SettingOrigin.Explicit));
        Assert.That(submission.Mode.Location.File.Path, Is.EqualTo("master.cf"));
        Assert.That(submission.Mode.Location.Line, Is.EqualTo(3));

        var smtp = Endpoint(tree, "smtp/inet");
        Assert.That(smtp.Mode.Value, Is.EqualTo(TlsMode.StartTlsOptional));
        Assert.That(smtp.Mode.Origin, Is.EqualTo(SettingOrigin.Inherited));
        Assert.That(smtp.Mode.Location.File.Path, Is.EqualTo("main.cf"));
        Assert.That(smtp.Mode.Location.Line, Is.EqualTo(1));
        Assert.That(smtp.Ciphers.Value.Grade, Is.EqualTo("high"));
        Assert.That(smtp.Ciphers.Origin, Is.EqualTo(SettingOrigin.Inherited));
        Assert.That(smtp.Ciphers.Location.Line, Is.EqualTo(2));

        var protocols = submission.Protocols;
        Assert.That(protocols.Name, Is.EqualTo("smtpd_tls_mandatory_protocols"));
        Assert.That(protocols.Origin, Is.EqualTo(SettingOrigin.Default));
        Assert.That(protocols.Location.File.Path, Is.EqualTo("master.cf"));
        Assert.That(protocols.Location.Line, Is.EqualTo(2), "a default points at the service line");
        Assert.That(protocols.DefaultFor, Is.EqualTo(new ProductVersion(3, 7, 11)));
        Assert.That(protocols.RawText, Is.EqualTo(">=TLSv1"));
    }

    [Test]
    public void Last_duplicate_override_wins()
    {
        var tree = Resolve("smtpd_tls_security_level = may\n",
            "s2 inet n - y - - smtpd -o smtpd_tls_auth_only=yes -o smtpd_tls_auth_only=no -o smtpd_sasl_auth_enable=yes\n");

        var s2 = Endpoint(tree, "s2/inet");
        Assert.That(s2.Settings["smtpd_tls_auth_only"].Value, Is.EqualTo("no"));
        Assert.That(s2.AuthBeforeTls!.Value, Is.True);
    }

    [Test]
    public void Last_main_cf_definition_wins()
    {
        var tree = Resolve("smtpd_tls_security_level = encrypt\nsmtpd_tls_security_level = may\n", null);

        var smtp = Endpoint(tree, "smtp/inet");
        Assert.That(smtp.Mode.Value, Is.EqualTo(TlsMode.StartTlsOptional));
        Assert.That(smtp.Mode.Location.Line, Is.EqualTo(2));
        Assert.That(tree.Directives.Count(d => d.Name == "smtpd_tls_security_level"), Is.EqualTo(2));
    }

    [TestCase("-o smtpd_tls_security_level=none -o smtpd_use_tls=yes", TlsMode.None)]
    [TestCase("-o smtpd_tls_security_level= -o smtpd_use_tls=yes", TlsMode.StartTlsOptional)]
    [TestCase("-o smtpd_use_tls=yes", TlsMode.StartTlsOptional)]
    [TestCase("-o smtpd_enforce_tls=yes", TlsMode.StartTlsRequired)]
    [TestCase("-o smtpd_tls_security_level=may -o smtpd_enforce_tls=yes", TlsMode.StartTlsOptional)]
    [TestCase("-o smtpd_tls_security_level=encrypt", TlsMode.StartTlsRequired)]
    [TestCase("-o smtpd_tls_security_level=verify", TlsMode.StartTlsRequired)]
    [TestCase("-o smtpd_tls_security_level=MAY", TlsMode.StartTlsOptional)]
    [TestCase("", TlsMode.None)]
    public void Security_level_takes_precedence_over_the_legacy_booleans(string options, TlsMode expected)
    {
        var tree = Resolve(string.Empty, $"s inet n - y - - smtpd {options}\n");

        Assert.That(Endpoint(tree, "s/inet").Mode.Value, Is.EqualTo(expected));
    }

    [Test]
    public void Invalid_security_level_is_reported()
    {
        var tree = Resolve("smtpd_tls_security_level = optional\n", null);

        Assert.That(Endpoint(tree, "smtp/inet").Mode.Value, Is.EqualTo(TlsMode.None));
        var d = tree.Diagnostics.Single(x => x.Message.Contains("optional"));
        Assert.That(d.Location.Line, Is.EqualTo(1));
    }

    [Test]
    public void Wrapper_mode_is_implicit_tls_and_uses_the_mandatory_list_even_with_level_none()
    {
        // formats.md §1.11 case 13
        var tree = Resolve(
            "smtpd_tls_protocols = >=TLSv1\n" +
            "smtpd_tls_mandatory_protocols = >=TLSv1.2\n" +
            "smtpd_tls_ciphers = medium\n" +
            "smtpd_tls_mandatory_ciphers = high\n",
            "submissions inet n - y - - smtpd\n" +
            "  -o smtpd_tls_wrappermode=yes\n" +
            "  -o smtpd_tls_security_level=none\n");

        var e = Endpoint(tree, "submissions/inet");
        Assert.That(e.Mode.Value, Is.EqualTo(TlsMode.Implicit));
        Assert.That(e.Mode.Location.Line, Is.EqualTo(2));
        Assert.That(e.Protocols.Name, Is.EqualTo("smtpd_tls_mandatory_protocols"));
        Assert.That(e.Protocols.Value.Enabled, Is.EqualTo(TlsVersionSet.Range(TlsVersion.TlsV1_2, TlsVersion.TlsV1_3)));
        Assert.That(e.Ciphers.Value.Grade, Is.EqualTo("high"));
    }

    [Test]
    public void Opportunistic_tls_uses_the_general_protocol_list()
    {
        var tree = Resolve("smtpd_tls_security_level = may\nsmtpd_tls_protocols = >=TLSv1.1\nsmtpd_tls_mandatory_protocols = >=TLSv1.3\n", null);

        var e = Endpoint(tree, "smtp/inet");
        Assert.That(e.Protocols.Name, Is.EqualTo("smtpd_tls_protocols"));
        Assert.That(e.Protocols.Value.Enabled, Is.EqualTo(TlsVersionSet.Range(TlsVersion.TlsV1_1, TlsVersion.TlsV1_3)));
    }

    [Test]
    public void Override_value_is_expanded_against_main_cf()
    {
        var tree = Resolve("sub_level = encrypt\n",
            "submission inet n - y - - smtpd -o smtpd_tls_security_level=$sub_level\n");

        var e = Endpoint(tree, "submission/inet");
        Assert.That(e.Mode.Value, Is.EqualTo(TlsMode.StartTlsRequired));
        Assert.That(e.Mode.RawText, Is.EqualTo("$sub_level"));
        Assert.That(e.Mode.Origin, Is.EqualTo(SettingOrigin.Explicit));
    }

    [Test]
    public void Main_cf_reference_sees_the_override_of_its_service()
    {
        var tree = Resolve(
            "my_level = may\n" +
            "smtpd_tls_security_level = $my_level\n",
            "smtp inet n - y - - smtpd\n" +
            "submission inet n - y - - smtpd -o my_level=encrypt\n");

        Assert.That(Endpoint(tree, "smtp/inet").Mode.Value, Is.EqualTo(TlsMode.StartTlsOptional));
        Assert.That(Endpoint(tree, "submission/inet").Mode.Value, Is.EqualTo(TlsMode.StartTlsRequired));
    }

    [Test]
    public void Key_file_defaults_to_the_certificate_file()
    {
        var tree = Resolve("smtpd_tls_security_level = may\nsmtpd_tls_cert_file = /etc/ssl/certs/mail.pem\n", null);

        var cert = Endpoint(tree, "smtp/inet").Certificates.Single();
        Assert.That(cert.Kind, Is.EqualTo("rsa"));
        Assert.That(cert.Certificate.Value, Is.EqualTo("/etc/ssl/certs/mail.pem"));
        Assert.That(cert.Key!.Value, Is.EqualTo("/etc/ssl/certs/mail.pem"));
        Assert.That(cert.Key.Origin, Is.EqualTo(SettingOrigin.Default));
        Assert.That(cert.Key.RawText, Is.EqualTo("$smtpd_tls_cert_file"));
    }

    [Test]
    public void Built_in_directories_expand()
    {
        var tree = Resolve("smtpd_tls_security_level = may\nsmtpd_tls_cert_file = ${data_directory}/cert.pem\n", null);

        var cert = Endpoint(tree, "smtp/inet").Certificates.Single();
        Assert.That(cert.Certificate.Value, Is.EqualTo("/var/lib/postfix/cert.pem"));
    }

    [Test]
    public void Chain_files_replace_the_legacy_certificate_parameters()
    {
        var tree = Resolve(
            "smtpd_tls_security_level = may\n" +
            "smtpd_tls_cert_file = /etc/ssl/old.pem\n" +
            "smtpd_tls_chain_files = /etc/ssl/rsa.pem, /etc/ssl/ec.pem\n", null);

        var certs = Endpoint(tree, "smtp/inet").Certificates;
        Assert.That(certs.Select(c => $"{c.Kind}:{c.Certificate.Value}"), Is.EqualTo(new[] { "chain:/etc/ssl/rsa.pem", "chain:/etc/ssl/ec.pem" }));
    }

    [Test]
    public void Chain_files_are_ignored_before_postfix_3_4()
    {
        var main = "smtpd_tls_cert_file = /etc/ssl/old.pem\nsmtpd_tls_chain_files = /etc/ssl/rsa.pem\n";
        var tree = Resolve(main, null, Postfix("3.3.0"));

        Assert.That(Endpoint(tree, "smtp/inet").Certificates.Single().Certificate.Value, Is.EqualTo("/etc/ssl/old.pem"));
    }

    [Test]
    public void Certificate_none_means_anonymous_tls_on_purpose()
    {
        var tree = Resolve("smtpd_tls_security_level = may\nsmtpd_tls_cert_file = none\n", null);

        var endpoint = Endpoint(tree, "smtp/inet");
        Assert.That(endpoint.Certificates, Is.Empty);
        Assert.That(endpoint.AnonymousOnly?.Value, Is.EqualTo("none"));
    }

    [Test]
    public void Dh_file_ca_files_and_client_certificates_are_references()
    {
        var tree = Resolve(
            "smtpd_tls_dh1024_param_file = /etc/postfix/dh2048.pem\nsmtpd_tls_CAfile = /etc/ssl/ca.pem\n" +
            "smtp_tls_cert_file = /etc/postfix/client.pem\nsmtp_tls_CAfile = /etc/ssl/client-ca.pem\n", null);

        var server = Endpoint(tree, "smtp/inet");
        Assert.That(server.DhParameters?.Value, Is.EqualTo("/etc/postfix/dh2048.pem"));
        Assert.That(server.CaFiles.Single().Value, Is.EqualTo("/etc/ssl/ca.pem"));
        var client = Endpoint(tree, "smtp/unix");
        Assert.That(client.Certificates.Single().Certificate.Value, Is.EqualTo("/etc/postfix/client.pem"));
        Assert.That(client.CaFiles.Single().Value, Is.EqualTo("/etc/ssl/client-ca.pem"));
    }

    [Test]
    public void Dh_file_auto_lets_openssl_choose()
    {
        var tree = Resolve("smtpd_tls_dh1024_param_file = auto\n", null);

        Assert.That(Endpoint(tree, "smtp/inet").DhParameters, Is.Null);
    }

    [Test]
    public void Relative_files_start_at_the_queue_directory()
    {
        Assert.That(Resolve("smtpd_tls_cert_file = cert.pem\n", null).ReferenceBase, Is.EqualTo("/var/spool/postfix"));
        Assert.That(Resolve("queue_directory = /srv/queue\n", null).ReferenceBase, Is.EqualTo("/srv/queue"));
    }

    [Test]
    public void Reference_loop_is_reported_at_the_definition()
    {
        var tree = Resolve("smtpd_tls_security_level = may\nsmtpd_tls_cert_file = $smtpd_tls_key_file\nsmtpd_tls_key_file = $smtpd_tls_cert_file\n", null);

        Assert.That(tree.Diagnostics.Where(d => d.Message.Contains("nesting")).Select(d => d.Location.Line), Has.Some.EqualTo(2));
    }

    [TestCase("3.5", "!SSLv2, !SSLv3", TlsVersion.TlsV1_0)]
    [TestCase("3.6", ">=TLSv1", TlsVersion.TlsV1_0)]
    [TestCase("3.0.1", "", TlsVersion.SslV3)]
    [TestCase("3.0.2", "!SSLv2, !SSLv3", TlsVersion.TlsV1_0)]
    [TestCase("2.11.5", "", TlsVersion.SslV3)]
    public void Protocol_defaults_depend_on_the_assumed_version(string version, string raw, TlsVersion lowest)
    {
        var tree = Resolve("smtpd_tls_security_level = may\n", null, Postfix(version));

        var protocols = Endpoint(tree, "smtp/inet").Protocols;
        Assert.That(protocols.Origin, Is.EqualTo(SettingOrigin.Default));
        Assert.That(protocols.RawText, Is.EqualTo(raw));
        Assert.That(protocols.DefaultFor, Is.EqualTo(ProductVersion.Parse(version)));
        Assert.That(protocols.Value.Enabled.Versions.First(), Is.EqualTo(lowest));
    }

    [TestCase("3.0.1", "export")]
    [TestCase("3.0.2", "medium")]
    [TestCase("3.7", "medium")]
    public void Cipher_grade_default_depends_on_the_assumed_version(string version, string grade)
    {
        var tree = Resolve("smtpd_tls_security_level = may\n", null, Postfix(version));

        var ciphers = Endpoint(tree, "smtp/inet").Ciphers;
        Assert.That(ciphers.Value.Grade, Is.EqualTo(grade));
        Assert.That(ciphers.Origin, Is.EqualTo(SettingOrigin.Default));
    }

    [Test]
    public void Cipher_string_is_the_grade_list_plus_exclusions()
    {
        var tree = Resolve("smtpd_tls_security_level = may\nsmtpd_tls_ciphers = high\nsmtpd_tls_exclude_ciphers = aNULL, RC4 MD5\n", null, Postfix("3.7"));

        var ciphers = Endpoint(tree, "smtp/inet").Ciphers.Value;
        Assert.That(ciphers.Exclusions, Is.EqualTo(new[] { "aNULL", "RC4", "MD5" }));
        Assert.That(ciphers.CipherString, Is.EqualTo("aNULL:-aNULL:HIGH:@STRENGTH:!aNULL:!RC4:!MD5"));
    }

    [TestCase("3.7", "low", "aNULL:-aNULL:HIGH:MEDIUM:LOW:+RC4:@STRENGTH")]
    [TestCase("3.8", "low", "aNULL:-aNULL:HIGH:MEDIUM:!SEED:!IDEA:!3DES:!RC2:!RC4:!RC5:!kDH:!kECDH:!aDSS:!MD5:+RC4:@STRENGTH")]
    [TestCase("3.8", "export", "aNULL:-aNULL:HIGH:MEDIUM:!SEED:!IDEA:!3DES:!RC2:!RC4:!RC5:!kDH:!kECDH:!aDSS:!MD5:+RC4:@STRENGTH")]
    public void Low_and_export_grades_use_the_medium_list_from_3_8(string version, string grade, string expected)
    {
        var tree = Resolve($"smtpd_tls_security_level = may\nsmtpd_tls_ciphers = {grade}\n", null, Postfix(version));

        var ciphers = Endpoint(tree, "smtp/inet").Ciphers.Value;
        Assert.That(ciphers.Grade, Is.EqualTo(grade), "the grade as written is kept for messages");
        Assert.That(ciphers.CipherString, Is.EqualTo(expected));
    }

    [Test]
    public void Compatibility_level_raises_the_assumed_version()
    {
        var tree = Resolve("compatibility_level = 3.9\nsmtpd_tls_security_level = may\n", null);

        Assert.That(tree.Version.Version, Is.EqualTo(new ProductVersion(3, 9)));
        Assert.That(tree.Version.Source, Does.Contain("compatibility_level"));
        Assert.That(Endpoint(tree, "smtp/inet").Protocols.DefaultFor, Is.EqualTo(new ProductVersion(3, 9)));
    }

    [Test]
    public void Compatibility_level_does_not_override_the_users_assumption()
    {
        var tree = Resolve("compatibility_level = 3.9\nsmtpd_tls_security_level = may\n", null, Postfix("3.5"));

        Assert.That(tree.Version.Version, Is.EqualTo(new ProductVersion(3, 5)));
        Assert.That(Endpoint(tree, "smtp/inet").Protocols.RawText, Is.EqualTo("!SSLv2, !SSLv3"));
    }

    [Test]
    public void Compatibility_level_below_the_default_assumption_does_not_lower_it()
    {
        var tree = Resolve("compatibility_level = 2\n", null);

        Assert.That(tree.Version.Version, Is.EqualTo(new ProductVersion(3, 7, 11)));
    }

    [Test]
    public void Missing_master_cf_yields_the_stock_smtp_services()
    {
        var tree = Resolve("smtpd_tls_security_level = may\n", null);

        Assert.That(tree.Endpoints.Select(e => $"{e.Role} {e.Name} {string.Join(",", e.Ports)}"),
            Is.EqualTo(new[] { "Server smtp/inet 25", "Client smtp/unix " }));
        Assert.That(tree.Endpoints[0].Anchor.File.Path, Is.EqualTo("main.cf"));
    }

    [Test]
    public void Master_cf_without_main_cf_uses_defaults()
    {
        var tree = Resolve(null, "smtp inet n - y - - smtpd\n");

        var e = Endpoint(tree, "smtp/inet");
        Assert.That(e.Mode.Value, Is.EqualTo(TlsMode.None));
        Assert.That(e.Mode.Origin, Is.EqualTo(SettingOrigin.Default));
    }

    [Test]
    public void Last_duplicate_master_cf_entry_wins()
    {
        var tree = Resolve("smtpd_tls_security_level = may\n",
            "smtp inet n - y - - smtpd\n" +
            "pickup unix n - y 60 1 pickup\n" +
            "smtp inet n - y - - smtpd -o smtpd_tls_security_level=encrypt\n");

        var e = tree.Endpoints.Single(x => x.Role == EndpointRole.Server);
        Assert.That(e.Anchor.Line, Is.EqualTo(3));
        Assert.That(e.Mode.Value, Is.EqualTo(TlsMode.StartTlsRequired));
    }

    [Test]
    public void Sasl_without_auth_only_on_optional_tls_allows_auth_before_tls()
    {
        var tree = Resolve("smtpd_tls_security_level = may\n",
            "submission inet n - y - - smtpd -o smtpd_sasl_auth_enable=yes\n" +
            "safe inet n - y - - smtpd -o smtpd_sasl_auth_enable=yes -o smtpd_tls_auth_only=yes\n");

        Assert.That(Endpoint(tree, "submission/inet").AuthBeforeTls!.Value, Is.True);
        Assert.That(Endpoint(tree, "safe/inet").AuthBeforeTls!.Value, Is.False);
    }

    [Test]
    public void Non_boolean_yes_no_value_is_reported()
    {
        var tree = Resolve("smtpd_tls_wrappermode = true\n", null);

        Assert.That(tree.Diagnostics.Select(d => d.Message), Has.Some.Contains("smtpd_tls_wrappermode"));
    }

    [Test]
    public void Client_wrapper_mode_is_implicit_only_when_tls_is_used()
    {
        var tree = Resolve("smtp_tls_security_level = encrypt\n",
            "smtp unix - - y - - smtp\n" +
            "relay unix - - y - - smtp -o smtp_tls_wrappermode=yes\n" +
            "plain unix - - y - - smtp -o smtp_tls_wrappermode=yes -o smtp_tls_security_level=none\n");

        Assert.That(Endpoint(tree, "smtp/unix").Mode.Value, Is.EqualTo(TlsMode.StartTlsRequired));
        Assert.That(Endpoint(tree, "relay/unix").Mode.Value, Is.EqualTo(TlsMode.Implicit));
        Assert.That(Endpoint(tree, "plain/unix").Mode.Value, Is.EqualTo(TlsMode.None));
    }

    [Test]
    public void Relayhost_is_the_upstream_of_the_smtp_client()
    {
        var tree = Resolve("relayhost = [mail.example.org]:587\n", null);

        Assert.That(Endpoint(tree, "smtp/unix").Upstream!.Value, Is.EqualTo("[mail.example.org]:587"));
    }
}
