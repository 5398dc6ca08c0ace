using System.Diagnostics;

namespace Tlslint.Tests;

/// <summary>
/// The two ways the README installs tlslint, done for real: <c>dotnet pack</c> then <c>dotnet tool install
/// --tool-path</c>, and <c>dotnet publish</c> of a self-contained single-file linux-x64 binary with ReadyToRun; each
/// result is run on a fixture.
/// </summary>
[NonParallelizable]
public sealed class PackagingTests
{
    [Test]
    public void The_packed_tool_installs_into_a_tool_path_and_lints_a_fixture()
    {
        using var temp = new TempTree();
        var packages = temp.PathOf("packages");
        Dotnet(TestPaths.Repo, "pack", Path.Combine(TestPaths.Repo, "src", "Tlslint.Cli"), "-c", "Release", "-o", packages);
        Assert.That(Directory.GetFiles(packages, "tlslint.*.nupkg"), Has.Length.EqualTo(1));

        var tools = temp.PathOf("tools");
        Dotnet(temp.Root, "tool", "install", "--tool-path", tools, "--add-source", packages, "tlslint");
        AssertLintsTheExample(Path.Combine(tools, "tlslint"));
    }

    [Test]
    public void The_self_contained_single_file_binary_lints_a_fixture()
    {
        if (!OperatingSystem.IsLinux() || System.Runtime.InteropServices.RuntimeInformation.OSArchitecture != System.Runtime.InteropServices.Architecture.X64)
        {
            Assert.Ignore("the linux-x64 binary runs on linux-x64 only");
        }

        using var temp = new TempTree();
        var output = temp.PathOf("linux-x64");
        Dotnet(TestPaths.Repo, "publish", Path.Combine(TestPaths.Repo, "src", "Tlslint.Cli"), "-c", "Release", "-r", "linux-x64",
            "--self-contained", "-p:PublishSingleFile=true", "-p:PublishReadyToRun=true", "-o", output);
        var binary = Path.Combine(output, "tlslint");
        Assert.That(File.Exists(binary), Is.True);
        Assert.That(Directory.GetFiles(output, "*.dll"), Is.Empty, "a single file: no assemblies beside it");
        AssertLintsTheExample(binary);
    }

    private static void AssertLintsTheExample(string tlslint)
    {
        var example = Path.Combine(TestPaths.Fixtures, "_examples", "postfix");
        var (code, output, error) = ExternalTool.Run(tlslint, [example, "--no-color", "--no-config"], TimeSpan.FromMinutes(2));
        Assert.That(code, Is.EqualTo(1), output + error);
        Assert.That(output, Does.Contain("error TLS103"), output + error);
        var (versionCode, version, _) = ExternalTool.Run(tlslint, ["--version"], TimeSpan.FromMinutes(1));
        Assert.That(versionCode, Is.Zero);
        Assert.That(version.Trim(), Is.EqualTo(Tlslint.Reporting.ToolInfo.Version));
    }

    /// <summary>Runs the dotnet CLI outside the test host's MSBuild environment.</summary>
    private static void Dotnet(string directory, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        foreach (var key in info.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)
                                                             || k is "MSBUILD_EXE_PATH" or "DOTNET_HOST_PATH").ToList())
        {
            info.Environment.Remove(key);
        }

        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(20)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"dotnet {string.Join(' ', args)} did not finish in 20 minutes");
        }

        TestContext.Out.WriteLine($"dotnet {args[0]}: {clock.Elapsed.TotalSeconds:0} s");
        Assert.That(process.ExitCode, Is.Zero, $"dotnet {string.Join(' ', args)}:\n{output.Result}{error.Result}");
    }
}
