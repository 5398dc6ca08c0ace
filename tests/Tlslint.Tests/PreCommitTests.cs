using System.Diagnostics;

namespace Tlslint.Tests;

/// <summary>
/// The hooks of <c>.pre-commit-hooks.yaml</c> run by the real <c>pre-commit</c> (Debian package) with
/// <c>pre-commit try-repo</c> against a throw-away git repository: the <c>dotnet</c> hook builds and installs the
/// tool from a snapshot of this repository, blocks a bad <c>main.cf</c> with the findings printed and lets a good one
/// pass; only findings in the changed files count; the <c>system</c> hook runs an installed binary.
/// </summary>
[NonParallelizable]
public sealed class PreCommitTests
{
    private const string Bad =
        "compatibility_level = 3.6\n" +
        "smtpd_tls_security_level = may\n" +
        "smtpd_tls_protocols = !SSLv2\n";

    private const string Good =
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
        "tls_preempt_cipherlist = yes\n";

    private const string Master = "smtp inet n - y - - smtpd\nsmtp unix - - y - - smtp\n";

    [Test]
    public void The_dotnet_hook_builds_the_tool_blocks_a_bad_main_cf_with_findings_and_passes_a_good_one()
    {
        var preCommit = Require("pre-commit", "the pre-commit test needs Debian's pre-commit (apt-get install pre-commit)");
        using var temp = new TempTree();
        var hooks = Snapshot(temp.PathOf("tlslint"));
        var work = temp.PathOf("config");
        Git(work, "init", "-q", ".");
        Write(work, "postfix/main.cf", Bad);
        Write(work, "postfix/master.cf", Master);
        Write(work, "README.md", "# mail server configuration\n");
        Git(work, "add", "-A");

        // try-repo runs the hook on the staged files, as a commit would, in a fresh environment (so it builds each time).
        var bad = Run(preCommit, work, temp.PathOf("home"), null, "try-repo", hooks, "tlslint");
        TestContext.Out.WriteLine($"dotnet hook, bad main.cf (builds and installs the tool): exit {bad.Code} in {bad.Elapsed.TotalSeconds:0.0} s");
        Assert.That(bad.Code, Is.EqualTo(1), bad.Output);
        Assert.That(bad.Output, Does.Contain("postfix/main.cf:3:1: error TLS101"), bad.Output);
        Assert.That(bad.Output, Does.Contain("Failed"), bad.Output);

        Write(work, "postfix/main.cf", Good);
        Git(work, "add", "-A");
        var good = Run(preCommit, work, temp.PathOf("home"), null, "try-repo", hooks, "tlslint");
        TestContext.Out.WriteLine($"dotnet hook, good main.cf: exit {good.Code} in {good.Elapsed.TotalSeconds:0.0} s");
        Assert.That(good.Code, Is.Zero, good.Output);
        Assert.That(good.Output, Does.Contain("Passed"), good.Output);
    }

