using System.Diagnostics;
using System.Net.Sockets;
using System.Text.Json;
using Tlslint.Tests.Apache;

namespace Tlslint.Tests.Live;

/// <summary>
/// Starts the real httpd (Debian's apache2 with mod_ssl) in the foreground on 127.0.0.1 with a self-contained
/// <c>httpd.conf</c> in a temporary folder (its ServerRoot, PID file, error log, mutexes and runtime files all there) and a
/// throwaway RSA certificate, one configuration at a time. Each endpoint (the main server or a virtual host, found by
/// port and, for name-based hosts, by the SNI name sent) is probed with <c>openssl s_client</c> per protocol version, per
/// TLS ≤ 1.2 suite, per TLS 1.3 suite, and once for the server's cipher order; the accepted set must equal what
/// <c>tlslint endpoints</c> predicted for that endpoint. Configurations tlslint predicts OpenSSL rejects must make httpd
/// refuse to start. httpd is stopped with <c>apache2 -k stop</c> and by PID whatever happened. Needs root (httpd
/// switches to www-data), apache2 and openssl; fails in CI when they are missing, skips locally.
/// </summary>
[Category("Live")]
[NonParallelizable]
public sealed class LiveApacheTests
{
    private const string Modules = "/usr/lib/apache2/modules";

    /// <summary>
    /// Probed over TLS 1.2 (the certificate is RSA): ECDHE, DHE (mod_ssl always has DH parameters: its built-in primes
    /// sized to the key) and kRSA suites with GCM, CBC, CHACHA, CCM, CAMELLIA and ARIA, then suites that must never be
    /// negotiated here: 3DES (not in Debian's build), NULL, anonymous ADH/AECDH, PSK, and ECDSA and DSS suites, which
    /// need a certificate of that key type (the engine drops them for this RSA key).
    /// </summary>
    private static readonly string[] ProbedSuites =
    [
        "ECDHE-RSA-AES256-GCM-SHA384", "ECDHE-RSA-AES128-SHA", "ECDHE-RSA-CHACHA20-POLY1305", "ECDHE-RSA-AES128-SHA256",
        "DHE-RSA-AES128-GCM-SHA256", "DHE-RSA-AES256-SHA", "DHE-RSA-CHACHA20-POLY1305",
        "AES256-GCM-SHA384", "AES128-SHA", "AES256-SHA", "AES128-SHA256", "AES128-CCM", "CAMELLIA128-SHA", "ARIA128-GCM-SHA256",
        "DES-CBC3-SHA", "NULL-SHA", "NULL-SHA256", "ECDHE-RSA-NULL-SHA", "ADH-AES256-GCM-SHA384", "AECDH-AES128-SHA",
        "PSK-AES128-CBC-SHA", "ECDHE-ECDSA-AES128-GCM-SHA256", "ECDHE-ECDSA-AES256-SHA", "DHE-DSS-AES128-SHA",
    ];

    /// <summary>The five TLS 1.3 suites OpenSSL 3.0 knows, each offered alone with <c>-ciphersuites</c>.</summary>
    private static readonly string[] Tls13Suites =
    [
        "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256", "TLS_AES_128_GCM_SHA256", "TLS_AES_128_CCM_SHA256",
        "TLS_AES_128_CCM_8_SHA256",
    ];

    private string _dir = null!;
    private string _httpd = null!;
    private string _openssl = null!;

    /// <summary>
    /// One endpoint to probe: the index of its port in the configuration, the SNI name to send (null: none) and the
    /// name tlslint gives the endpoint that must answer.
    /// </summary>
    public sealed record Target(int Port, string? ServerName, string Endpoint)
    {
        public override string ToString() => $"{Endpoint} on port {Port}{(ServerName is null ? string.Empty : $" with SNI {ServerName}")}";
    }

