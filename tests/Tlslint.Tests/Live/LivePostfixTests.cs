using System.Diagnostics;

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
    /// <summary>RSA-authenticated or anonymous suites (the throwaway certificate is RSA), probed over TLS 1.2.</summary>
    private static readonly string[] ProbedSuites = ["ADH-AES256-GCM-SHA384", "AES128-SHA", "ECDHE-RSA-AES128-SHA", "ECDHE-RSA-AES256-GCM-SHA384", "NULL-SHA"];

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
        _postfix = LiveHarness.Require("postfix", "/usr/sbin/postfix");
        _openssl = LiveHarness.Require("openssl", "/usr/bin/openssl");
        LiveHarness.RequireRoot("Postfix");
        _dir = LiveHarness.TempDirectory("postfix");
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
    public void Prediction_matches_what_the_running_postfix_accepts(string main, string overrides)
    {
        var port = LiveHarness.FreePort();
        var root = Path.Combine(_dir, $"p{port}");
        var config = Path.Combine(root, "etc", "postfix");
        Directory.CreateDirectory(config);
        Directory.CreateDirectory(Path.Combine(root, "queue"));
        Directory.CreateDirectory(Path.Combine(root, "data"));
        LiveHarness.Run("/bin/chown", ["postfix", Path.Combine(root, "data")]);
        File.WriteAllText(Path.Combine(config, "main.cf"), BaseMain(root) + main);
        File.WriteAllText(Path.Combine(config, "master.cf"), Master(port, overrides));

        var prediction = LiveHarness.Predict(config).Single();
        var started = Stopwatch.StartNew();
        try
        {
            LiveHarness.Run(_postfix, ["-c", config, "start"]);
            LiveHarness.WaitForPort(port, "postfix");
            var accepted = LiveHarness.AcceptedVersions(_openssl, port, "smtp");
            var acceptedSuites = ProbedSuites
                .Where(s => LiveHarness.Probe(_openssl, port, "-tls1_2", $"{s}@SECLEVEL=0", "smtp") == s).ToList();
            TestContext.Out.WriteLine($"accepted {string.Join(" ", accepted)}; suites {string.Join(" ", acceptedSuites)}; {started.ElapsedMilliseconds} ms");

            Assert.That(accepted, Is.EquivalentTo(prediction.Versions), "protocol versions");
            var tls12 = !prediction.Rejected && prediction.Versions.Contains("TLSv1.2");
            Assert.That(acceptedSuites, Is.EquivalentTo(tls12 ? ProbedSuites.Where(prediction.Suites.Contains) : []), "suites over TLS 1.2");
        }
        finally
        {
            Stop(config, root);
        }
    }

    /// <summary>Stops the instance with its own command, then by the master's PID whatever happened.</summary>
    private void Stop(string config, string root)
    {
        var pid = LiveHarness.ReadPid(Path.Combine(root, "queue", "pid", "master.pid"));
        try
        {
            LiveHarness.Run(_postfix, ["-c", config, "stop"], check: false);
        }
        finally
        {
            LiveHarness.EnsureStopped(pid);
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
        LiveHarness.PostfixServices;
}
