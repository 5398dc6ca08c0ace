using System.Diagnostics;
using System.Text;

namespace Tlslint.Tests.Live;

/// <summary>
/// Starts the real nginx (Debian's package, with its mail and stream modules) on 127.0.0.1 with a throwaway RSA
/// certificate, one configuration at a time, in the foreground with its prefix, pid and logs in a temporary folder.
/// Every endpoint (a port, with the server name sent by SNI where several servers share it, and STARTTLS for mail)
/// is probed with <c>openssl s_client</c> for each protocol version, each TLS ≤ 1.2 suite of a representative list
/// and each TLS 1.3 suite; the accepted sets must equal what <c>tlslint endpoints</c> predicted. Configurations
/// tlslint predicts nginx refuses are started too, and must exit with an error.
/// Needs root, nginx and openssl; fails in CI when they are missing, skips locally.
/// </summary>
[Category("Live")]
[NonParallelizable]
public sealed class LiveNginxTests
{
    private const string ModuleDirectory = "/usr/lib/nginx/modules";

    /// <summary>
    /// RSA-authenticated, plain RSA, NULL, anonymous and legacy suites, probed over TLS 1.2; the certificate is RSA, so
    /// the ECDSA and DSS ones must always be refused. DES-CBC3-SHA is not in Debian's build (neither side has it).
    /// </summary>
    private static readonly string[] Tls12Suites =
    [
        "ECDHE-RSA-AES256-GCM-SHA384", "ECDHE-RSA-AES128-SHA", "ECDHE-RSA-CHACHA20-POLY1305", "ECDHE-RSA-AES128-SHA256",
        "DHE-RSA-AES256-GCM-SHA384", "DHE-RSA-AES128-SHA", "DHE-RSA-CHACHA20-POLY1305",
        "AES128-SHA", "AES256-GCM-SHA384", "CAMELLIA128-SHA", "NULL-SHA", "NULL-SHA256",
        "ADH-AES256-GCM-SHA384", "AECDH-AES128-SHA", "DES-CBC3-SHA",
        "ECDHE-ECDSA-AES128-GCM-SHA256", "ECDHE-ECDSA-AES256-SHA", "DHE-DSS-AES128-SHA",
    ];

    private static readonly string[] Tls13Suites =
    [
        "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256", "TLS_AES_128_GCM_SHA256", "TLS_AES_128_CCM_SHA256",
        "TLS_AES_128_CCM_8_SHA256",
    ];

    private string _dir = null!;
    private string _nginx = null!;
    private string _openssl = null!;
    private int _handshakes;

    /// <summary>
    /// One nginx configuration: the text after <c>events {}</c> with <c>{P0}</c>, <c>{P1}</c> … for free ports,
    /// <c>{CERT}</c>, <c>{KEY}</c>, <c>{DH}</c> for the throwaway files and <c>{TEMP}</c> for the http block's
    /// housekeeping; and the endpoints to probe.
    /// </summary>
    public sealed record NginxCase(string Name, string Body, params Target[] Targets)
    {
        public override string ToString() => Name;
    }

    /// <summary>A port (by index), the SNI name to send (null: none) and s_client's STARTTLS protocol (null: implicit TLS).</summary>
    public sealed record Target(int Port, string? ServerName = null, string? StartTls = null)
    {
        public override string ToString() =>
            $"port {{P{Port}}}{(ServerName is null ? string.Empty : $" name {ServerName}")}{(StartTls is null ? string.Empty : $" starttls {StartTls}")}";
    }

    private const string Files = "ssl_certificate {CERT};\n    ssl_certificate_key {KEY};\n";