    /// <summary>
    /// Configurations httpd accepts. In the bodies, {P0}… are free ports, {CERT} and {KEY} the throwaway certificate
    /// and key; the main server is named live.test.
    /// </summary>
    public static IEnumerable<TestCaseData> Configurations()
    {
        yield return Case("defaults", """
            Listen 127.0.0.1:{P0}
            SSLEngine on
            SSLCertificateFile {CERT}
            SSLCertificateKeyFile {KEY}
            """, MainServer());

        yield return Case("explicit protocol list and @SECLEVEL=0 (httpd still removes NULL and anonymous suites)", """
            Listen 127.0.0.1:{P0} https
            SSLEngine on
            SSLCertificateFile {CERT}
            SSLCertificateKeyFile {KEY}
            SSLProtocol all -SSLv3 -TLSv1
            SSLCipherSuite ALL:COMPLEMENTOFALL:@SECLEVEL=0
            """, MainServer());

        yield return Case("+TLSv1.3 alone with SSLCipherSuite TLSv1.3", """
            Listen 127.0.0.1:{P0}
            SSLEngine on
            SSLCertificateFile {CERT}
            SSLCertificateKeyFile {KEY}
            SSLProtocol +TLSv1.3
            SSLCipherSuite TLSv1.3 TLS_CHACHA20_POLY1305_SHA256:TLS_AES_128_CCM_SHA256
            """, MainServer());

        yield return Case("SSLOpenSSLConfCmd MinProtocol, CipherString and Ciphersuites over SSLProtocol and SSLCipherSuite", """
            Listen 127.0.0.1:{P0}
            SSLEngine on
            SSLCertificateFile {CERT}
            SSLCertificateKeyFile {KEY}
            SSLProtocol all
            SSLCipherSuite AES128-SHA:ECDHE-RSA-AES128-SHA
            SSLOpenSSLConfCmd CipherString AES256-SHA:ECDHE-RSA-AES256-GCM-SHA384:NULL-SHA:ADH-AES256-GCM-SHA384:@SECLEVEL=0
            SSLOpenSSLConfCmd MinProtocol TLSv1.1
            SSLOpenSSLConfCmd Ciphersuites TLS_AES_128_CCM_SHA256:TLS_AES_256_GCM_SHA384
            """, MainServer());

        yield return Case("SSLOpenSSLConfCmd Protocol leaves a gap, Options ServerPreference replaces SSLHonorCipherOrder", """
            Listen 127.0.0.1:{P0}
            SSLEngine on
            SSLCertificateFile {CERT}
            SSLCertificateKeyFile {KEY}
            SSLProtocol all
            SSLCipherSuite ECDHE-RSA-AES256-GCM-SHA384:AES128-SHA:ECDHE-RSA-AES128-SHA:@SECLEVEL=0
            SSLHonorCipherOrder off
            SSLOpenSSLConfCmd Protocol -TLSv1.1
            SSLOpenSSLConfCmd Options ServerPreference
            """, MainServer());

        yield return Case("main server settings inherited by one virtual host, overridden by another on its own port", """
            Listen 127.0.0.1:{P0}
            Listen 127.0.0.1:{P1}
            Listen 127.0.0.1:{P2}
            SSLCertificateFile {CERT}
            SSLCertificateKeyFile {KEY}
            SSLEngine on
            SSLProtocol -all +TLSv1.2
            SSLCipherSuite ECDHE-RSA-AES256-GCM-SHA384:AES128-SHA:ECDHE-RSA-AES128-SHA:DHE-RSA-AES256-SHA
            SSLHonorCipherOrder on
            <VirtualHost 127.0.0.1:{P1}>
                ServerName inherits.test
            </VirtualHost>
            <VirtualHost 127.0.0.1:{P2}>
                ServerName overrides.test
                SSLProtocol all
                SSLCipherSuite AES256-SHA:ECDHE-RSA-AES128-SHA:CAMELLIA128-SHA:@SECLEVEL=0
                SSLHonorCipherOrder off
            </VirtualHost>
            """, MainServer(), new Target(1, null, "inherits.test"), new Target(2, null, "overrides.test"));

        // mod_ssl applies the OpenSSL commands (main server's first) after SSLCipherSuite, so an inherited
        // CipherString replaces a virtual host's own SSLCipherSuite.
        yield return Case("main server OpenSSL commands run after a virtual host's SSLCipherSuite and before its own commands", """
            Listen 127.0.0.1:{P0}
            Listen 127.0.0.1:{P1}
            SSLCertificateFile {CERT}
            SSLCertificateKeyFile {KEY}
            SSLEngine on
            SSLOpenSSLConfCmd MinProtocol TLSv1.3
            SSLOpenSSLConfCmd CipherString AES256-SHA:DHE-RSA-CHACHA20-POLY1305
            <VirtualHost 127.0.0.1:{P0}>
                ServerName own-min.test
                SSLCipherSuite AES128-SHA
                SSLOpenSSLConfCmd MinProtocol TLSv1.2
            </VirtualHost>
            <VirtualHost 127.0.0.1:{P1}>
                ServerName inherits-all.test
            </VirtualHost>
            """, new Target(0, null, "own-min.test"), new Target(1, null, "inherits-all.test"));

        yield return Case("an https Listen or Protocol https turns TLS on without SSLEngine, SSLEngine off wins", """
            Listen 127.0.0.1:{P0} https
            Listen 127.0.0.1:{P1}
            Listen 127.0.0.1:{P2} https
            SSLCertificateFile {CERT}
            SSLCertificateKeyFile {KEY}
            SSLProtocol TLSv1.2
            <VirtualHost 127.0.0.1:{P0}>
                ServerName listen.test
            </VirtualHost>
            <VirtualHost 127.0.0.1:{P1}>
                ServerName protocol.test
                Protocol https
                SSLProtocol TLSv1.2 +TLSv1.3
            </VirtualHost>
            <VirtualHost 127.0.0.1:{P2}>
                ServerName off.test
                SSLEngine off
            </VirtualHost>
            """, new Target(0, null, "listen.test"), new Target(1, null, "protocol.test"), new Target(2, null, "off.test"));

        // Debian's 2.4.71 gives each SNI name its own protocols as well as its ciphers: the ClientHello callback
        // switches the whole context before the version is chosen. Without SNI, or with a name no host has, the first
        // virtual host of the address answers.
        yield return Case("name-based virtual hosts on one port, chosen by SNI", """
            Listen 127.0.0.1:{P0}
            SSLCertificateFile {CERT}
            SSLCertificateKeyFile {KEY}
            <VirtualHost 127.0.0.1:{P0}>
                ServerName first.test
                SSLEngine on
                SSLProtocol -all +TLSv1.2
                SSLCipherSuite AES128-SHA:ECDHE-RSA-AES128-SHA:ECDHE-RSA-AES256-GCM-SHA384
                SSLHonorCipherOrder on
            </VirtualHost>
            <VirtualHost 127.0.0.1:{P0}>
                ServerName second.test
                SSLEngine on
                SSLProtocol -all +TLSv1.1 +TLSv1.2 +TLSv1.3
                SSLCipherSuite AES256-SHA:ECDHE-RSA-AES256-GCM-SHA384:DHE-RSA-AES256-SHA:@SECLEVEL=0
                SSLCipherSuite TLSv1.3 TLS_CHACHA20_POLY1305_SHA256
            </VirtualHost>
            """,
            new Target(0, "first.test", "first.test"), new Target(0, "second.test", "second.test"),
            new Target(0, null, "first.test"), new Target(0, "unknown.test", "first.test"));
    }

