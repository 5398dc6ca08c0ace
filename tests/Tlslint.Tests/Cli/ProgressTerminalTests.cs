using System.Diagnostics;

namespace Tlslint.Tests.Cli;

/// <summary>
/// The real <c>tlslint</c> command under a pseudo-terminal (<c>script</c> from util-linux): progress appears on a
/// terminal's stderr and never when stderr is redirected. The delay before the first progress line is set to zero
/// through <c>TLSLINT_PROGRESS_AFTER_MS</c>, so nothing here depends on how long a run takes.
/// </summary>
public sealed class ProgressTerminalTests
{
    private const string ProgressText = "tlslint: looking for configurations";

    private TempTree _tree = null!;

    [SetUp]
    public void CreateTree()
    {
        _tree = new TempTree();
        _tree.Write("main.cf", "smtpd_tls_security_level = may\nsmtpd_tls_protocols = !SSLv2\n");
    }

    [TearDown]
    public void DeleteTree() => _tree.Dispose();

    [Test]
    public void Progress_is_painted_on_a_terminal_and_erased()
    {
        var transcript = UnderTerminal($"{Tlslint()} {Quote(_tree.Root)} --no-config");
        Assert.That(transcript, Does.Contain(ProgressText), "the first progress line, painted at once");
        Assert.That(transcript, Does.Contain("\r\u001b[K"), "the progress line is erased before the report");
        Assert.That(transcript, Does.Contain("main.cf"), "the report follows");
    }

    [Test]
    public void Progress_never_appears_when_stderr_is_redirected()
    {
        var errors = Path.Combine(_tree.Root, "stderr.txt");
        var transcript = UnderTerminal($"{Tlslint()} {Quote(_tree.Root)} --no-config 2>{Quote(errors)}");
        Assert.That(transcript, Does.Contain("main.cf"), "the report still reaches the terminal on stdout");
        Assert.That(transcript, Does.Not.Contain(ProgressText));
        Assert.That(File.ReadAllText(errors), Does.Not.Contain(ProgressText).And.Not.Contain("\u001b["));
    }

    [Test]
    public void Progress_stays_on_stderr_when_only_stdout_is_redirected()
    {
        var report = Path.Combine(_tree.Root, "report.txt");
        var transcript = UnderTerminal($"{Tlslint()} {Quote(_tree.Root)} --no-config >{Quote(report)}");
        Assert.That(transcript, Does.Contain(ProgressText));
        Assert.That(File.ReadAllText(report), Does.Contain("main.cf").And.Not.Contain(ProgressText));
    }

    /// <summary>Runs a shell command on a fresh pseudo-terminal and returns what the terminal received.</summary>
    private static string UnderTerminal(string command)
    {
        var script = ExternalTool.Find("script");
        if (script is null)
        {
            if (Environment.GetEnvironmentVariable("CI") == "true")
            {
                Assert.Fail("`script` (util-linux) is not on PATH");
            }

            Assert.Ignore("`script` (util-linux) is not on PATH: the pseudo-terminal test needs it");
        }

        var info = new ProcessStartInfo(script) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        foreach (var a in new[] { "--quiet", "--return", "--command", command, "/dev/null" })
        {
            info.ArgumentList.Add(a);
        }

        info.Environment["TLSLINT_PROGRESS_AFTER_MS"] = "0";
        info.Environment.Remove("NO_COLOR");
        using var process = Process.Start(info)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"`{command}` under script did not finish");
        }

        Assert.That(process.ExitCode, Is.AnyOf(0, 1), $"tlslint failed under the terminal:\n{output.Result}\n{error.Result}");
        return output.Result;
    }

    private static string Tlslint() => $"dotnet {Quote(Path.Combine(AppContext.BaseDirectory, "tlslint.dll"))}";

    private static string Quote(string s) => "'" + s.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
