using System.Diagnostics;
using System.Net.Sockets;
using System.Text.Json;
using Tlslint.Cli;

namespace Tlslint.Tests.Live;

/// <summary>
/// Starts the real Postfix (Debian's package) on 127.0.0.1 with a throwaway certificate, one configuration at a time,
/// probes it with <c>openssl s_client -starttls smtp</c> for every protocol version and a few suites, stops it (by PID
/// when <c>postfix stop</c> does not), and asserts that <c>tlslint endpoints</c> predicted exactly what was accepted.
/// Needs root (Postfix's master), postfix and openssl; fails in CI when they are missing, skips locally.
/// </summary>
[Category("Live")]
[NonParallelizable]
public sealed class LivePostfixTests
{
    private static readonly string[] Versions = ["tls1", "tls1_1", "tls1_2", "tls1_3"];

    /// <summary>RSA-authenticated or anonymous suites (the throwaway certificate is RSA), probed over TLS 1.2.</summary>
    private static readonly string[] ProbedSuites = ["ADH-AES256-GCM-SHA384", "AES128-SHA", "ECDHE-RSA-AES128-SHA", "ECDHE-RSA-AES256-GCM-SHA384", "NULL-SHA"];

    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    private string _dir = null!;
    private string _postfix = null!;
    private string _openssl = null!;

    public static IEnumerable<TestCaseData> Configurations()
    {
        yield return Case("defaults", string.Empty, string.Empty);
        yield return Case("explicit protocol range", "smtpd_tls_protocols = >=TLSv1.2\n", string.Empty);
        yield return Case("@SECLEVEL=2 in the grade list", "tls_medium_cipherlist = aNULL:-aNULL:HIGH:@STRENGTH:@SECLEVEL=2\n", string.Empty);
        yield return Case("exclusions leave no TLS 1.0 suite", "smtpd_tls_exclude_ciphers = SHA1\n", string.Empty);
        yield return Case("per-service override of inherited protocols", "smtpd_tls_protocols = >=TLSv1\n", "  -o smtpd_tls_protocols=>=TLSv1.3\n");
        yield return Case("null grade", "smtpd_tls_ciphers = null\n", string.Empty);
        yield return Case("exclusion Postfix refuses", "smtpd_tls_exclude_ciphers = aNULL, !RC4\n", string.Empty);
    }

    private static TestCaseData Case(string name, string main, string overrides) =>
        new TestCaseData(main, overrides).SetName($"Live postfix: {name}");

    [OneTimeSetUp]
    public void Prepare()
    {
        _postfix = Require("postfix", "/usr/sbin/postfix");
        _openssl = Require("openssl", "/usr/bin/openssl");
        if (!Environment.IsPrivilegedProcess)
        {
            NotAvailable("the live Postfix test must run as root (Postfix's master starts as root)");
        }

        _dir = Path.Combine(Path.GetTempPath(), "tlslint-live-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(_dir);
        Run(_openssl, ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", Path.Combine(_dir, "key.pem"),
            "-out", Path.Combine(_dir, "cert.pem"), "-days", "2", "-subj", "/CN=live.test"]);
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
    public void Prediction_matches_what_the_running_postfix_accepts(string main, string overrides)
    {
        var port = FreePort();
        var root = Path.Combine(_dir, $"p{port}");
        var config = Path.Combine(root, "etc", "postfix");
        Directory.CreateDirectory(config);
        Directory.CreateDirectory(Path.Combine(root, "queue"));
        Directory.CreateDirectory(Path.Combine(root, "data"));
        Run("/bin/chown", ["postfix", Path.Combine(root, "data")]);
        File.WriteAllText(Path.Combine(config, "main.cf"), BaseMain(root) + main);
        File.WriteAllText(Path.Combine(config, "master.cf"), Master(port, overrides));

        var (versions, suites, rejected) = Predict(config);
        var started = Stopwatch.StartNew();
        try
        {
            Run(_postfix, ["-c", config, "start"]);
            WaitForPort(port);
            var accepted = Versions.Where(v => Probe(port, $"-{v}", "ALL:COMPLEMENTOFALL:@SECLEVEL=0") is not null)
                .Select(VersionName).ToList();
            var acceptedSuites = ProbedSuites.Where(s => Probe(port, "-tls1_2", $"{s}@SECLEVEL=0") == s).ToList();
            TestContext.Out.WriteLine($"accepted {string.Join(" ", accepted)}; suites {string.Join(" ", acceptedSuites)}; {started.ElapsedMilliseconds} ms");

            Assert.That(accepted, Is.EquivalentTo(versions), "protocol versions");
            var tls12 = !rejected && versions.Contains("TLSv1.2");
            Assert.That(acceptedSuites, Is.EquivalentTo(tls12 ? ProbedSuites.Where(suites.Contains) : []), "suites over TLS 1.2");
        }
        finally
        {
            Stop(config, root);
        }
    }

    /// <summary>What <c>tlslint endpoints --format json</c> says the service accepts.</summary>
    private static (List<string> Versions, HashSet<string> Suites, bool Rejected) Predict(string config)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = CommandLine.Run(["endpoints", "--format", "json", config], TextReader.Null, stdout, stderr);
        Assert.That(code, Is.Zero, stderr.ToString());
        using var doc = JsonDocument.Parse(stdout.ToString());
        var endpoint = doc.RootElement.GetProperty("endpoints").EnumerateArray().Single(e => e.GetProperty("role").GetString() == "server");
        var effective = endpoint.GetProperty("effective");
        var versions = effective.GetProperty("protocols").EnumerateArray().Select(v => v.GetString()!).ToList();
        var suites = effective.GetProperty("negotiableSuites").EnumerateArray().Select(v => v.GetString()!).ToHashSet(StringComparer.Ordinal);
        return (versions, suites, effective.GetProperty("rejection").ValueKind == JsonValueKind.String);
    }

