using System.Diagnostics;
using System.Net.Sockets;
using System.Text.Json;
using Tlslint.Cli;

namespace Tlslint.Tests.Live;

/// <summary>
/// What every live suite shares: finding the daemon and openssl, a throwaway certificate, free loopback ports,
/// probing with <c>openssl s_client</c>, asking <c>tlslint endpoints</c> for its prediction, and stopping a daemon by
/// PID. Each suite starts the real server from Debian's package on 127.0.0.1 only.
/// </summary>
internal static class LiveHarness
{
    /// <summary>The s_client switches for the versions probed, in order.</summary>
    public static readonly string[] Versions = ["tls1", "tls1_1", "tls1_2", "tls1_3"];

    /// <summary>How long any one external step may take.</summary>
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    /// <summary>A client string that offers every TLS ≤ 1.2 suite the client build has, at any security level.</summary>
    public const string EveryClientSuite = "ALL:COMPLEMENTOFALL:@SECLEVEL=0";

    /// <summary>Postfix's stock internal services, none chrooted: what a live master.cf needs beside its smtpd.</summary>
    public const string PostfixServices = """
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

    /// <summary>The path when the file exists; otherwise the test fails in CI and is ignored elsewhere.</summary>
    public static string Require(string name, string path)
    {
        if (File.Exists(path))
        {
            return path;
        }

        NotAvailable($"{name} is not installed ({path})");
        return null!;
    }

    /// <summary>Fails in CI (where everything must be installed), ignores the test elsewhere.</summary>
    public static void NotAvailable(string why)
    {
        if (Environment.GetEnvironmentVariable("CI") == "true")
        {
            Assert.Fail(why);
        }

        Assert.Ignore(why);
    }

    /// <summary>Ignores (or fails in CI) unless the test process is root, which daemons' masters need.</summary>
    public static void RequireRoot(string product)
    {
        if (!Environment.IsPrivilegedProcess)
        {
            NotAvailable($"the live {product} test must run as root");
        }
    }

    /// <summary>A fresh temporary folder for one suite.</summary>
    public static string TempDirectory(string product)
    {
        var dir = Path.Combine(Path.GetTempPath(), $"tlslint-live-{product}-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        return dir;
    }

    /// <summary>Writes a self-signed throwaway certificate and its key (<c>cert.pem</c>, <c>key.pem</c> by default) into the folder.</summary>
    public static void MakeCertificate(string openssl, string dir, string newKey = "rsa:2048", string name = "")
    {
        Run(openssl, ["req", "-x509", "-newkey", newKey, "-nodes", "-keyout", Path.Combine(dir, $"{name}key.pem"),
            "-out", Path.Combine(dir, $"{name}cert.pem"), "-days", "2", "-subj", "/CN=live.test"]);
    }

    public static void Run(string program, IEnumerable<string> args, bool check = true)
    {
        var list = args.ToList();
        var (code, output, error) = ExternalTool.Run(program, list, Deadline);
        if (check)
        {
            Assert.That(code, Is.Zero, $"{program} {string.Join(' ', list)}: {output}{error}");
        }
    }

    /// <summary>
    /// Runs a command that leaves a daemon behind (Dovecot's master keeps the output it inherited open), with its output
    /// sent to <paramref name="outputFile"/> instead of a pipe that would never close; returns the command's exit code.
    /// </summary>
    public static int RunDaemonizing(string program, IEnumerable<string> args, string outputFile)
    {
        var (code, _, _) = ExternalTool.Run("/bin/sh", ["-c", "f=$1; shift; exec \"$@\" >\"$f\" 2>&1", "sh", outputFile, program, .. args], Deadline);
        return code;
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>
    /// Waits until every port answers on 127.0.0.1. Fails at once when <paramref name="process"/> (a daemon run in the
    /// foreground) exits, and on the deadline; either failure shows <paramref name="log"/> (the daemon's error log).
    /// </summary>
    public static void WaitForPort(int port, string product, Process? process = null, Func<string>? log = null) =>
        WaitForPorts([port], product, process, log);

    /// <inheritdoc cref="WaitForPort"/>
    public static void WaitForPorts(IReadOnlyCollection<int> ports, string product, Process? process = null, Func<string>? log = null)
    {
        var until = DateTime.UtcNow + Deadline;
        while (DateTime.UtcNow < until)
        {
            if (process is { HasExited: true })
            {
                Assert.Fail($"{product} exited with {process.ExitCode}:\n{log?.Invoke()}");
            }

            if (ports.All(Listens))
            {
                return;
            }

            Thread.Sleep(100);
        }

        Assert.Fail($"{product} did not listen on 127.0.0.1:{string.Join(",", ports)} within {Deadline.TotalSeconds} s:\n{log?.Invoke()}");
    }

    /// <summary>True when something accepts connections on 127.0.0.1:<paramref name="port"/>.</summary>
    public static bool Listens(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(System.Net.IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>Writes the RFC 7919 ffdhe2048 group as DH parameters: instant, unlike generating a prime.</summary>
    public static void MakeDhParameters(string openssl, string path) =>
        Run(openssl, ["genpkey", "-genparam", "-algorithm", "DH", "-pkeyopt", "group:ffdhe2048", "-out", path]);

    /// <summary>
    /// One handshake with <c>openssl s_client</c> (system openssl.cnf ignored): the negotiated suite, or null when the
    /// handshake failed. <paramref name="starttls"/> is s_client's protocol name (smtp, imap, pop3) or null.
    /// </summary>
    public static string? Probe(string openssl, int port, string version, string cipher, string? starttls = null,
        string? serverName = null, string? tls13Suites = null)
    {
        var info = new ProcessStartInfo(openssl)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var args = new List<string> { "s_client", "-connect", $"127.0.0.1:{port}", version, "-cipher", cipher };
        if (starttls is not null)
        {
            args.AddRange(["-starttls", starttls]);
        }

        if (serverName is not null)
        {
            args.AddRange(["-servername", serverName]);
        }

        if (tls13Suites is not null)
        {
            args.AddRange(["-ciphersuites", tls13Suites]);
        }

        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        info.Environment["OPENSSL_CONF"] = "/dev/null";
        using var process = Process.Start(info)!;
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

    /// <summary>The versions a port accepts, named as tlslint names them (TLSv1 … TLSv1.3).</summary>
    public static List<string> AcceptedVersions(string openssl, int port, string? starttls = null, string? serverName = null) =>
        Versions.Where(v => Probe(openssl, port, $"-{v}", EveryClientSuite, starttls, serverName) is not null)
            .Select(VersionName).ToList();

    public static string VersionName(string option) => option switch
    {
        "tls1" => "TLSv1",
        "tls1_1" => "TLSv1.1",
        "tls1_2" => "TLSv1.2",
        _ => "TLSv1.3",
    };

    /// <summary>What tlslint predicts for one endpoint.</summary>
    public sealed record Prediction(List<string> Versions, HashSet<string> Suites, bool Rejected, JsonElement Endpoint);

    /// <summary>
    /// Runs <c>tlslint endpoints --format json</c> on <paramref name="path"/> and returns the prediction of every
    /// server endpoint, in the order tlslint lists them.
    /// </summary>
    public static List<Prediction> Predict(string path, params string[] extra)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = CommandLine.Run(["endpoints", "--format", "json", .. extra, path], TextReader.Null, stdout, stderr);
        Assert.That(code, Is.Zero, stderr.ToString());
        using var doc = JsonDocument.Parse(stdout.ToString());
        var result = new List<Prediction>();
        foreach (var endpoint in doc.RootElement.GetProperty("endpoints").EnumerateArray())
        {
            if (endpoint.GetProperty("role").GetString() != "server")
            {
                continue;
            }

            var effective = endpoint.GetProperty("effective");
            result.Add(new Prediction(
                effective.GetProperty("protocols").EnumerateArray().Select(v => v.GetString()!).ToList(),
                effective.GetProperty("negotiableSuites").EnumerateArray().Select(v => v.GetString()!).ToHashSet(StringComparer.Ordinal),
                effective.GetProperty("rejection").ValueKind == JsonValueKind.String,
                endpoint.Clone()));
        }

        return result;
    }

    /// <summary>The PID written in a PID file, or 0. Read with cat: daemons lock the file against .NET's sharing check.</summary>
    public static int ReadPid(string pidFile) =>
        File.Exists(pidFile) && int.TryParse(ExternalTool.Run("/bin/cat", [pidFile], Deadline).Output.Trim(), out var p) ? p : 0;

    /// <summary>Waits up to 5 s for the process to exit after its own stop command, then kills it and its children.</summary>
    public static void EnsureStopped(int pid)
    {
        if (pid <= 0)
        {
            return;
        }

        try
        {
            using var process = Process.GetProcessById(pid);
            var until = DateTime.UtcNow + TimeSpan.FromSeconds(5);
            while (!process.HasExited && DateTime.UtcNow < until)
            {
                Thread.Sleep(100);
                process.Refresh();
            }

            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (ArgumentException)
        {
            // already gone
        }
    }
}
