using System.Diagnostics;
using System.Net.Sockets;

namespace Tlslint.Tests.Live;

/// <summary>
/// The engine's server-side filters against the real daemons (Debian's nginx, apache2, dovecot, postfix): which suites
/// the served certificates' key types allow, whether DHE works without DH parameters, and which system
/// <c>openssl.cnf</c> commands reach each product. Each case writes a runnable configuration (and an
/// <c>etc/ssl/openssl.cnf</c> the daemon gets through <c>OPENSSL_CONF</c>), asks <c>tlslint endpoints --format json</c>
/// what it predicts, starts the daemon on 127.0.0.1, probes it with <c>openssl s_client</c> per protocol version and
/// per suite, stops it by its PID, and compares. Needs root and the four packages; fails in CI when they are missing,
/// skips locally.
/// </summary>
[Category("Live")]
[NonParallelizable]
public sealed class LiveEngineTests
{
    /// <summary>One suite per authentication and key exchange that the filters decide on, probed over TLS 1.2.</summary>
    private static readonly string[] Suites12 =
        ["ECDHE-RSA-AES128-GCM-SHA256", "ECDHE-ECDSA-AES128-GCM-SHA256", "DHE-RSA-AES128-GCM-SHA256", "AES128-GCM-SHA256", "ADH-AES128-GCM-SHA256"];

    private static readonly string[] Suites13 = ["TLS_AES_128_GCM_SHA256", "TLS_CHACHA20_POLY1305_SHA256"];

    private const string CnfHead = "openssl_conf = init\n[init]\nssl_conf = ssl\n[ssl]\nsystem_default = sys\n[sys]\n";

    private string _dir = null!;
    private string _openssl = null!;