    /// <summary>The negotiated suite, or null when the handshake failed.</summary>
    private string? Probe(int port, string version, string cipher)
    {
        var info = new ProcessStartInfo(_openssl)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var a in new[] { "s_client", "-connect", $"127.0.0.1:{port}", "-starttls", "smtp", version, "-cipher", cipher })
        {
            info.ArgumentList.Add(a);
        }

        info.Environment["OPENSSL_CONF"] = "/dev/null";
        using var process = Process.Start(info)!;
        process.StandardInput.WriteLine("QUIT");
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Deadline))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"openssl s_client {version} did not finish in {Deadline.TotalSeconds} s");
        }

        // "New, TLSv1.2, Cipher is ECDHE-RSA-AES256-GCM-SHA384" (the version there is the suite's, not the session's).
        var line = output.Result.Split('\n').FirstOrDefault(l => l.StartsWith("New, ", StringComparison.Ordinal));
        var suite = line?[(line.IndexOf("Cipher is ", StringComparison.Ordinal) + "Cipher is ".Length)..].Trim();
        return suite is null or "(NONE)" ? null : suite;
    }

    private static string VersionName(string option) => option switch
    {
        "tls1" => "TLSv1",
        "tls1_1" => "TLSv1.1",
        "tls1_2" => "TLSv1.2",
        _ => "TLSv1.3",
    };

    /// <summary>Stops the instance with its own command, then by the master's PID whatever happened.</summary>
    private void Stop(string config, string root)
    {
        // The master holds a lock on its PID file, which .NET's own file sharing check refuses: read it with cat.
        var pidFile = Path.Combine(root, "queue", "pid", "master.pid");
        var pid = File.Exists(pidFile) && int.TryParse(ExternalTool.Run("/bin/cat", [pidFile], Deadline).Output.Trim(), out var p) ? p : 0;
        try
        {
            Run(_postfix, ["-c", config, "stop"], check: false);
        }
        finally
        {
            if (pid > 0)
            {
                try
                {
                    using var master = Process.GetProcessById(pid);
                    var until = DateTime.UtcNow + TimeSpan.FromSeconds(5);
                    while (!master.HasExited && DateTime.UtcNow < until)
                    {
                        Thread.Sleep(100);
                        master.Refresh();
                    }

                    if (!master.HasExited)
                    {
                        master.Kill(entireProcessTree: true);
                    }
                }
                catch (ArgumentException)
                {
                    // already gone
                }
            }
        }
    }

    private string BaseMain(string root) =>
        "compatibility_level = 3.6\n" +
        $"queue_directory = {root}/queue\n" +
        $"data_directory = {root}/data\n" +
        "inet_interfaces = 127.0.0.1\n" +
        "inet_protocols = ipv4\n" +
        "myhostname = live.test\n" +
        "mydestination =\n" +
        $"maillog_file_prefixes = {root}\n" +
        $"maillog_file = {root}/maillog\n" +
        $"smtpd_tls_cert_file = {_dir}/cert.pem\n" +
        $"smtpd_tls_key_file = {_dir}/key.pem\n" +
        "smtpd_tls_security_level = may\n";

    /// <summary>The stock services without chroot, the public smtpd on the test port.</summary>
    private static string Master(int port, string overrides) =>
        $"127.0.0.1:{port} inet n - n - - smtpd\n{overrides}" +
        """
        pickup    unix  n       -       n       60      1       pickup
        cleanup   unix  n       -       n       -       0       cleanup
        qmgr      unix  n       -       n       300     1       qmgr
        tlsmgr    unix  -       -       n       1000?   1       tlsmgr
        rewrite   unix  -       -       n       -       -       trivial-rewrite
        bounce    unix  -       -       n       -       0       bounce
        defer     unix  -       -       n       -       0       bounce
        trace     unix  -       -       n       -       0       bounce
        verify    unix  -       -       n       -       1       verify
        flush     unix  n       -       n       1000?   0       flush
        proxymap  unix  -       -       n       -       -       proxymap
        proxywrite unix -       -       n       -       1       proxymap
        smtp      unix  -       -       n       -       -       smtp
        relay     unix  -       -       n       -       -       smtp
        showq     unix  n       -       n       -       -       showq
        error     unix  -       -       n       -       -       error
        retry     unix  -       -       n       -       -       error
        discard   unix  -       -       n       -       -       discard
        local     unix  -       n       n       -       -       local
        anvil     unix  -       -       n       -       1       anvil
        scache    unix  -       -       n       -       1       scache
        postlog   unix-dgram n  -       n       -       1       postlogd

        """;

    private static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void WaitForPort(int port)
    {
        var until = DateTime.UtcNow + Deadline;
        while (DateTime.UtcNow < until)
        {
            try
            {
                using var client = new TcpClient();
                client.Connect(System.Net.IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                Thread.Sleep(100);
            }
        }

        Assert.Fail($"postfix did not listen on 127.0.0.1:{port} within {Deadline.TotalSeconds} s");
    }

    private static void Run(string program, IEnumerable<string> args, bool check = true)
    {
        var (code, output, error) = ExternalTool.Run(program, args, Deadline);
        if (check)
        {
            Assert.That(code, Is.Zero, $"{program} {string.Join(' ', args)}: {output}{error}");
        }
    }

    private static string Require(string name, string path)
    {
        if (File.Exists(path))
        {
            return path;
        }

        NotAvailable($"{name} is not installed ({path})");
        return null!;
    }

    private static void NotAvailable(string why)
    {
        if (Environment.GetEnvironmentVariable("CI") == "true")
        {
            Assert.Fail(why);
        }

        Assert.Ignore(why);
    }
}