    /// <summary>
    /// Configurations httpd refuses to start with: because OpenSSL rejects a cipher list (tlslint's prediction says
    /// "rejected"), or because OpenSSL rejects a command value (tlslint reports a fatal problem).
    /// </summary>
    public static IEnumerable<TestCaseData> Refused()
    {
        yield return new TestCaseData("""
            Listen 127.0.0.1:{P0}
            SSLEngine on
            SSLCertificateFile {CERT}
            SSLCertificateKeyFile {KEY}
            SSLOpenSSLConfCmd CipherString aNULL:@SECLEVEL=0
            """).SetName("Live httpd refuses: a CipherString command left empty by httpd's appended exclusions");
        yield return new TestCaseData("""
            Listen 127.0.0.1:{P0}
            SSLEngine on
            SSLCertificateFile {CERT}
            SSLCertificateKeyFile {KEY}
            SSLCipherSuite TLSv1.3 TLS_NOT_A_SUITE
            """).SetName("Live httpd refuses: a TLS 1.3 list with no known suite");
        yield return new TestCaseData("""
            Listen 127.0.0.1:{P0}
            SSLEngine on
            SSLCertificateFile {CERT}
            SSLCertificateKeyFile {KEY}
            SSLOpenSSLConfCmd MinProtocol tlsv1.2
            """).SetName("Live httpd refuses: a MinProtocol value in the wrong case");
    }