    public static IEnumerable<TestCaseData> Configurations()
    {
        yield return Case(new NginxCase("defaults (no TLS directive but the certificate)", Http(
            "server {\n    listen 127.0.0.1:{P0} ssl;\n    " + Files + "}\n"), new Target(0)));

        yield return Case(new NginxCase("explicit protocol list and @SECLEVEL=0", Http(
            "server {\n    listen 127.0.0.1:{P0} ssl;\n    " + Files +
            "    ssl_protocols TLSv1 TLSv1.1 TLSv1.2 TLSv1.3;\n    ssl_ciphers 'HIGH:MEDIUM:aNULL:eNULL:@SECLEVEL=0';\n    ssl_dhparam {DH};\n}\n" +
            "server {\n    listen 127.0.0.1:{P1} ssl;\n    " + Files +
            "    ssl_protocols TLSv1.1 TLSv1.3;\n    ssl_ciphers 'ECDHE+AESGCM:AES128-SHA';\n}\n"),
            new Target(0), new Target(1)));

        // ssl_conf_command is one list per level: a server that writes any command loses the http block's ones.
        yield return Case(new NginxCase("settings inherited from http, overridden per server", Http(
            Files + "ssl_protocols TLSv1.2 TLSv1.3;\nssl_ciphers 'ECDHE+AESGCM:ECDHE+CHACHA20';\n" +
            "ssl_conf_command Ciphersuites TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256;\n" +
            "server {\n    listen 127.0.0.1:{P0} ssl;\n}\n" +
            "server {\n    listen 127.0.0.1:{P1} ssl;\n    ssl_protocols TLSv1 TLSv1.1 TLSv1.2;\n    ssl_ciphers 'AES128-SHA:NULL-SHA:@SECLEVEL=0';\n}\n" +
            "server {\n    listen 127.0.0.1:{P2} ssl;\n    ssl_conf_command MinProtocol TLSv1.3;\n}\n"),
            new Target(0), new Target(1), new Target(2)));

        yield return Case(new NginxCase("ssl_conf_command CipherString, MinProtocol, Protocol and Ciphersuites", Http(
            Files + "ssl_protocols TLSv1 TLSv1.1 TLSv1.2 TLSv1.3;\n" +
            "server {\n    listen 127.0.0.1:{P0} ssl;\n    ssl_ciphers HIGH;\n" +
            "    ssl_conf_command CipherString 'ECDHE+AESGCM:NULL-SHA:@SECLEVEL=0';\n    ssl_conf_command MinProtocol TLSv1.1;\n" +
            "    ssl_conf_command Ciphersuites TLS_AES_128_CCM_SHA256:TLS_AES_128_CCM_8_SHA256;\n}\n" +
            "server {\n    listen 127.0.0.1:{P1} ssl;\n    ssl_conf_command Protocol -TLSv1.2,-TLSv1;\n    ssl_conf_command Options ServerPreference;\n}\n"),
            new Target(0), new Target(1)));

        // Before 1.29.2 the version and the TLS 1.3 suite are settled with the default server's context; SNI then
        // switches the rest (the TLS ≤ 1.2 cipher list, the security level).
        yield return Case(new NginxCase("several servers on one port chosen by SNI", Http(
            Files +
            "server {\n    listen 127.0.0.1:{P0} ssl;\n    server_name a.test;\n    ssl_protocols TLSv1 TLSv1.2 TLSv1.3;\n" +
            "    ssl_conf_command Ciphersuites TLS_CHACHA20_POLY1305_SHA256;\n}\n" +
            "server {\n    listen 127.0.0.1:{P0} ssl;\n    server_name b.test;\n    ssl_protocols TLSv1.2;\n" +
            "    ssl_ciphers 'AES128-SHA:NULL-SHA:ECDHE-RSA-AES128-SHA256:@SECLEVEL=0';\n" +
            "    ssl_conf_command Ciphersuites TLS_AES_128_CCM_SHA256;\n}\n" +
            "server {\n    listen 127.0.0.1:{P1} ssl;\n    server_name c.test;\n    ssl_protocols TLSv1.2;\n    ssl_ciphers 'ECDHE+AESGCM';\n}\n" +
            "server {\n    listen 127.0.0.1:{P1} ssl default_server;\n    server_name d.test;\n    ssl_protocols TLSv1 TLSv1.1 TLSv1.2 TLSv1.3;\n" +
            "    ssl_ciphers 'HIGH:!aNULL:@SECLEVEL=0';\n}\n"),
            new Target(0, "a.test"), new Target(0, "b.test"), new Target(1, "c.test"), new Target(1, "d.test")));

        // nginx 1.22.1 offers DHE only with ssl_dhparam (no automatic parameters).
        yield return Case(new NginxCase("ssl_dhparam present and absent", Http(
            Files + "ssl_ciphers 'DHE+AESGCM:DHE+CHACHA20:DHE-RSA-AES128-SHA:ECDHE+AESGCM';\n" +
            "server {\n    listen 127.0.0.1:{P0} ssl;\n    ssl_dhparam {DH};\n}\n" +
            "server {\n    listen 127.0.0.1:{P1} ssl;\n}\n"),
            new Target(0), new Target(1)));

        yield return Case(new NginxCase("`ssl on` inherited from http (deprecated)", Http(
            Files + "ssl on;\nssl_protocols TLSv1.2;\n" +
            "server {\n    listen 127.0.0.1:{P0};\n    ssl_ciphers 'AES256-GCM-SHA384:CAMELLIA128-SHA';\n}\n"),
            new Target(0)));

        yield return Case(new NginxCase("mail: STARTTLS and implicit TLS", $$"""
            mail {
                auth_http 127.0.0.1:9/auth;
                {{Files}}    ssl_protocols TLSv1.2 TLSv1.3;
                server {
                    listen 127.0.0.1:{P0};
                    protocol smtp;
                    starttls on;
                    ssl_protocols TLSv1 TLSv1.2;
                    ssl_ciphers 'AES128-SHA:ECDHE-RSA-AES128-GCM-SHA256:NULL-SHA:@SECLEVEL=0';
                }
                server {
                    listen 127.0.0.1:{P1} ssl;
                    protocol imap;
                    ssl_conf_command Ciphersuites TLS_AES_128_GCM_SHA256;
                }
            }

            """, new Target(0, StartTls: "smtp"), new Target(1)));

        yield return Case(new NginxCase("stream", $$"""
            stream {
                {{Files}}    ssl_ciphers 'ECDHE+CHACHA20:AES256-GCM-SHA384:ADH-AES256-GCM-SHA384:@SECLEVEL=0';
                server {
                    listen 127.0.0.1:{P0} ssl;
                    return "live\n";
                    ssl_protocols TLSv1.1 TLSv1.2 TLSv1.3;
                    ssl_conf_command Ciphersuites TLS_AES_256_GCM_SHA384:TLS_AES_128_CCM_SHA256;
                }
                server {
                    listen 127.0.0.1:{P1} ssl;
                    return "live\n";
                    ssl_protocols TLSv1.3;
                }
            }

            """, new Target(0), new Target(1)));
    }

