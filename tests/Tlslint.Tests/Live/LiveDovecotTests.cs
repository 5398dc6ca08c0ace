using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Tlslint.Tests.Live;

/// <summary>
/// Starts the real Dovecot (Debian's dovecot-core, imapd and pop3d) on 127.0.0.1 with a throwaway RSA certificate,
/// one configuration at a time, with three TLS listeners on free ports (IMAP with STARTTLS, IMAPS, POP3S). Every
/// endpoint <c>tlslint endpoints</c> predicts is matched to its port (and SNI name for a <c>local_name</c> variant),
/// probed with <c>openssl s_client</c> per protocol version, per TLS 1.2 suite and per TLS 1.3 suite, and the accepted
/// sets must equal the predicted ones. The daemon is stopped with <c>dovecot stop</c> and by its master's PID.
/// Needs root (Dovecot's master), dovecot and openssl; fails in CI when they are missing, skips locally.
/// </summary>
[Category("Live")]
[NonParallelizable]
public sealed class LiveDovecotTests
{
    /// <summary>
    /// Probed over TLS 1.2: forward-secret RSA suites (ECDHE, DHE; GCM, CBC, CHACHA20, ARIA), static RSA, NULL
    /// encryption, anonymous (ADH, AECDH), one suite the Debian build lacks (3DES) and one that needs an ECDSA key.
    /// </summary>
    private static readonly string[] ProbedSuites =
    [
        "ECDHE-RSA-AES256-GCM-SHA384", "ECDHE-RSA-AES128-SHA", "ECDHE-RSA-AES128-SHA256", "ECDHE-RSA-CHACHA20-POLY1305",
        "ECDHE-ARIA128-GCM-SHA256", "DHE-RSA-AES128-GCM-SHA256", "DHE-RSA-AES256-SHA", "AES128-SHA", "AES256-GCM-SHA384",
        "CAMELLIA256-SHA", "NULL-SHA", "ECDHE-RSA-NULL-SHA", "ADH-AES128-SHA", "AECDH-AES128-SHA", "DES-CBC3-SHA",
        "ECDHE-ECDSA-AES128-GCM-SHA256",
    ];

    private static readonly string[] Tls13Suites =
    [
        "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256", "TLS_AES_128_GCM_SHA256", "TLS_AES_128_CCM_SHA256",
        "TLS_AES_128_CCM_8_SHA256",
    ];

    /// <summary>The SNI name a <c>local_name</c> block of the configurations answers to.</summary>
    private const string OtherName = "other.test";

    private string _dir = null!;
    private string _dovecot = null!;
    private string _openssl = null!;

    /// <summary>Settings appended to the base configuration; <c>{dir}</c> is the folder with the certificates and DH file.</summary>
    public static IEnumerable<TestCaseData> Configurations()
    {
        yield return Case("defaults (no TLS setting but the certificate, no ssl_dh)", string.Empty);
        yield return Case("ssl_dh present, the rest defaults", "ssl_dh = <{dir}/dh.pem\n");
        yield return Case("explicit minimum below what security level 2 allows", "ssl_min_protocol = TLSv1.1\n");
        yield return Case("@SECLEVEL=0 with every suite and TLS 1.0", """
            ssl_min_protocol = TLSv1
            ssl_cipher_list = ALL:COMPLEMENTOFALL:@SECLEVEL=0
            ssl_dh = <{dir}/dh.pem

            """);
        yield return Case("global settings inherited by pop3, overridden in protocol imap", """
            ssl_min_protocol = TLSv1
            ssl_cipher_list = ALL:!aNULL:@SECLEVEL=0
            protocol imap {
              ssl_min_protocol = TLSv1.3
            }

            """);
        yield return Case("TLS 1.3 suites globally and per protocol", """
            ssl_cipher_list = ECDHE+AESGCM:ECDHE+CHACHA20
            ssl_cipher_suites = TLS_AES_128_CCM_SHA256:TLS_AES_128_CCM_8_SHA256:TLS_CHACHA20_POLY1305_SHA256
            protocol pop3 {
              ssl_cipher_suites = TLS_AES_256_GCM_SHA384
              ssl_cipher_list = ECDHE-RSA-AES128-SHA
            }

            """);
        yield return Case("2.2 ssl_protocols list converted by 2.3", """
            ssl_protocols = !SSLv3 !TLSv1
            ssl_cipher_list = ALL:@SECLEVEL=0

            """);
        yield return Case("local_name block: its certificate, DH file and TLS 1.2 ciphers after SNI, not its versions or TLS 1.3 suites", $$"""
            local_name {{OtherName}} {
              ssl_cert = <{dir}/other-cert.pem
              ssl_key = <{dir}/other-key.pem
              ssl_dh = <{dir}/dh.pem
              ssl_min_protocol = TLSv1.3
              ssl_cipher_list = ECDHE-RSA-AES128-SHA:DHE-RSA-AES128-GCM-SHA256
              ssl_cipher_suites = TLS_AES_128_GCM_SHA256
            }

            """);
        yield return Case("local_name block: its @SECLEVEL=0 decides TLS 1.0 after SNI, the global minimum still applies", $$"""
            ssl_min_protocol = TLSv1
            protocol pop3 {
              ssl_min_protocol = TLSv1.2
            }
            local_name {{OtherName}} {
              ssl_cipher_list = ALL:@SECLEVEL=0
            }

            """);
        yield return Case("cipher list OpenSSL rejects in protocol imap", """
            protocol imap {
              ssl_cipher_list = NOPE
            }

            """);
    }

