using Tlslint.Cli;

namespace Tlslint.Tests;

/// <summary>What one in-process run of the <c>tlslint</c> command gave: its exit code, standard output and error.</summary>
internal sealed record CliOutcome(int Code, string Out, string Err)
{
    public static CliOutcome Run(params string[] args) => RunWithInput(null, args);

    /// <summary>Runs with <paramref name="stdin"/> as the command's standard input (empty when null).</summary>
    public static CliOutcome RunWithInput(string? stdin, params string[] args)
    {
        using var input = new StringReader(stdin ?? string.Empty);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = CommandLine.Run(args, input, stdout, stderr);
        return new CliOutcome(code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Runs with <paramref name="directory"/> as the working directory, restored afterwards.</summary>
    public static CliOutcome RunIn(string directory, params string[] args)
    {
        var previous = Environment.CurrentDirectory;
        Environment.CurrentDirectory = directory;
        try
        {
            return Run(args);
        }
        finally
        {
            Environment.CurrentDirectory = previous;
        }
    }
}
