using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using Tlslint.Cli;

namespace Tlslint.Tests.Cli;

/// <summary>The <c>tlslint</c> command run in-process (and, where a terminal or the real entry point matters, as a process).</summary>
public sealed class CommandLineTests
{
    private const string Clean =
        "compatibility_level = 3.6\n" +
        "smtpd_tls_cert_file = /etc/ssl/certs/mail.pem\n" +
        "smtpd_tls_key_file = /etc/ssl/private/mail.key\n" +
        "smtpd_tls_security_level = may\n" +
        "smtpd_tls_protocols = >=TLSv1.2\n" +
        "smtpd_tls_mandatory_protocols = >=TLSv1.2\n" +
        "smtp_tls_security_level = may\n" +
        "smtp_tls_protocols = >=TLSv1.2\n" +
        "smtp_tls_mandatory_protocols = >=TLSv1.2\n" +
        "smtpd_tls_ciphers = high\n" +
        "smtpd_tls_mandatory_ciphers = high\n" +
        "smtpd_tls_exclude_ciphers = kRSA, CBC\n" +
        "smtpd_tls_mandatory_exclude_ciphers = aNULL\n" +
        "smtp_tls_ciphers = high\n" +
        "smtp_tls_exclude_ciphers = kRSA, CBC\n" +
        "tls_preempt_cipherlist = yes\n";

    /// <summary>SSLv3 left on explicitly: a TLS101 error at line 2.</summary>
    private const string SslV3 = "smtpd_tls_security_level = may\nsmtpd_tls_protocols = !SSLv2\n";

    /// <summary>Only a warning (TLS102 on the submission port's mandatory list), no error.</summary>
    private static readonly string WarningOnly = Clean.Replace("smtpd_tls_mandatory_protocols = >=TLSv1.2", "smtpd_tls_mandatory_protocols = >=TLSv1");

    private const string SubmissionMaster =
        "smtp inet n - y - - smtpd\n" +
        "submission inet n - y - - smtpd\n" +
        "  -o smtpd_tls_security_level=encrypt\n" +
        "  -o smtpd_sasl_auth_enable=yes\n";

    private TempTree _tree = null!;

    [SetUp]
    public void CreateTree() => _tree = new TempTree();

    [TearDown]
    public void DeleteTree() => _tree.Dispose();