    public static IEnumerable<TestCaseData> Cases()
    {
        // nginx: certificates by key type, DHE only with ssl_dhparam, system bounds replaced, @SECLEVEL and Ciphersuites kept.
        yield return Case("nginx", "RSA certificate, no ssl_dhparam", "{rsa} ssl_protocols TLSv1.2 TLSv1.3;");
        yield return Case("nginx", "EC certificate", "{ec} ssl_protocols TLSv1.2 TLSv1.3;");
        yield return Case("nginx", "RSA and EC certificates with ssl_dhparam", "{rsa} {ec} ssl_dhparam {dh}; ssl_protocols TLSv1.2 TLSv1.3;");
        yield return Case("nginx", "openssl.cnf MinProtocol and MaxProtocol", "{rsa} ssl_protocols TLSv1.2 TLSv1.3;",
            "MinProtocol = TLSv1.3\nMaxProtocol = TLSv1.2\n");
        yield return Case("nginx", "openssl.cnf @SECLEVEL=0 and Ciphersuites", "{rsa} ssl_protocols TLSv1 TLSv1.2 TLSv1.3;",
            "CipherString = ECDHE-RSA-AES128-GCM-SHA256:@SECLEVEL=0\nCiphersuites = TLS_CHACHA20_POLY1305_SHA256\n");
        yield return Case("nginx", "RSA certificate, ECDSA-only cipher list", "{rsa} ssl_protocols TLSv1.2 TLSv1.3; ssl_ciphers ECDHE-ECDSA-AES128-GCM-SHA256;");

        // Apache: automatic DH, several SSLCertificateFile, both bounds replaced, its own TLS 1.3 list wins.
        yield return Case("apache", "RSA certificate", "{rsa}");
        yield return Case("apache", "EC certificate", "{ec}");
        yield return Case("apache", "RSA and EC certificates", "{rsa}\n{ec}");
        yield return Case("apache", "openssl.cnf MinProtocol and MaxProtocol", "{rsa}\nSSLProtocol -all +TLSv1.2 +TLSv1.3",
            "MinProtocol = TLSv1.3\nMaxProtocol = TLSv1.2\n");
        yield return Case("apache", "openssl.cnf Ciphersuites against SSLCipherSuite TLSv1.3", "{rsa}\nSSLCipherSuite TLSv1.3 TLS_AES_128_GCM_SHA256",
            "Ciphersuites = TLS_CHACHA20_POLY1305_SHA256\n");

        // Dovecot: no DHE without ssl_dh, ssl_alt_cert, MinProtocol replaced but MaxProtocol kept.
        yield return Case("dovecot", "RSA certificate, no ssl_dh", "{rsa}");
        yield return Case("dovecot", "RSA certificate with ssl_dh", "{rsa}\nssl_dh = <{dh}");
        yield return Case("dovecot", "EC certificate", "{ec}");
        yield return Case("dovecot", "RSA certificate and EC ssl_alt_cert", "{rsa}\n{ecalt}");
        yield return Case("dovecot", "openssl.cnf MinProtocol and MaxProtocol", "{rsa}", "MinProtocol = TLSv1.3\nMaxProtocol = TLSv1.2\n");

        // Postfix: EC only, two keys in one chain file, no certificate at all, bounds replaced, Ciphersuites kept.
        yield return Case("postfix", "EC certificate only", "smtpd_tls_eccert_file = {dir}/ec.crt\nsmtpd_tls_eckey_file = {dir}/ec.key\n");
        yield return Case("postfix", "chain file with RSA and EC keys", "smtpd_tls_chain_files = {dir}/both.pem\n");
        yield return Case("postfix", "smtpd_tls_cert_file = none", "smtpd_tls_cert_file = none\n");
        yield return Case("postfix", "openssl.cnf MinProtocol and MaxProtocol", "{rsa}", "MinProtocol = TLSv1.3\nMaxProtocol = TLSv1.2\n");
        yield return Case("postfix", "openssl.cnf Ciphersuites", "{rsa}", "Ciphersuites = TLS_CHACHA20_POLY1305_SHA256\n");

        // A key or DH group below the security level: nginx and httpd do not start, Dovecot fails every handshake,
        // Postfix (level 0) does not care; @SECLEVEL=0 in the cipher string lets the key load.
        yield return Case("nginx", "RSA 1024-bit certificate at level 2", "{rsa1024} ssl_protocols TLSv1.2 TLSv1.3;");
        yield return Case("nginx", "RSA 1024-bit certificate with @SECLEVEL=0", "{rsa1024} ssl_protocols TLSv1.2 TLSv1.3; ssl_ciphers DEFAULT:@SECLEVEL=0;");
        yield return Case("nginx", "1024-bit ssl_dhparam at level 2", "{rsa} ssl_dhparam {dh1024}; ssl_protocols TLSv1.2 TLSv1.3;");
        yield return Case("apache", "RSA 1024-bit certificate at level 2", "{rsa1024}");
        yield return Case("apache", "1024-bit DH group appended to the certificate", "SSLCertificateFile {dir}/rsa-dh1024.crt\nSSLCertificateKeyFile {dir}/rsa.key");
        yield return Case("dovecot", "RSA 1024-bit certificate at level 2", "{rsa1024}");
        yield return Case("dovecot", "1024-bit ssl_dh at level 2", "{rsa}\nssl_dh = <{dh1024}");
        yield return Case("postfix", "RSA 1024-bit certificate", "smtpd_tls_cert_file = {dir}/rsa1024.crt\nsmtpd_tls_key_file = {dir}/rsa1024.key\n");
    }

    private static TestCaseData Case(string product, string name, string body, string? cnf = null) =>
        new TestCaseData(product, body, cnf).SetName($"Live engine {product}: {name}");