    /// <summary>Configurations Dovecot refuses to start with; tlslint must say so (TLS001) at the line given.</summary>
    public static IEnumerable<TestCaseData> Refused()
    {
        yield return new TestCaseData("ssl = maybe\n", 1).SetName("Live dovecot refuses to start: ssl = maybe");
        yield return new TestCaseData("service pop3-login {\n  inet_listener pop3x {\n    port = {imaps}\n  }\n}\n", 2)
            .SetName("Live dovecot refuses to start: two listeners on one port");
    }

    private static TestCaseData Case(string name, string settings) =>
        new TestCaseData(settings).SetName($"Live dovecot: {name}");

    [OneTimeSetUp]
    public void Prepare()
    {
        _dovecot = LiveHarness.Require("dovecot", "/usr/sbin/dovecot");
        _openssl = LiveHarness.Require("openssl", "/usr/bin/openssl");
        LiveHarness.RequireRoot("Dovecot");
        _dir = LiveHarness.TempDirectory("dovecot");
        LiveHarness.MakeCertificate(_openssl, _dir);
        LiveHarness.MakeCertificate(_openssl, _dir, name: "other-");

        LiveHarness.MakeDhParameters(_openssl, Path.Combine(_dir, "dh.pem"));
    }

    [OneTimeTearDown]
    public void CleanUp()
    {
        if (_dir is not null && Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    [TestCaseSource(nameof(Configurations))]
    public void Prediction_matches_what_the_running_dovecot_accepts(string settings)
    {
        var ports = Ports();
        var root = Path.Combine(_dir, $"d{ports.Imap}");
        Directory.CreateDirectory(root);
        var config = Path.Combine(root, "dovecot.conf");
        File.WriteAllText(config, BaseConfig(root, ports) + settings.Replace("{dir}", _dir, StringComparison.Ordinal));

        var predictions = LiveHarness.Predict(root);
        Assert.That(predictions.Select(Port).Distinct(), Is.EquivalentTo(new[] { ports.Imap, ports.Imaps, ports.Pop3s }),
            "one prediction (or more, for SNI variants) per listener");
        var started = Stopwatch.StartNew();
        try
        {
            var code = LiveHarness.RunDaemonizing(_dovecot, ["-c", config], Path.Combine(root, "start.log"));
            Assert.That(code, Is.Zero, () => $"dovecot did not start: {File.ReadAllText(Path.Combine(root, "start.log"))}");
            foreach (var port in new[] { ports.Imap, ports.Imaps, ports.Pop3s })
            {
                LiveHarness.WaitForPort(port, "dovecot");
            }

            foreach (var prediction in predictions)
            {
                Check(prediction, ports);
            }

            TestContext.Out.WriteLine($"{predictions.Count} endpoints in {started.ElapsedMilliseconds} ms");
        }
        finally
        {
            Stop(config, root);
        }
    }

    [TestCaseSource(nameof(Refused))]
    public void Tlslint_reports_what_dovecot_refuses_to_start_with(string settings, int line)
    {
        var ports = Ports();
        var root = Path.Combine(_dir, $"r{ports.Imap}");
        Directory.CreateDirectory(root);
        var config = Path.Combine(root, "dovecot.conf");
        var text = BaseConfig(root, ports);
        var first = text.Count(c => c == '\n') + 1;
        File.WriteAllText(config, text + settings.Replace("{imaps}", ports.Imaps.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal));

        var lint = CliOutcome.Run("--select", "TLS001", "--format", "json", root);
        using var doc = JsonDocument.Parse(lint.Out);
        var findings = doc.RootElement.GetProperty("findings").EnumerateArray()
            .Select(f => (f.GetProperty("ruleId").GetString(), f.GetProperty("startLine").GetInt32())).ToList();
        Assert.That(findings, Does.Contain(("TLS001", first + line - 1)), lint.Out);

        try
        {
            var code = LiveHarness.RunDaemonizing(_dovecot, ["-c", config], Path.Combine(root, "start.log"));
            Assert.That(code, Is.Not.Zero, "dovecot started");
        }
        finally
        {
            Stop(config, root);
        }
    }

    /// <summary>Probes one predicted endpoint and compares versions, TLS 1.2 suites and TLS 1.3 suites.</summary>
    private void Check(LiveHarness.Prediction prediction, (int Imap, int Imaps, int Pop3s) ports)
    {
        var name = prediction.Endpoint.GetProperty("name").GetString()!;
        var port = Port(prediction);
        var starttls = port == ports.Imap ? "imap" : null;
        var sni = name.EndsWith($"[local_name {OtherName}]", StringComparison.Ordinal) ? OtherName : null;
        var allTls13 = string.Join(':', Tls13Suites);

        // A few handshakes at a time: each s_client is a process and each connection a login process, mostly waiting.
        var versions = Parallel(LiveHarness.Versions,
            v => LiveHarness.Probe(_openssl, port, $"-{v}", LiveHarness.EveryClientSuite, starttls, sni, allTls13) is not null)
            .Select(LiveHarness.VersionName).ToList();
        var tls12 = Parallel(ProbedSuites, s => LiveHarness.Probe(_openssl, port, "-tls1_2", $"{s}@SECLEVEL=0", starttls, sni) == s);
        var tls13 = Parallel(Tls13Suites, s => LiveHarness.Probe(_openssl, port, "-tls1_3", LiveHarness.EveryClientSuite, starttls, sni, s) == s);
        TestContext.Out.WriteLine($"{name} (port {port}{(sni is null ? string.Empty : ", SNI " + sni)}): {string.Join(' ', versions)}; TLS 1.2: {string.Join(' ', tls12)}; TLS 1.3: {string.Join(' ', tls13)}");

        Assert.That(versions, Is.EquivalentTo(prediction.Versions), $"{name}: protocol versions");

        var open12 = !prediction.Rejected && prediction.Versions.Contains("TLSv1.2");
        Assert.That(tls12, Is.EquivalentTo(open12 ? ProbedSuites.Where(prediction.Suites.Contains) : []), $"{name}: suites over TLS 1.2");

        var open13 = !prediction.Rejected && prediction.Versions.Contains("TLSv1.3");
        Assert.That(tls13, Is.EquivalentTo(open13 ? Tls13Suites.Where(prediction.Suites.Contains) : []), $"{name}: suites over TLS 1.3");
    }

    private static List<string> Parallel(IEnumerable<string> items, Func<string, bool> accepted) =>
        items.AsParallel().AsOrdered().WithDegreeOfParallelism(4).Where(accepted).ToList();

    private static int Port(LiveHarness.Prediction prediction) =>
        prediction.Endpoint.GetProperty("ports").EnumerateArray().Single().GetInt32();

    private static (int Imap, int Imaps, int Pop3s) Ports()
    {
        var ports = new HashSet<int>();
        while (ports.Count < 3)
        {
            ports.Add(LiveHarness.FreePort());
        }

        var list = ports.ToList();
        return (list[0], list[1], list[2]);
    }

    /// <summary>Stops the instance with its own command, then by the master's PID whatever happened.</summary>
    private void Stop(string config, string root)
    {
        var pid = LiveHarness.ReadPid(Path.Combine(root, "run", "master.pid"));
        try
        {
            LiveHarness.Run(_dovecot, ["-c", config, "stop"], check: false);
        }
        finally
        {
            LiveHarness.EnsureStopped(pid);
        }
    }

    /// <summary>
    /// Runtime folders in the test's folder, logins that nobody can pass (a random password), IMAP and POP3 on
    /// 127.0.0.1 only: STARTTLS IMAP, IMAPS and POP3S on the free ports, plaintext POP3 closed.
    /// </summary>
    private string BaseConfig(string root, (int Imap, int Imaps, int Pop3s) ports) => $$"""
        base_dir = {{root}}/run
        state_dir = {{root}}/state
        log_path = {{root}}/dovecot.log
        protocols = imap pop3
        listen = 127.0.0.1
        ssl_cert = <{{_dir}}/cert.pem
        ssl_key = <{{_dir}}/key.pem
        passdb {
          driver = static
          args = password={{Guid.NewGuid():N}}
        }
        userdb {
          driver = static
          args = uid=nobody gid=nogroup home={{root}}/home
        }
        service imap-login {
          inet_listener imap {
            port = {{ports.Imap}}
          }
          inet_listener imaps {
            port = {{ports.Imaps}}
          }
        }
        service pop3-login {
          inet_listener pop3 {
            port = 0
          }
          inet_listener pop3s {
            port = {{ports.Pop3s}}
          }
        }

        """;
}
