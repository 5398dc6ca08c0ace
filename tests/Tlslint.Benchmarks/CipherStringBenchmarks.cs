using System.Text;
using BenchmarkDotNet.Attributes;
using Tlslint.Tls.OpenSsl;

namespace Tlslint.Benchmarks;

/// <summary>
/// The OpenSSL cipher engine on 10,000 distinct cipher strings in one process (the <c>tlslint ciphers --stdin</c> and
/// big-tree case). Run: dotnet run -c Release --project tests/Tlslint.Benchmarks -- --filter '*CipherString*'.
/// </summary>
[MemoryDiagnoser]
public class CipherStringBenchmarks
{
    private const int Count = 10_000;
    private string[] _strings = null!;

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Random(20240601);
        string[] separators = [":", ":", ":", ",", " ", ";"];
        string[] ops = ["", "", "", "!", "-", "+"];
        string[] extra = ["EXP", "DES", "anull", "TLSv1.3", "@STRENGTH", "@SECLEVEL=1", "DEFAULT"];
        var words = CipherTable.Aliases.Select(a => a.Name)
            .Concat(CipherTable.Suites.Where(s => !s.IsTls13).Select(s => s.Name))
            .Concat(extra)
            .ToArray();
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (set.Count < Count)
        {
            var sb = new StringBuilder(rng.NextDouble() < 0.15 ? "DEFAULT:" : string.Empty);
            var terms = rng.Next(1, 12);
            for (var t = 0; t < terms; t++)
            {
                if (t > 0)
                {
                    sb.Append(separators[rng.Next(separators.Length)]);
                }

                sb.Append(ops[rng.Next(ops.Length)]).Append(words[rng.Next(words.Length)]);
                if (rng.NextDouble() < 0.2)
                {
                    sb.Append('+').Append(words[rng.Next(words.Length)]);
                }
            }

            set.Add(sb.ToString());
        }

        _strings = [.. set];

        // Preparation of each build (default order, lookup table) happens once per process; keep it out of the figure.
        CipherString.Evaluate("HIGH", OpenSslBuild.Debian12);
        CipherString.Evaluate("HIGH", OpenSslBuild.Full);
    }

    [Benchmark]
    public int EvaluateTenThousandDistinctStrings()
    {
        var total = 0;
        foreach (var s in _strings)
        {
            total += CipherString.Evaluate(s, OpenSslBuild.Debian12).Ciphers.Count;
        }

        return total;
    }

    [Benchmark]
    public int EvaluateTenThousandWithSupportedList()
    {
        var total = 0;
        foreach (var s in _strings)
        {
            total += CipherString.Evaluate(s, OpenSslBuild.Debian12).Supported().Count;
        }

        return total;
    }
}