    /// <summary>The certificate and key <see cref="Clean"/> names, from the test material, as a server keeps them.</summary>
    private void WriteMailCertificate()
    {
        string Material(string name) => File.ReadAllText(Path.Combine(TestPaths.Fixtures, "_material", name));
        _tree.Write("etc/ssl/certs/mail.pem", Material("test-rsa2048.crt") + Material("test-intermediate-ca.crt"));
        var key = _tree.Write("etc/ssl/private/mail.key", Material("test-rsa2048.key"));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(key, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            File.SetUnixFileMode(Path.GetDirectoryName(key)!, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    private static CliOutcome Run(params string[] args) => CliOutcome.Run(args);

    /// <summary>Runs with a deadline, for inputs that could make a careless implementation hang.</summary>
    private static CliOutcome RunWithin(TimeSpan limit, params string[] args)
    {
        var task = Task.Run(() => Run(args));
        Assert.That(task.Wait(limit), Is.True, $"tlslint {string.Join(' ', args)} did not finish within {limit}");
        return task.Result;
    }

    private static JsonDocument Json(CliOutcome outcome)
    {
        Assert.That(outcome.Out.TrimStart(), Does.StartWith("{"), outcome.Err);
        return JsonDocument.Parse(outcome.Out);
    }

    private static List<(string Rule, int? Line, string File)> Findings(JsonDocument json) =>
        json.RootElement.GetProperty("findings").EnumerateArray()
            .Select(f => (
                f.GetProperty("ruleId").GetString()!,
                f.GetProperty("startLine").ValueKind == JsonValueKind.Null ? (int?)null : f.GetProperty("startLine").GetInt32(),
                f.GetProperty("file").GetString()!))
            .ToList();

    private static (int Code, string Out) RunProcess(string fileName, IEnumerable<string> args, IDictionary<string, string?>? environment = null)
    {
        var info = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
        {
            info.Environment[key] = value;
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(60_000))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{fileName} did not finish");
        }

        return (process.ExitCode, output.Result + error.Result);
    }

    private static string CliDll => Path.Combine(AppContext.BaseDirectory, "tlslint.dll");

    [Test]
    public void Clean_tree_exits_0()
    {
        _tree.Write("main.cf", Clean);
        WriteMailCertificate();

        var r = Run(_tree.Root, "--root", _tree.Root, "--now", "2026-01-01");

        Assert.That(r.Code, Is.EqualTo(0), r.Out + r.Err);
        Assert.That(r.Err, Is.Empty);
        Assert.That(r.Out, Does.Contain("No findings"));
    }

    [Test]
    public void Finding_at_the_default_threshold_exits_1()
    {
        _tree.Write("main.cf", SslV3);

        var r = Run(_tree.Root);

        Assert.That(r.Code, Is.EqualTo(1), r.Out + r.Err);
        Assert.That(r.Out, Does.Contain("main.cf:2:1: error TLS101"));
    }

    [Test]
    public void Fail_on_none_exits_0_despite_errors()
    {
        _tree.Write("main.cf", SslV3);

        Assert.That(Run("--fail-on", "none", _tree.Root).Code, Is.EqualTo(0));
    }

    [Test]
    public void Fail_on_error_ignores_warnings()
    {
        _tree.Write("main.cf", WarningOnly);
        _tree.Write("master.cf", SubmissionMaster);

        var atWarning = Run(_tree.Root);
        var atError = Run("--fail-on", "error", _tree.Root);

        Assert.That(atWarning.Out, Does.Contain("warning TLS102"), "the tree must have a warning for this test to mean anything");
        Assert.That(atWarning.Code, Is.EqualTo(1));
        Assert.That(atError.Code, Is.EqualTo(0), atError.Out);
    }

    [Test]
    public void Fail_on_note_counts_notes()
    {
        _tree.Write("main.cf", "smtpd_tls_security_level = may\nsmtpd_tls_cert_file = /etc/ssl/a.pem\n");

        var r = Run("--fail-on", "note", _tree.Root);

        Assert.That(r.Out, Does.Contain(" note "));
        Assert.That(r.Code, Is.EqualTo(1));
    }

    [Test]
    public void Bad_fail_on_level_exits_2()
    {
        _tree.Write("main.cf", Clean);

        var r = Run("--fail-on", "critical", _tree.Root);

        Assert.That(r.Code, Is.EqualTo(2));
        Assert.That(r.Err, Does.Contain("critical"));
    }

    [Test]
    public void Missing_path_exits_2_with_one_line_and_no_stack_trace()
    {
        var missing = _tree.PathOf("nope");

        var r = Run(missing);

        Assert.That(r.Code, Is.EqualTo(2));
        var lines = r.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Has.Length.EqualTo(1), r.Err);
        Assert.That(lines[0], Does.Contain(missing).And.Contain("no such file"));
        Assert.That(r.Err, Does.Not.Contain("   at "));
        Assert.That(r.Err, Does.Not.Contain("Exception"));
    }

    [Test]
    public void Bad_format_exits_2()
    {
        _tree.Write("main.cf", Clean);

        var r = Run("--format", "xml", _tree.Root);

        Assert.That(r.Code, Is.EqualTo(2));
        Assert.That(r.Err, Does.Contain("xml"));
        Assert.That(r.Out, Is.Empty);
    }

    [Test]
    public void Unknown_rule_in_select_exits_2()
    {
        _tree.Write("main.cf", Clean);

        var r = Run("--select", "TLS999", _tree.Root);

        Assert.That(r.Code, Is.EqualTo(2));
        Assert.That(r.Err, Does.Contain("TLS999"));
    }

    [Test]
    public void Select_runs_only_the_selected_rules()
    {
        _tree.Write("main.cf", SslV3);

        var r = Run("--select", "TLS007", "--format", "json", _tree.Root);

        using var json = Json(r);
        Assert.That(Findings(json), Is.Empty);
        Assert.That(r.Code, Is.EqualTo(0));
    }

    [Test]
    public void Parse_error_exits_2_even_with_findings()
    {
        _tree.Write("main.cf", "smtpd_tls_security_level = may\nsmtpd_tls_protocols = !SSLv2\nsmtpd_tls_ciphers = high,\nexport\n");

        var r = Run("--format", "json", _tree.Root);

        Assert.That(r.Code, Is.EqualTo(2));
        using var json = Json(r);
        var findings = Findings(json);
        Assert.That(findings.Where(f => f.Rule == "TLS001").Select(f => f.Line), Is.EqualTo(new int?[] { 4 }));
        Assert.That(findings.Select(f => f.Rule), Does.Contain("TLS101"));
    }

    [Test]
    public void Json_report_has_schema_version_findings_and_assumptions()
    {
        _tree.Write("main.cf", SslV3);

        var r = Run("--format", "json", _tree.Root);

        using var json = Json(r);
        var root = json.RootElement;
        Assert.That(root.GetProperty("schemaVersion").GetInt32(), Is.EqualTo(1));
        Assert.That(Findings(json).Select(f => (f.Rule, f.Line)), Does.Contain(("TLS101", (int?)2)));
        Assert.That(root.GetProperty("assumptions").GetProperty("postfix").GetProperty("version").GetString(), Is.EqualTo("3.7.11"));
        Assert.That(r.Code, Is.EqualTo(1));
    }

    [Test]
    public void Sarif_report_is_version_2_1_0()
    {
        _tree.Write("main.cf", SslV3);

        var r = Run("--format", "sarif", _tree.Root);

        using var json = Json(r);
        Assert.That(json.RootElement.GetProperty("version").GetString(), Is.EqualTo("2.1.0"));
        var results = json.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().ToList();
        Assert.That(results.Select(x => x.GetProperty("ruleId").GetString()), Does.Contain("TLS101"));
    }

    [Test]
    public void Output_option_writes_the_file_and_nothing_to_stdout()
    {
        _tree.Write("main.cf", SslV3);
        var report = Path.Combine(_tree.Root, "out", "report.json");
        Directory.CreateDirectory(Path.GetDirectoryName(report)!);

        var r = Run("--format", "json", "--output", report, Path.Combine(_tree.Root, "main.cf"));

        Assert.That(r.Out, Is.Empty);
        Assert.That(r.Code, Is.EqualTo(1));
        using var json = JsonDocument.Parse(File.ReadAllText(report));
        Assert.That(json.RootElement.GetProperty("findings").GetArrayLength(), Is.GreaterThan(0));
    }

    [Test]
    public void Unwritable_output_exits_2()
    {
        _tree.Write("main.cf", Clean);

        var r = Run("--output", _tree.PathOf("no/such/dir/report.txt"), _tree.Root);

        Assert.That(r.Code, Is.EqualTo(2));
        Assert.That(r.Err, Does.Contain("--output"));
    }

    [Test]
    public void Rules_lists_every_rule()
    {
        var r = Run("rules");

        Assert.That(r.Code, Is.EqualTo(0));
        Assert.That(r.Out, Does.Contain("TLS101").And.Contain("ssl-protocol-enabled"));
        Assert.That(r.Out, Does.Contain("TLS001"));
    }

    [TestCase("TLS101")]
    [TestCase("tls101")]
    [TestCase("ssl-protocol-enabled")]
    public void Explain_prints_the_rule_doc(string id)
    {
        var r = Run("explain", id);

        Assert.That(r.Code, Is.EqualTo(0));
        Assert.That(r.Out, Does.StartWith("# TLS101 ssl-protocol-enabled"));
        Assert.That(r.Out, Does.Contain("## What it does"));
    }

    [Test]
    public void Explain_unknown_rule_exits_2()
    {
        var r = Run("explain", "TLS999");

        Assert.That(r.Code, Is.EqualTo(2));
        Assert.That(r.Out, Is.Empty);
        Assert.That(r.Err, Does.Contain("TLS999"));
    }

    [Test]
    public void Endpoints_json_lists_modes_and_ports()
    {
        _tree.Write("main.cf", Clean);
        _tree.Write("master.cf", SubmissionMaster + "submissions inet n - y - - smtpd -o smtpd_tls_wrappermode=yes\n");

        var r = Run("endpoints", "--format", "json", _tree.Root);

        Assert.That(r.Code, Is.EqualTo(0), r.Err);
        using var json = Json(r);
        Assert.That(json.RootElement.GetProperty("schemaVersion").GetInt32(), Is.EqualTo(1));
        var endpoints = json.RootElement.GetProperty("endpoints").EnumerateArray()
            .Where(e => e.GetProperty("role").GetString() == "server")
            .Select(e => $"{e.GetProperty("name").GetString()} {e.GetProperty("mode").GetProperty("value").GetString()} " +
                         string.Join(",", e.GetProperty("ports").EnumerateArray().Select(p => p.GetInt32())))
            .ToList();
        Assert.That(endpoints, Is.EqualTo(new[]
        {
            "smtp/inet starttls-optional 25",
            "submission/inet starttls-required 587",
            "submissions/inet implicit 465",
        }));
    }

    [Test]
    public void Assume_changes_a_default_driven_finding()
    {
        _tree.Write("main.cf", "smtpd_tls_security_level = may\nsmtpd_tls_cert_file = /etc/ssl/a.pem\n");

        var modern = Run("--format", "json", _tree.Root);
        var old = Run("--format", "json", "--assume", "postfix=3.0.1", _tree.Root);

        using var modernJson = Json(modern);
        using var oldJson = Json(old);
        Assert.That(Findings(modernJson).Select(f => f.Rule), Does.Not.Contain("TLS101"));
        Assert.That(Findings(oldJson).Select(f => f.Rule), Does.Contain("TLS101"));
        Assert.That(oldJson.RootElement.GetProperty("assumptions").GetProperty("postfix").GetProperty("version").GetString(), Is.EqualTo("3.0.1"));
        Assert.That(old.Code, Is.EqualTo(1));
    }

    [TestCase("bogus=1")]
    [TestCase("postfix")]
    [TestCase("postfix=three")]
    public void Bad_assumption_exits_2(string item)
    {
        _tree.Write("main.cf", Clean);

        var r = Run("--assume", item, _tree.Root);

        Assert.That(r.Code, Is.EqualTo(2));
        Assert.That(r.Err, Does.Contain("--assume"));
    }

    [Test]
    public void Version_prints_the_tool_version()
    {
        var r = Run("--version");

        Assert.That(r.Code, Is.EqualTo(0));
        Assert.That(r.Out.Trim(), Does.StartWith("0.1.0"));
    }

    [Test]
    public void Version_of_the_real_executable()
    {
        var (code, output) = RunProcess("dotnet", [CliDll, "--version"]);

        Assert.That(code, Is.EqualTo(0), output);
        Assert.That(output.Trim(), Does.StartWith("0.1.0"));
    }

    [TestCase("b")]
    [TestCase("b/**")]
    [TestCase("b/main.cf")]
    public void Exclude_glob_leaves_out_a_subtree(string glob)
    {
        _tree.Write("a/main.cf", Clean);
        _tree.Write("b/main.cf", SslV3);

        var all = Run("--format", "json", _tree.Root);
        var excluded = Run("--format", "json", "--exclude", glob, _tree.Root);

        using var allJson = Json(all);
        using var excludedJson = Json(excluded);
        Assert.That(Findings(allJson).Select(f => f.File), Has.Some.EndsWith("b/main.cf"));
        Assert.That(Findings(excludedJson).Select(f => f.File), Has.None.EndsWith("b/main.cf"));
        Assert.That(excluded.Code, Is.EqualTo(0), excluded.Out);
    }

    [Test]
    public void Colour_on_a_terminal_unless_no_color_or_the_option_says_otherwise()
    {
        if (!OperatingSystem.IsLinux() || !File.Exists("/usr/bin/script"))
        {
            Assert.Ignore("needs util-linux script(1) to give tlslint a terminal");
        }

        _tree.Write("main.cf", SslV3);
        string Terminal(string extra, string? noColor)
        {
            var command = $"dotnet '{CliDll}' {extra} '{_tree.Root}'";
            var (_, output) = RunProcess("/usr/bin/script", ["-qec", command, "/dev/null"],
                new Dictionary<string, string?> { ["NO_COLOR"] = noColor, ["TERM"] = "xterm" });
            Assert.That(output, Does.Contain("TLS101"), output);
            return output;
        }

        // Only SGR sequences count: .NET itself writes keypad-mode sequences to a terminal.
        var sgr = new Regex(@"\u001b\[[0-9;]*m");
        Assert.That(sgr.IsMatch(Terminal(string.Empty, null)), Is.True, "a terminal gets colour by default");
        Assert.That(sgr.IsMatch(Terminal(string.Empty, "1")), Is.False, "NO_COLOR");
        Assert.That(sgr.IsMatch(Terminal("--no-color", null)), Is.False, "--no-color");
    }

    [Test]
    public void Symlink_loop_terminates()
    {
        _tree.Write("etc/postfix/main.cf", Clean);
        Directory.CreateSymbolicLink(_tree.PathOf("etc/postfix/loop"), _tree.PathOf("etc"));
        Directory.CreateSymbolicLink(_tree.PathOf("etc/self"), _tree.PathOf("etc"));

        var r = RunWithin(TimeSpan.FromSeconds(60), "--format", "json", _tree.Root);

        Assert.That(r.Code, Is.EqualTo(0), r.Err);
        using var json = Json(r);
        Assert.That(json.RootElement.GetProperty("summary").GetProperty("trees").GetInt32(), Is.EqualTo(1));
    }

    [Test]
    public void Fifo_named_main_cf_is_an_input_error_and_does_not_hang()
    {
        if (!OperatingSystem.IsLinux())
        {
            Assert.Ignore("mkfifo is Linux-only here");
        }

        Directory.CreateDirectory(_tree.PathOf("fifo"));
        var (mk, mkOutput) = RunProcess("mkfifo", [_tree.PathOf("fifo/main.cf")]);
        Assert.That(mk, Is.EqualTo(0), mkOutput);
        _tree.Write("ok/main.cf", SslV3);

        var r = RunWithin(TimeSpan.FromSeconds(60), "--format", "json", _tree.Root);

        Assert.That(r.Code, Is.EqualTo(2));
        using var json = Json(r);
        var unreadable = json.RootElement.GetProperty("findings").EnumerateArray()
            .Where(f => f.GetProperty("ruleId").GetString() == "TLS004").ToList();
        Assert.That(unreadable, Has.Count.EqualTo(1), "the user is told why the run failed, at the file");
        Assert.That(unreadable[0].GetProperty("file").GetString(), Does.EndWith("fifo/main.cf"));
        Assert.That(unreadable[0].GetProperty("level").GetString(), Is.EqualTo("error"));
        Assert.That(unreadable[0].GetProperty("message").GetString(), Does.Contain("not a regular file"));
        Assert.That(Findings(json).Select(f => (f.Rule, f.File)), Has.Some.Matches<(string Rule, string File)>(f => f.Rule == "TLS101" && f.File.EndsWith("ok/main.cf")));
    }

    [Test]
    public void Binary_main_cf_is_a_parse_error_and_the_sibling_tree_is_still_linted()
    {
        _tree.WriteBytes("bin/main.cf", [0x7f, (byte)'E', (byte)'L', (byte)'F', 0, 0, 1, 2, 0, (byte)'\n']);
        _tree.Write("ok/main.cf", SslV3);

        var r = Run("--format", "json", _tree.Root);

        Assert.That(r.Code, Is.EqualTo(2));
        using var json = Json(r);
        var findings = Findings(json);
        Assert.That(findings.Where(f => f.File.EndsWith("bin/main.cf")).Select(f => f.Rule), Is.EqualTo(new[] { "TLS001" }));
        Assert.That(findings.Where(f => f.File.EndsWith("ok/main.cf")).Select(f => f.Rule), Does.Contain("TLS101"));
    }

    [Test]
    public void Single_file_argument_lints_its_directory_tree()
    {
        _tree.Write("main.cf", SslV3);
        _tree.Write("master.cf", "smtp inet n - y - - smtpd\n");

        var r = Run("--format", "json", _tree.PathOf("main.cf"));

        using var json = Json(r);
        Assert.That(json.RootElement.GetProperty("summary").GetProperty("files").GetInt32(), Is.EqualTo(2));
    }

    [Test]
    public void Unrecognised_file_argument_exits_2()
    {
        var path = _tree.Write("notes.txt", "events {}\n");

        var r = Run(path);

        Assert.That(r.Code, Is.EqualTo(2));
        Assert.That(r.Err, Does.Contain("notes.txt"));
    }
}
