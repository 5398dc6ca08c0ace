using System.Diagnostics;

namespace Tlslint.Tests;

/// <summary>Runs a real program (postconf, npx) with arguments passed as-is, bounded in time.</summary>
internal static class ExternalTool
{
    public static (int ExitCode, string Output, string Error) Run(string program, IEnumerable<string> args, TimeSpan timeout)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{program} {string.Join(' ', args)} did not finish in {timeout.TotalSeconds} s");
        }

        return (process.ExitCode, output.Result, error.Result);
    }

    /// <summary>The first executable of that name on PATH, or null.</summary>
    public static string? Find(string name) =>
        Environment.GetEnvironmentVariable("PATH")?.Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => Path.Combine(p, name)).FirstOrDefault(File.Exists);
}