    /// <summary>Configurations tlslint predicts nginx refuses to start with, and nginx must refuse.</summary>
    public static IEnumerable<TestCaseData> Refused()
    {
        yield return Refusal("cipher string without a match", "ssl_ciphers 'aNULL:!aNULL';");
        yield return Refusal("unknown TLS 1.3 suite", "ssl_conf_command Ciphersuites TLS_AES_512_GCM_SHA768;");
        yield return Refusal("unknown protocol name", "ssl_protocols TLSv1.2 TLSv1.4;");
        yield return Refusal("MinProtocol in lower case", "ssl_conf_command MinProtocol tlsv1.2;");
        yield return Refusal("Protocol items separated by a blank", "ssl_conf_command Protocol '-TLSv1 -TLSv1.1';");
    }

    private static TestCaseData Case(NginxCase c) => new TestCaseData(c).SetName($"Live nginx: {c.Name}");

    private static TestCaseData Refusal(string name, string directive) =>
        new TestCaseData(Http("server {\n    listen 127.0.0.1:{P0} ssl;\n    " + Files + "    " + directive + "\n}\n"))
            .SetName($"Live nginx refuses: {name}");

    /// <summary>An http block with its logs and temporary files in the test's folder.</summary>
    private static string Http(string inner) =>
        "http {\n    access_log {TEMP}/access.log;\n" +
        string.Concat(new[] { "client_body", "proxy", "fastcgi", "uwsgi", "scgi" }.Select(t => $"    {t}_temp_path {{TEMP}}/{t};\n")) +
        string.Concat(inner.Split('\n').Select(l => l.Length == 0 ? "\n" : $"    {l}\n")).TrimEnd('\n') + "\n}\n";