    private static Target MainServer() => new(0, null, "main server live.test");

    private static TestCaseData Case(string name, string body, params Target[] targets) =>
        new TestCaseData(body, targets).SetName($"Live httpd: {name}");

    [OneTimeSetUp]
    public void Prepare()
    {
        _httpd = LiveHarness.Require("apache2", "/usr/sbin/apache2");
        LiveHarness.Require("mod_ssl", $"{Modules}/mod_ssl.so");
        _openssl = LiveHarness.Require("openssl", "/usr/bin/openssl");
        LiveHarness.RequireRoot("httpd");
        _dir = LiveHarness.TempDirectory("apache");
        LiveHarness.MakeCertificate(_openssl, _dir);
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
    public void Prediction_matches_what_the_running_httpd_accepts(string body, Target[] targets)
    {
        var (conf, ports) = Write(body);
        var root = Path.GetDirectoryName(conf)!;
        Assert.That(ApacheTreeFacts.Refusals(conf), Is.Empty, "tlslint reports a problem that would stop httpd");
        var predictions = LiveHarness.Predict(conf);
        var expected = targets.ToDictionary(t => t, t => Find(predictions, t, ports));

        var started = Stopwatch.StartNew();
        using var httpd = Start(conf);
        try
        {
            LiveHarness.WaitForPorts(ports, "httpd", httpd, () => ErrorLog(root));
            var failures = new List<string>();
            foreach (var target in targets)
            {
                var observed = Observe(ports[target.Port], target.ServerName, expected[target]);
                var predicted = Expected(expected[target]);
                TestContext.Out.WriteLine($"{target}: accepted {observed}");
                if (observed != predicted)
                {
                    failures.Add($"{target}:\n  predicted {predicted}\n  accepted  {observed}");
                }
            }

            TestContext.Out.WriteLine($"{targets.Length} endpoint(s) in {started.ElapsedMilliseconds} ms");
            Assert.That(failures, Is.Empty, "tlslint's prediction differs from what httpd accepted");
        }
        finally
        {
            Stop(conf, root, httpd);
        }
    }

    [TestCaseSource(nameof(Refused))]
    public void Httpd_refuses_to_start_where_tlslint_predicts_it(string body)
    {
        var (conf, ports) = Write(body);
        var root = Path.GetDirectoryName(conf)!;
        // A fatal problem makes `tlslint endpoints` exit with 2, so the prediction is asked for only without one.
        var refused = ApacheTreeFacts.Refusals(conf).Count > 0 || LiveHarness.Predict(conf).Single().Rejected;
        Assert.That(refused, Is.True, "tlslint predicts that httpd starts");

        using var httpd = Start(conf);
        try
        {
            Assert.That(httpd.WaitForExit(LiveHarness.Deadline), Is.True, "httpd kept running");
            Assert.That(httpd.ExitCode, Is.Not.Zero, "httpd exited successfully");
            Assert.That(LiveHarness.Listens(ports[0]), Is.False, "something listens on the port");
            Assert.That(ErrorLog(root), Does.Contain("AH02312"), "not mod_ssl's fatal initialisation error");
        }
        finally
        {
            Stop(conf, root, httpd);
        }
    }

    /// <summary>What one endpoint accepted, in the shape of <see cref="Expected"/>.</summary>
    private Outcome Observe(int port, string? serverName, Predicted predicted)
    {
        var versions = LiveHarness.AcceptedVersions(_openssl, port, null, serverName);
        var suites = ProbedSuites
            .Where(s => LiveHarness.Probe(_openssl, port, "-tls1_2", $"{s}:@SECLEVEL=0", null, serverName) == s).ToList();
        var tls13 = Tls13Suites
            .Where(s => LiveHarness.Probe(_openssl, port, "-tls1_3", LiveHarness.EveryClientSuite, null, serverName, s) == s).ToList();

        // The server's order shows when the client offers the predicted last suite first: with SSLHonorCipherOrder on
        // the server still picks its first, without it the client's first wins.
        string? chosen = null;
        if (predicted.OrderProbe is { } order)
        {
            chosen = LiveHarness.Probe(_openssl, port, "-tls1_2", $"{order.Last}:{order.First}:@SECLEVEL=0", null, serverName);
            chosen = chosen == order.First ? "server" : chosen == order.Last ? "client" : chosen;
        }

        return new Outcome(string.Join(" ", versions), string.Join(" ", suites), string.Join(" ", tls13), chosen);
    }

    /// <summary>What tlslint predicts the probes see: nothing without TLS, the probed suites it lists for each version.</summary>
    private static Outcome Expected(Predicted p)
    {
        if (!p.Tls)
        {
            return new Outcome(string.Empty, string.Empty, string.Empty, null);
        }

        var tls12 = p.Versions.Contains("TLSv1.2");
        var tls13 = p.Versions.Contains("TLSv1.3");
        return new Outcome(
            string.Join(" ", p.Versions),
            tls12 ? string.Join(" ", ProbedSuites.Where(p.Suites.Contains)) : string.Empty,
            tls13 ? string.Join(" ", Tls13Suites.Where(p.Tls13.Contains)) : string.Empty,
            p.OrderProbe is null ? null : p.ServerOrder ? "server" : "client");
    }

    /// <summary>The prediction for the endpoint a target names, on the port it probes.</summary>
    private static Predicted Find(List<LiveHarness.Prediction> predictions, Target target, int[] ports)
    {
        var port = ports[target.Port];
        var matches = predictions.Where(p => p.Endpoint.GetProperty("name").GetString() == target.Endpoint
                                             && p.Endpoint.GetProperty("ports").EnumerateArray().Any(x => x.GetInt32() == port)).ToList();
        Assert.That(matches, Has.Count.EqualTo(1),
            $"tlslint lists no single endpoint {target.Endpoint} on port {port}: " +
            string.Join(", ", predictions.Select(p => p.Endpoint.GetProperty("name").GetString())));
        var p = matches[0];
        Assert.That(p.Endpoint.GetProperty("product").GetString(), Is.EqualTo("apache"));
        var effective = p.Endpoint.GetProperty("effective");
        var order = effective.GetProperty("negotiableSuites").EnumerateArray().Select(s => s.GetString()!)
            .Where(ProbedSuites.Contains).ToList();
        var tls = p.Endpoint.GetProperty("mode").GetProperty("value").GetString() != "none";
        var orderProbe = tls && p.Versions.Contains("TLSv1.2") && order.Count >= 2 ? (order[0], order[^1]) : ((string, string)?)null;
        return new Predicted(
            tls,
            p.Versions,
            p.Suites,
            effective.GetProperty("tls13Suites").EnumerateArray().Select(s => s.GetString()!).ToHashSet(StringComparer.Ordinal),
            p.Endpoint.GetProperty("serverCipherPreference").GetProperty("value").GetString() == "yes",
            orderProbe);
    }

    /// <summary>Writes the configuration into a folder of its own (ServerRoot) and returns httpd.conf and the ports.</summary>
    private (string Conf, int[] Ports) Write(string body)
    {
        var count = Enumerable.Range(0, 10).Count(i => body.Contains($"{{P{i}}}", StringComparison.Ordinal));
        var ports = new List<int>();
        while (ports.Count < count)
        {
            var port = LiveHarness.FreePort();
            if (!ports.Contains(port))
            {
                ports.Add(port);
            }
        }

        var root = Path.Combine(_dir, $"h{ports[0]}");
        Directory.CreateDirectory(root);
        var text = body;
        for (var i = 0; i < ports.Count; i++)
        {
            text = text.Replace($"{{P{i}}}", ports[i].ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        }

        text = text.Replace("{CERT}", Path.Combine(_dir, "cert.pem"), StringComparison.Ordinal)
            .Replace("{KEY}", Path.Combine(_dir, "key.pem"), StringComparison.Ordinal);
        var conf = Path.Combine(root, "httpd.conf");
        File.WriteAllText(conf, Base(root) + text + "\n");
        return (conf, ports.ToArray());
    }

    /// <summary>Everything httpd needs besides the TLS part, inside <paramref name="root"/>; few processes and threads.</summary>
    private static string Base(string root) =>
        $"""
        ServerRoot "{root}"
        LoadModule mpm_event_module {Modules}/mod_mpm_event.so
        LoadModule authz_core_module {Modules}/mod_authz_core.so
        LoadModule socache_shmcb_module {Modules}/mod_socache_shmcb.so
        LoadModule ssl_module {Modules}/mod_ssl.so
        PidFile {root}/httpd.pid
        ErrorLog {root}/error.log
        LogLevel info ssl:debug
        Mutex file:{root} default
        DefaultRuntimeDir {root}
        User www-data
        Group www-data
        ServerName live.test
        StartServers 1
        ServerLimit 2
        ThreadsPerChild 4
        MaxRequestWorkers 8
        MinSpareThreads 1
        MaxSpareThreads 8

        """;

    /// <summary>
    /// httpd in the foreground, as a child of the test. The system openssl.cnf is not read (as for the probing
    /// client), so the machine's own OpenSSL settings cannot change what is compared; tlslint reads none either.
    /// </summary>
    private Process Start(string conf)
    {
        var info = new ProcessStartInfo(_httpd)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "-f", conf, "-DFOREGROUND" })
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["OPENSSL_CONF"] = "/dev/null";
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, e) => Log(e.Data);
        process.ErrorDataReceived += (_, e) => Log(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;

        static void Log(string? line)
        {
            if (!string.IsNullOrEmpty(line))
            {
                TestContext.Progress.WriteLine($"httpd: {line}");
            }
        }
    }

