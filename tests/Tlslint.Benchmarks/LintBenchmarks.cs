using System.Text;
using BenchmarkDotNet.Attributes;
using Tlslint.Analysis;
using Tlslint.Rules;
using Tlslint.Syntax.Postfix;
using Tlslint.Text;

namespace Tlslint.Benchmarks;

/// <summary>
/// How long linting takes: a stock-sized Postfix tree (the pre-commit case) and a hosting-sized one (a master.cf
/// with 2,000 smtpd services and a long main.cf). Run: dotnet run -c Release --project tests/Tlslint.Benchmarks.
/// </summary>
[MemoryDiagnoser]
public class LintBenchmarks
{
    private string _small = null!;
    private string _large = null!;
    private SourceFile _largeMaster = null!;

    [GlobalSetup]
    public void Setup()
    {
        _small = Write("small", services: 3, parameters: 40);
        _large = Write("large", services: 2000, parameters: 1000);
        var path = Path.Combine(_large, "master.cf");
        _largeMaster = new SourceFile("master.cf", path, File.ReadAllText(path));
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        Directory.Delete(_small, recursive: true);
        Directory.Delete(_large, recursive: true);
    }

    [Benchmark]
    public int LintStockSizedTree() => Lint(_small);

    [Benchmark]
    public int LintTwoThousandServices() => Lint(_large);

    [Benchmark]
    public int ParseTwoThousandServiceMasterCf() => MasterCfParser.Parse(_largeMaster).Services.Count;

    private static int Lint(string dir) =>
        Linter.Run(new LintRequest { Paths = [dir], Rules = RuleCatalog.All, WorkingDirectory = dir }).Findings.Count;

    private static string Write(string name, int services, int parameters)
    {
        var dir = Path.Combine(Path.GetTempPath(), $"tlslint-bench-{name}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        var main = new StringBuilder();
        main.AppendLine("smtpd_tls_cert_file = /etc/ssl/certs/mail.pem");
        main.AppendLine("smtpd_tls_security_level = may");
        main.AppendLine("smtpd_tls_protocols = !SSLv2, !SSLv3");
        for (var i = 0; i < parameters; i++)
        {
            main.AppendLine($"my_list_{i} = value{i},");
            main.AppendLine($"    continued{i} $my_list_{Math.Max(0, i - 1)}");
        }

        File.WriteAllText(Path.Combine(dir, "main.cf"), main.ToString());
        var master = new StringBuilder();
        for (var i = 0; i < services; i++)
        {
            master.AppendLine($"127.0.0.{i % 250 + 1}:{10000 + i} inet n - y - - smtpd");
            master.AppendLine("  -o smtpd_tls_security_level=encrypt");
            master.AppendLine("  -o { smtpd_client_restrictions = permit_sasl_authenticated, reject }");
        }

        master.AppendLine("smtp unix - - y - - smtp");
        File.WriteAllText(Path.Combine(dir, "master.cf"), master.ToString());
        return dir;
    }
}