    [OneTimeSetUp]
    public void Prepare()
    {
        _nginx = LiveHarness.Require("nginx", "/usr/sbin/nginx");
        _openssl = LiveHarness.Require("openssl", "/usr/bin/openssl");
        LiveHarness.Require("nginx's mail module", Path.Combine(ModuleDirectory, "ngx_mail_module.so"));
        LiveHarness.Require("nginx's stream module", Path.Combine(ModuleDirectory, "ngx_stream_module.so"));
        LiveHarness.RequireRoot("nginx");
        _dir = LiveHarness.TempDirectory("nginx");
        LiveHarness.MakeCertificate(_openssl, _dir);
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
    public void Prediction_matches_what_the_running_nginx_accepts(NginxCase c)
    {
        var (prefix, conf, ports) = Write(c.Body);
        var predictions = LiveHarness.Predict(conf);
        var started = Stopwatch.StartNew();
        _handshakes = 0;
        using var nginx = Start(prefix, conf);
        try
        {
            foreach (var port in ports.Distinct())
            {
                LiveHarness.WaitForPort(port, "nginx", nginx, () => ErrorLog(prefix));
            }

            Assert.Multiple(() =>
            {
                foreach (var target in c.Targets)
                {
                    Check(target, ports[target.Port], predictions);
                }
            });
            TestContext.Out.WriteLine($"{c.Targets.Length} endpoints, {_handshakes} handshakes in {started.ElapsedMilliseconds} ms");
        }
        finally
        {
            Stop(prefix, conf, nginx);
        }
    }

    [TestCaseSource(nameof(Refused))]
    public void Nginx_refuses_what_tlslint_predicts_it_refuses(string body)
    {
        var (prefix, conf, _) = Write(body);
        var prediction = LiveHarness.Predict(conf).Single();
        Assert.That(PredictsRefusal(prediction), Is.True, $"tlslint predicts this configuration starts: {prediction.Endpoint}");

        using var nginx = Start(prefix, conf);
        try
        {
            Assert.That(nginx.WaitForExit(LiveHarness.Deadline), Is.True, "nginx kept running with a configuration tlslint predicts it refuses");
            Assert.That(nginx.ExitCode, Is.Not.Zero, "nginx exit code");
            Assert.That(ErrorLog(prefix), Does.Contain("[emerg]"));
        }
        finally
        {
            Stop(prefix, conf, nginx);
        }
    }

    /// <summary>Probes one endpoint and compares versions, TLS ≤ 1.2 suites and TLS 1.3 suites with its prediction.</summary>
    private void Check(Target target, int port, List<LiveHarness.Prediction> predictions)
    {
        var label = $"{target} (:{port})";
        var matching = predictions.Where(p => Serves(p, port, target.ServerName)).ToList();
        Assert.That(matching, Has.Count.EqualTo(1), $"{label}: predicted endpoints {string.Join(", ", predictions.Select(Name))}");
        if (matching.Count != 1)
        {
            return;
        }

        var prediction = matching[0];
        // Every TLS 1.3 suite offered: a server limited to the CCM suites is still a TLS 1.3 server.
        var allTls13 = string.Join(':', Tls13Suites);
        var accepted = LiveHarness.Versions
            .Where(v => Probe(port, $"-{v}", LiveHarness.EveryClientSuite, target, allTls13) is not null)
            .Select(LiveHarness.VersionName).ToList();
        var tls12 = accepted.Contains("TLSv1.2")
            ? Tls12Suites.Where(s => Probe(port, "-tls1_2", $"{s}@SECLEVEL=0", target) == s).ToList()
            : [];
        var tls13 = accepted.Contains("TLSv1.3")
            ? Tls13Suites.Where(s => Probe(port, "-tls1_3", LiveHarness.EveryClientSuite, target, s) == s).ToList()
            : [];
        TestContext.Out.WriteLine($"{label} {Name(prediction)}: {string.Join(" ", accepted)}; {string.Join(" ", tls12)}; {string.Join(" ", tls13)}");

        var predicted = prediction.Rejected ? [] : prediction.Suites;
        Assert.That(accepted, Is.EquivalentTo(prediction.Versions), $"{label}: protocol versions");
        Assert.That(tls12, Is.EquivalentTo(prediction.Versions.Contains("TLSv1.2") ? Tls12Suites.Where(predicted.Contains) : []),
            $"{label}: suites over TLS 1.2");
        Assert.That(tls13, Is.EquivalentTo(prediction.Versions.Contains("TLSv1.3") ? Tls13Suites.Where(predicted.Contains) : []),
            $"{label}: suites over TLS 1.3");
    }

    private string? Probe(int port, string version, string cipher, Target target, string? tls13Suites = null)
    {
        _handshakes++;
        return LiveHarness.Probe(_openssl, port, version, cipher, target.StartTls, target.ServerName, tls13Suites);
    }

    /// <summary>An endpoint on that port, and with that server name when one is sent (tlslint names http servers <c>name:port</c>).</summary>
    private static bool Serves(LiveHarness.Prediction p, int port, string? serverName) =>
        p.Endpoint.GetProperty("ports").EnumerateArray().Any(e => e.GetInt32() == port)
        && (serverName is null || Name(p).StartsWith(serverName + ":", StringComparison.Ordinal));

    private static string Name(LiveHarness.Prediction p) => p.Endpoint.GetProperty("name").GetString()!;

    /// <summary>A cipher list OpenSSL rejects, or a protocol list nginx rejects: either way nginx stops at start-up.</summary>
    private static bool PredictsRefusal(LiveHarness.Prediction p) =>
        p.Rejected || p.Endpoint.GetProperty("protocols").GetProperty("value").GetString() == "invalid";

    /// <summary>Writes the configuration into a fresh prefix folder, with free ports in place of <c>{Pn}</c>.</summary>
    private (string Prefix, string Conf, List<int> Ports) Write(string body)
    {
        var ports = new List<int>();
        for (var i = 0; body.Contains($"{{P{i}}}", StringComparison.Ordinal); i++)
        {
            int port;
            do
            {
                port = LiveHarness.FreePort();
            }
            while (ports.Contains(port));
            ports.Add(port);
            body = body.Replace($"{{P{i}}}", port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        }

        var prefix = Path.Combine(_dir, $"n{ports.FirstOrDefault()}");
        Directory.CreateDirectory(prefix);
        var text = new StringBuilder()
            .Append("user root;\nworker_processes 1;\n")
            .Append($"pid {prefix}/nginx.pid;\nerror_log {prefix}/error.log info;\n");
        foreach (var module in new[] { "mail", "stream" }.Where(m => body.Contains(m + " {", StringComparison.Ordinal)))
        {
            text.Append($"load_module {ModuleDirectory}/ngx_{module}_module.so;\n");
        }

        text.Append("events {\n    worker_connections 64;\n}\n").Append(body
            .Replace("{CERT}", Path.Combine(_dir, "cert.pem"), StringComparison.Ordinal)
            .Replace("{KEY}", Path.Combine(_dir, "key.pem"), StringComparison.Ordinal)
            .Replace("{DH}", Path.Combine(_dir, "dh.pem"), StringComparison.Ordinal)
            .Replace("{TEMP}", prefix, StringComparison.Ordinal));
        var conf = Path.Combine(prefix, "nginx.conf");
        File.WriteAllText(conf, text.ToString());
        return (prefix, conf, ports);
    }

    /// <summary>nginx in the foreground (so the test holds its master's PID), its start-up log in the prefix too.</summary>
    private Process Start(string prefix, string conf)
    {
        var info = new ProcessStartInfo(_nginx) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in Arguments(prefix, conf).Append("-g").Append("daemon off;"))
        {
            info.ArgumentList.Add(a);
        }

        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static IEnumerable<string> Arguments(string prefix, string conf) => ["-p", prefix + "/", "-c", conf, "-e", Path.Combine(prefix, "error.log")];

    private static string ErrorLog(string prefix)
    {
        var log = Path.Combine(prefix, "error.log");
        return File.Exists(log) ? File.ReadAllText(log) : "(no error log)";
    }

    /// <summary>Stops the instance with its own command, then by the master's PID whatever happened.</summary>
    private void Stop(string prefix, string conf, Process nginx)
    {
        try
        {
            if (!nginx.HasExited)
            {
                LiveHarness.Run(_nginx, [.. Arguments(prefix, conf), "-s", "stop"], check: false);
            }
        }
        finally
        {
            LiveHarness.EnsureStopped(nginx.Id);
        }
    }
}