    /// <summary>The last lines of httpd's error log.</summary>
    private static string ErrorLog(string root)
    {
        var path = Path.Combine(root, "error.log");
        return File.Exists(path) ? string.Join("\n", File.ReadAllLines(path).TakeLast(30)) : "(no error log)";
    }

    /// <summary>Stops httpd with its own command, then by PID (the PID file's and the child's) whatever happened.</summary>
    private void Stop(string conf, string root, Process httpd)
    {
        var pid = LiveHarness.ReadPid(Path.Combine(root, "httpd.pid"));
        try
        {
            if (!httpd.HasExited)
            {
                LiveHarness.Run(_httpd, ["-f", conf, "-k", "stop"], check: false);
            }
        }
        finally
        {
            LiveHarness.EnsureStopped(httpd.Id);
            if (pid != 0 && pid != httpd.Id)
            {
                LiveHarness.EnsureStopped(pid);
            }

            httpd.WaitForExit(LiveHarness.Deadline);
        }
    }

    /// <summary>What tlslint says about one endpoint, reduced to what the probes can see.</summary>
    private sealed record Predicted(bool Tls, List<string> Versions, HashSet<string> Suites, HashSet<string> Tls13, bool ServerOrder,
        (string First, string Last)? OrderProbe);

    /// <summary>
    /// Accepted versions, TLS 1.2 suites and TLS 1.3 suites (each space-separated in probe order) and whose order won
    /// the order probe ("server", "client", another suite, or null when not probed).
    /// </summary>
    private sealed record Outcome(string Versions, string Suites, string Tls13, string? Order)
    {
        public override string ToString() => $"versions [{Versions}] tls1.2 [{Suites}] tls1.3 [{Tls13}] order {Order ?? "-"}";
    }
}