    [OneTimeSetUp]
    public void Prepare()
    {
        _openssl = LiveHarness.Require("openssl", "/usr/bin/openssl");
        LiveHarness.RequireRoot("engine");
        _dir = LiveHarness.TempDirectory("engine");
        LiveHarness.MakeCertificate(_openssl, _dir, "rsa:2048", "rsa-");
        LiveHarness.MakeCertificate(_openssl, _dir, "ec:" + WriteCurve(_dir), "ec-");
        foreach (var kind in new[] { "rsa", "ec" })
        {
            File.Move(Path.Combine(_dir, $"{kind}-cert.pem"), Path.Combine(_dir, $"{kind}.crt"));
            File.Move(Path.Combine(_dir, $"{kind}-key.pem"), Path.Combine(_dir, $"{kind}.key"));
        }

        static string Material(string name) => Path.Combine(TestPaths.Fixtures, "_material", name);
        File.Copy(Material("test-dh2048.pem"), Path.Combine(_dir, "dh.pem"));
        File.Copy(Material("test-dh1024.pem"), Path.Combine(_dir, "dh1024.pem"));
        File.Copy(Material("test-rsa1024.crt"), Path.Combine(_dir, "rsa1024.crt"));
        File.Copy(Material("test-rsa1024.key"), Path.Combine(_dir, "rsa1024.key"));
        File.WriteAllText(Path.Combine(_dir, "rsa-dh1024.crt"), File.ReadAllText(Path.Combine(_dir, "rsa.crt")) + File.ReadAllText(Material("test-dh1024.pem")));
        File.WriteAllText(Path.Combine(_dir, "both.pem"), string.Concat(new[] { "rsa.key", "rsa.crt", "ec.key", "ec.crt" }
            .Select(f => File.ReadAllText(Path.Combine(_dir, f)))));
        foreach (var key in Directory.GetFiles(_dir, "*.key").Append(Path.Combine(_dir, "both.pem")))
        {
            if (OperatingSystem.IsLinux())
            {
                File.SetUnixFileMode(key, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }
    }

    /// <summary>The P-256 parameters file <c>req -newkey ec:FILE</c> takes.</summary>
    private string WriteCurve(string dir)
    {
        var path = Path.Combine(dir, "p256.pem");
        LiveHarness.Run(_openssl, ["ecparam", "-name", "prime256v1", "-out", path]);
        return path;
    }

    [OneTimeTearDown]
    public void CleanUp()
    {
        if (_dir is not null && Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    [TestCaseSource(nameof(Cases))]
    public void Prediction_matches_what_the_daemon_negotiates(string product, string body, string? cnf)
    {
        var port = LiveHarness.FreePort();
        var root = Path.Combine(_dir, $"{product}-{port}");
        Directory.CreateDirectory(Path.Combine(root, "etc", "ssl"));
        var openSslConf = Path.Combine(root, "etc", "ssl", "openssl.cnf");
        File.WriteAllText(openSslConf, cnf is null ? string.Empty : CnfHead + cnf);
        IDaemon daemon = product switch
        {
            "nginx" => new Nginx(root, port, Fill(body, NginxCerts), openSslConf),
            "apache" => new Apache(root, port, Fill(body, ApacheCerts), openSslConf),
            "dovecot" => new Dovecot(root, port, Fill(body, DovecotCerts), openSslConf),
            _ => new Postfix(root, port, Fill(body, PostfixCerts), openSslConf),
        };
        daemon.Require();

        var prediction = LiveHarness.Predict(daemon.Entry, "--no-config")
            .Single(p => p.Endpoint.GetProperty("ports").EnumerateArray().Any(x => x.GetInt32() == port));
        TestContext.Out.WriteLine($"predicted {prediction.Endpoint.GetProperty("effective")}");
        var started = Stopwatch.StartNew();
        try
        {
            daemon.Start();
            if (prediction.Endpoint.GetProperty("effective").GetProperty("stopsServer").GetBoolean())
            {
                Assert.That(daemon.ExitsAtStart(), Is.True, $"tlslint predicts that the daemon does not start, but it runs: {daemon.Log()}");
                return;
            }

            LiveHarness.WaitForPort(port, "the daemon", log: daemon.Log);
            var accepted = LiveHarness.AcceptedVersions(_openssl, port, daemon.StartTls);
            var accepted12 = Suites12.Where(s => LiveHarness.Probe(_openssl, port, "-tls1_2", $"{s}@SECLEVEL=0", daemon.StartTls) == s).ToList();
            var accepted13 = Suites13
                .Where(s => LiveHarness.Probe(_openssl, port, "-tls1_3", LiveHarness.EveryClientSuite, daemon.StartTls, tls13Suites: s) == s).ToList();
            TestContext.Out.WriteLine($"accepted {string.Join(" ", accepted)}; TLS 1.2 {string.Join(" ", accepted12)}; TLS 1.3 {string.Join(" ", accepted13)}; {started.ElapsedMilliseconds} ms");

            var versions = prediction.Versions;
            Assert.Multiple(() =>
            {
                Assert.That(accepted, Is.EquivalentTo(versions), "protocol versions");
                Assert.That(accepted12, Is.EquivalentTo(versions.Contains("TLSv1.2") ? Suites12.Where(prediction.Suites.Contains) : []), "suites over TLS 1.2");
                Assert.That(accepted13, Is.EquivalentTo(versions.Contains("TLSv1.3") ? Suites13.Where(prediction.Suites.Contains) : []), "suites over TLS 1.3");
            });
        }
        finally
        {
            daemon.Stop();
        }
    }

    private string Fill(string body, Func<string, string> certificates) =>
        certificates(body).Replace("{dir}", _dir, StringComparison.Ordinal).Replace("{dh}", Path.Combine(_dir, "dh.pem"), StringComparison.Ordinal)
            .Replace("{dh1024}", Path.Combine(_dir, "dh1024.pem"), StringComparison.Ordinal);

    private string NginxCerts(string body) => body
        .Replace("{rsa1024}", $"ssl_certificate {_dir}/rsa1024.crt; ssl_certificate_key {_dir}/rsa1024.key;", StringComparison.Ordinal)
        .Replace("{rsa}", $"ssl_certificate {_dir}/rsa.crt; ssl_certificate_key {_dir}/rsa.key;", StringComparison.Ordinal)
        .Replace("{ec}", $"ssl_certificate {_dir}/ec.crt; ssl_certificate_key {_dir}/ec.key;", StringComparison.Ordinal);

    private string ApacheCerts(string body) => body
        .Replace("{rsa1024}", $"SSLCertificateFile {_dir}/rsa1024.crt\nSSLCertificateKeyFile {_dir}/rsa1024.key", StringComparison.Ordinal)
        .Replace("{rsa}", $"SSLCertificateFile {_dir}/rsa.crt\nSSLCertificateKeyFile {_dir}/rsa.key", StringComparison.Ordinal)
        .Replace("{ec}", $"SSLCertificateFile {_dir}/ec.crt\nSSLCertificateKeyFile {_dir}/ec.key", StringComparison.Ordinal);

    private string DovecotCerts(string body) => body
        .Replace("{rsa1024}", $"ssl_cert = <{_dir}/rsa1024.crt\nssl_key = <{_dir}/rsa1024.key", StringComparison.Ordinal)
        .Replace("{rsa}", $"ssl_cert = <{_dir}/rsa.crt\nssl_key = <{_dir}/rsa.key", StringComparison.Ordinal)
        .Replace("{ecalt}", $"ssl_alt_cert = <{_dir}/ec.crt\nssl_alt_key = <{_dir}/ec.key", StringComparison.Ordinal)
        .Replace("{ec}", $"ssl_cert = <{_dir}/ec.crt\nssl_key = <{_dir}/ec.key", StringComparison.Ordinal);

    private string PostfixCerts(string body) => body
        .Replace("{rsa}", $"smtpd_tls_cert_file = {_dir}/rsa.crt\nsmtpd_tls_key_file = {_dir}/rsa.key\n", StringComparison.Ordinal);

    /// <summary>One daemon under test: its configuration written at construction, started and stopped by PID.</summary>
    private interface IDaemon
    {
        /// <summary>What tlslint is pointed at.</summary>
        string Entry { get; }

        /// <summary>The <c>s_client -starttls</c> protocol, or null for implicit TLS.</summary>
        string? StartTls { get; }

        void Require();

        void Start();

        void Stop();

        /// <summary>True when the daemon stops by itself right after starting (a configuration it refuses).</summary>
        bool ExitsAtStart();

        string Log();
    }

    /// <summary>A daemon that stays in the foreground: started as a child process, stopped by killing its process tree.</summary>
    private abstract class ForegroundDaemon(string binary) : IDaemon
    {
        private Process? _process;

        public abstract string Entry { get; }

        public virtual string? StartTls => null;

        public void Require() => LiveHarness.Require(Path.GetFileName(binary), binary);

        protected abstract IEnumerable<string> Arguments { get; }

        protected abstract string OpenSslConf { get; }

        /// <summary>The program that starts <paramref name="binary"/> (<c>setsid</c> for httpd, whose prefork parent signals its whole process group when it stops).</summary>
        protected virtual (string Program, IEnumerable<string> Prefix) Launcher => (binary, []);

        public void Start()
        {
            var (program, prefix) = Launcher;
            var info = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var a in prefix.Concat(Arguments))
            {
                info.ArgumentList.Add(a);
            }

            info.Environment["OPENSSL_CONF"] = OpenSslConf;
            _process = Process.Start(info)!;
            _process.OutputDataReceived += (_, _) => { };
            _process.ErrorDataReceived += (_, _) => { };
            _process.BeginOutputReadLine();
            _process.BeginErrorReadLine();
        }

        public void Stop()
        {
            if (_process is null)
            {
                return;
            }

            try
            {
                if (!_process.HasExited)
                {
                    _process.Kill(entireProcessTree: true);
                    _process.WaitForExit(LiveHarness.Deadline);
                }
            }
            finally
            {
                _process.Dispose();
                _process = null;
            }
        }

        public bool ExitsAtStart() => _process is null || _process.WaitForExit(LiveHarness.Deadline);

        public abstract string Log();
    }

    private sealed class Nginx : ForegroundDaemon
    {
        private readonly string _conf;
        private readonly string _root;

        public Nginx(string root, int port, string server, string openSslConf) : base("/usr/sbin/nginx")
        {
            _root = root;
            OpenSslConf = openSslConf;
            _conf = Path.Combine(root, "etc", "nginx", "nginx.conf");
            Directory.CreateDirectory(Path.GetDirectoryName(_conf)!);
            File.WriteAllText(_conf, $$"""
                worker_processes 1;
                error_log {{root}}/error.log info;
                pid {{root}}/nginx.pid;
                events { worker_connections 64; }
                http {
                    access_log off;
                    server {
                        listen 127.0.0.1:{{port}} ssl;
                        {{server}}
                    }
                }
                """);
        }

        public override string Entry => _conf;

        protected override string OpenSslConf { get; }

        protected override IEnumerable<string> Arguments => ["-p", _root, "-c", _conf, "-g", "daemon off;"];

        public override string Log() => ReadLog(Path.Combine(_root, "error.log"));
    }

    private sealed class Apache : ForegroundDaemon
    {
        private readonly string _conf;
        private readonly string _root;

        public Apache(string root, int port, string vhost, string openSslConf) : base("/usr/sbin/apache2")
        {
            _root = root;
            OpenSslConf = openSslConf;
            _conf = Path.Combine(root, "etc", "apache2", "apache2.conf");
            Directory.CreateDirectory(Path.GetDirectoryName(_conf)!);
            const string modules = "/usr/lib/apache2/modules";
            File.WriteAllText(_conf, $"""
                ServerRoot {root}
                ServerName localhost
                LoadModule mpm_prefork_module {modules}/mod_mpm_prefork.so
                LoadModule authz_core_module {modules}/mod_authz_core.so
                LoadModule socache_shmcb_module {modules}/mod_socache_shmcb.so
                LoadModule ssl_module {modules}/mod_ssl.so
                PidFile {root}/apache2.pid
                Mutex file:{root} default
                ErrorLog {root}/error.log
                StartServers 1
                MinSpareServers 1
                MaxSpareServers 2
                User www-data
                Group www-data
                Listen 127.0.0.1:{port}
                DocumentRoot {root}
                <VirtualHost 127.0.0.1:{port}>
                    SSLEngine on
                    {vhost.Replace("\n", "\n    ", StringComparison.Ordinal)}
                </VirtualHost>
                """);
        }

        public override string Entry => _conf;

        protected override string OpenSslConf { get; }

        protected override IEnumerable<string> Arguments => ["/usr/sbin/apache2", "-d", _root, "-f", _conf, "-DFOREGROUND"];

        protected override (string Program, IEnumerable<string> Prefix) Launcher => ("/usr/bin/setsid", []);

        public override string Log() => ReadLog(Path.Combine(_root, "error.log"));
    }

    private sealed class Dovecot : ForegroundDaemon
    {
        private readonly string _conf;
        private readonly string _root;

        public Dovecot(string root, int port, string settings, string openSslConf) : base("/usr/sbin/dovecot")
        {
            _root = root;
            OpenSslConf = openSslConf;
            _conf = Path.Combine(root, "etc", "dovecot", "dovecot.conf");
            Directory.CreateDirectory(Path.GetDirectoryName(_conf)!);
            File.WriteAllText(_conf, $$"""
                base_dir = {{root}}/run
                state_dir = {{root}}/state
                log_path = {{root}}/dovecot.log
                protocols = imap
                listen = 127.0.0.1
                ssl = yes
                import_environment = TZ OPENSSL_CONF={{openSslConf}}
                passdb {
                  driver = static
                  args = password=x
                }
                userdb {
                  driver = static
                  args = uid=nobody gid=nogroup home={{root}}/home
                }
                service imap-login {
                  inet_listener imap {
                    address = 127.0.0.1
                    port = {{port}}
                  }
                  inet_listener imaps {
                    port = 0
                  }
                }
                {{settings}}

                """);
        }

        public override string Entry => _conf;

        public override string? StartTls => "imap";

        protected override string OpenSslConf { get; }

        protected override IEnumerable<string> Arguments => ["-F", "-c", _conf];

        public override string Log() => ReadLog(Path.Combine(_root, "dovecot.log"));
    }

    /// <summary>Postfix daemonizes: started and stopped with its own command, then by the master's PID whatever happened.</summary>
    private sealed class Postfix : IDaemon
    {
        private const string Binary = "/usr/sbin/postfix";
        private readonly string _config;
        private readonly string _root;

        public Postfix(string root, int port, string main, string openSslConf)
        {
            _root = root;
            _config = Path.Combine(root, "etc", "postfix");
            Directory.CreateDirectory(_config);
            Directory.CreateDirectory(Path.Combine(root, "queue"));
            Directory.CreateDirectory(Path.Combine(root, "data"));
            File.WriteAllText(Path.Combine(_config, "main.cf"), $"""
                compatibility_level = 3.6
                queue_directory = {root}/queue
                data_directory = {root}/data
                inet_interfaces = 127.0.0.1
                inet_protocols = ipv4
                myhostname = live.test
                mydestination =
                maillog_file_prefixes = {root}
                maillog_file = {root}/maillog
                import_environment = MAIL_CONFIG MAIL_DEBUG MAIL_LOGTAG TZ LANG=C OPENSSL_CONF={openSslConf}
                smtpd_tls_security_level = may

                """ + main);
            File.WriteAllText(Path.Combine(_config, "master.cf"), $"127.0.0.1:{port} inet n - n - - smtpd\n" + LiveHarness.PostfixServices);
        }

        public string Entry => _config;

        public string? StartTls => "smtp";

        public void Require() => LiveHarness.Require("postfix", Binary);

        public void Start()
        {
            LiveHarness.Run("/bin/chown", ["postfix", Path.Combine(_root, "data")]);
            LiveHarness.Run(Binary, ["-c", _config, "start"]);
        }

        public void Stop()
        {
            var pid = LiveHarness.ReadPid(Path.Combine(_root, "queue", "pid", "master.pid"));
            try
            {
                LiveHarness.Run(Binary, ["-c", _config, "stop"], check: false);
            }
            finally
            {
                LiveHarness.EnsureStopped(pid);
            }
        }

        /// <summary>postfix start returns once the master runs: it never stops by itself over a certificate.</summary>
        public bool ExitsAtStart() => false;

        public string Log() => ReadLog(Path.Combine(_root, "maillog"));
    }

    private static string ReadLog(string path) => File.Exists(path) ? string.Join("\n", File.ReadLines(path).TakeLast(10)) : "(no log)";
}