    [Test]
    public void The_system_hook_judges_a_changed_master_cf_with_its_main_cf_but_fails_only_on_its_own_findings()
    {
        var preCommit = Require("pre-commit", "the pre-commit test needs Debian's pre-commit (apt-get install pre-commit)");
        if (!OperatingSystem.IsLinux())
        {
            Assert.Ignore("the hook test runs on Linux");
            return;
        }

        using var temp = new TempTree();
        var hooks = Snapshot(temp.PathOf("tlslint"));
        // The installed binary: this build's tlslint behind a wrapper on PATH.
        var bin = temp.PathOf("bin");
        Write(bin, "tlslint", $"#!/bin/sh\nexec \"{Path.Combine(TestContext.CurrentContext.TestDirectory, "tlslint")}\" \"$@\"\n");
        File.SetUnixFileMode(Path.Combine(bin, "tlslint"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        var work = temp.PathOf("config");
        Git(work, "init", "-q", ".");
        Write(work, "postfix/main.cf", Good);
        Write(work, "postfix/master.cf", Master);
        Git(work, "add", "-A");
        var good = Run(preCommit, work, temp.PathOf("home"), bin, "try-repo", hooks, "tlslint-system");
        TestContext.Out.WriteLine($"system hook, good two-file tree: exit {good.Code} in {good.Elapsed.TotalSeconds:0.00} s (pre-commit and tlslint together)");
        Assert.That(good.Code, Is.Zero, good.Output);

        // A weak main.cf already committed, then only master.cf changes: master.cf is linted with main.cf, and only its
        // own finding (submission without mandatory TLS) fails the hook.
        Write(work, "postfix/main.cf", Bad);
        Git(work, "add", "-A");
        Git(work, "-c", "user.email=t@example.org", "-c", "user.name=t", "commit", "-qm", "weak main.cf", "--no-verify");
        Write(work, "postfix/master.cf", Master + "submission inet n - y - - smtpd\n  -o smtpd_sasl_auth_enable=yes\n");
        Git(work, "add", "-A");
        var changed = Run(preCommit, work, temp.PathOf("home"), bin, "try-repo", hooks, "tlslint-system");
        TestContext.Out.WriteLine($"system hook, changed master.cf: exit {changed.Code} in {changed.Elapsed.TotalSeconds:0.00} s");
        Assert.That(changed.Code, Is.EqualTo(1), changed.Output);
        Assert.That(changed.Output, Does.Contain("postfix/master.cf:").And.Contain("TLS403"), changed.Output);
        Assert.That(changed.Output, Does.Not.Contain("postfix/main.cf:3:1:"), "findings in unchanged files must not fail the hook");

        // A file that belongs to no configuration tree is skipped, not an error.
        Write(work, "notes.txt", "nothing to see\n");
        Git(work, "reset", "-q");
        Git(work, "add", "notes.txt");
        var stray = Run(preCommit, work, temp.PathOf("home"), bin, "try-repo", hooks, "tlslint-system");
        Assert.That(stray.Code, Is.Zero, stray.Output);
    }

    /// <summary>
    /// A committed copy of this repository as it is now (tracked and new files, not build output), so that
    /// try-repo sees the current hooks and code and can reuse its environment between runs.
    /// </summary>
    private static string Snapshot(string target)
    {
        Directory.CreateDirectory(target);
        var (code, list, _) = ExternalTool.Run("git", ["-C", TestPaths.Repo, "ls-files", "-co", "--exclude-standard"], TimeSpan.FromMinutes(1));
        Assert.That(code, Is.Zero, "git ls-files failed");
        foreach (var relative in list.Split('\n', StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal))
        {
            var source = Path.Combine(TestPaths.Repo, relative);
            if (!File.Exists(source) || new FileInfo(source).LinkTarget is not null)
            {
                continue; // deleted in the work tree, or a fixture's symbolic link (not needed to build)
            }

            var destination = Path.Combine(target, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(source, destination);
        }

        Git(target, "init", "-q", ".");
        Git(target, "add", "-A");
        Git(target, "-c", "user.email=t@example.org", "-c", "user.name=t", "commit", "-qm", "snapshot");
        return target;
    }

    private static void Write(string root, string relative, string text)
    {
        var path = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    private static void Git(string directory, params string[] args)
    {
        Directory.CreateDirectory(directory);
        var (code, output, error) = ExternalTool.Run("git", ["-C", directory, .. args], TimeSpan.FromMinutes(1));
        Assert.That(code, Is.Zero, $"git {string.Join(' ', args)}: {output}{error}");
    }

    private sealed record Outcome(int Code, string Output, TimeSpan Elapsed);

    /// <summary>Runs pre-commit with its own cache, outside the test host's MSBuild environment, bounded in time.</summary>
    private static Outcome Run(string preCommit, string directory, string home, string? extraPath, params string[] args)
    {
        var info = new ProcessStartInfo(preCommit)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        info.Environment["PRE_COMMIT_HOME"] = home;
        info.Environment["NO_COLOR"] = "1";
        info.Environment["GIT_AUTHOR_NAME"] = info.Environment["GIT_COMMITTER_NAME"] = "t";
        info.Environment["GIT_AUTHOR_EMAIL"] = info.Environment["GIT_COMMITTER_EMAIL"] = "t@example.org";
        foreach (var key in info.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)
                                                             || k is "MSBUILD_EXE_PATH" or "DOTNET_HOST_PATH" or "VSTEST_HOST_DEBUG").ToList())
        {
            info.Environment.Remove(key);
        }

        if (extraPath is not null)
        {
            info.Environment["PATH"] = extraPath + Path.PathSeparator + info.Environment["PATH"];
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(15)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"pre-commit {string.Join(' ', args)} did not finish in 15 minutes");
        }

        return new Outcome(process.ExitCode, output.Result + error.Result, clock.Elapsed);
    }

    private static string Require(string program, string why)
    {
        var path = ExternalTool.Find(program);
        if (path is not null)
        {
            return path;
        }

        if (Environment.GetEnvironmentVariable("CI") == "true")
        {
            Assert.Fail($"{program} is not on PATH; .ci/run must install it");
        }

        Assert.Ignore(why);
        return null!;
    }
}
