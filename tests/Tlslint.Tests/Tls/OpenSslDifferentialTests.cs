using System.Diagnostics;
using System.Text;
using Tlslint.Tls.OpenSsl;

namespace Tlslint.Tests.Tls;

/// <summary>
/// The engine against this machine's <c>openssl ciphers</c> on strings nobody recorded before: fresh random strings
/// from <c>../shared/ciphers/gen_vectors.py</c> (or, without it, from a generator of our own) with a seed that changes
/// every run and is printed, so a failure can be replayed with <c>TLSLINT_CIPHER_SEED=n</c>
/// (<c>TLSLINT_CIPHER_COUNT</c> changes the number, <c>TLSLINT_CIPHER_GENERATOR=builtin</c> forces our generator).
/// </summary>
public sealed class OpenSslDifferentialTests
{
    private static readonly int Count = int.TryParse(Environment.GetEnvironmentVariable("TLSLINT_CIPHER_COUNT"), out var n) ? n : 300;

    private static readonly string[] Tls13Lists =
    [
        "TLS_AES_128_CCM_SHA256:TLS_AES_128_GCM_SHA256",
        " TLS_AES_256_GCM_SHA384 : FOO :",
        "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
        "TLS_AES_128_GCM_SHA256:TLS_AES_128_GCM_SHA256",
        "TLS_AES_128_CCM_8_SHA256",
        "ECDHE-RSA-AES128-GCM-SHA256:TLS_CHACHA20_POLY1305_SHA256",
        "tls_aes_128_gcm_sha256",
        "FOO",
        string.Empty,
    ];

    [Test]
    public void Fresh_random_strings_agree_with_the_installed_openssl()
    {
        var openssl = RequireOpenSsl();
        var seed = Environment.GetEnvironmentVariable("TLSLINT_CIPHER_SEED") is { } fixedSeed
            ? int.Parse(fixedSeed, System.Globalization.CultureInfo.InvariantCulture)
            : Random.Shared.Next(1, int.MaxValue);
        var (strings, source) = Strings(seed);
        TestContext.Out.WriteLine($"seed {seed} ({source}), {strings.Count} strings");

        var failures = new List<string>();
        foreach (var s in strings)
        {
            var vector = Record(openssl, s, tls13: null);
            var differences = vector.Differences(OpenSslBuild.Debian12).ToList();
            if (differences.Count > 0)
            {
                failures.Add($"  {vector}\n    {string.Join("\n    ", differences)}");
            }
        }

        TestContext.Out.WriteLine($"{strings.Count - failures.Count}/{strings.Count} agree");
        Assert.That(failures, Is.Empty,
            $"seed {seed} ({source}; replay with TLSLINT_CIPHER_SEED={seed}): {failures.Count} of {strings.Count} differ\n"
            + string.Join("\n", failures.Take(8)));
    }

    [TestCaseSource(nameof(Tls13Lists))]
    public void Tls13_lists_agree_with_the_installed_openssl(string list)
    {
        var openssl = RequireOpenSsl();
        var recorded = Record(openssl, "HIGH", list);
        var mine = CipherString.Evaluate("HIGH", OpenSslBuild.Debian12, list);
        Assert.That(mine.Ok, Is.EqualTo(recorded.Ok), $"acceptance of `{list}`: {recorded.Error}");
        if (!recorded.Ok)
        {
            return;
        }

        // openssl -v sorts by the version column: a TLS 1.2 suite named in the TLS 1.3 list shows as TLSv1.2.
        var all = mine.All.ToList();
        Assert.That(all.Where(s => s.IsTls13).Select(s => s.Name), Is.EqualTo(recorded.Tls13));
        Assert.That(all.Where(s => !s.IsTls13).Select(s => s.Name), Is.EqualTo(recorded.Ciphers));
        Assert.That(mine.Supported().Select(s => s.Name), Is.EqualTo(recorded.Supported));
    }

    private static (List<string> Strings, string Source) Strings(int seed)
    {
        var python = ExternalTool.Find("python3");
        var generator = TestPaths.Ciphers is { } dir ? Path.Combine(dir, "gen_vectors.py") : null;
        var builtIn = Environment.GetEnvironmentVariable("TLSLINT_CIPHER_GENERATOR") == "builtin";
        if (!builtIn && python is not null && generator is not null && File.Exists(generator))
        {
            var (code, output, error) = ExternalTool.Run(python,
                [generator, "--strings-only", "--seed", seed.ToString(System.Globalization.CultureInfo.InvariantCulture), "--count", Count.ToString(System.Globalization.CultureInfo.InvariantCulture)],
                TimeSpan.FromSeconds(60));
            Assert.That(code, Is.Zero, error);
            return (output.Split('\n').Where(l => l.Length > 0).ToList(), "gen_vectors.py");
        }

        return (OwnGenerator(seed), "built-in generator");
    }

    /// <summary>Random strings over the whole vocabulary, for machines without the shared generator.</summary>
    private static List<string> OwnGenerator(int seed)
    {
        var rng = new Random(seed);
        string[] unknown = ["EXP", "EXPORT", "DES", "SSLv2", "TLSv1.1", "TLSv1.3", "kECDH", "anull", "high", "FOO", "DEFAULT", "TLS_AES_128_GCM_SHA256"];
        string[] separators = [":", ":", ":", ",", " ", ";", "::", ", "];
        string[] ops = ["", "", "", "!", "-", "+"];
        var words = CipherTable.Aliases.Select(a => a.Name).Concat(CipherTable.Suites.Where(s => !s.IsTls13).Select(s => s.Name)).Concat(unknown).ToArray();
        var result = new List<string>();
        for (var i = 0; i < Count; i++)
        {
            var sb = new StringBuilder();
            if (rng.NextDouble() < 0.15)
            {
                sb.Append("DEFAULT").Append(rng.NextDouble() < 0.7 ? ":" : string.Empty);
            }

            var terms = rng.Next(1, 9);
            for (var t = 0; t < terms; t++)
            {
                if (t > 0)
                {
                    sb.Append(separators[rng.Next(separators.Length)]);
                }

                var r = rng.NextDouble();
                if (r < 0.06)
                {
                    sb.Append("@STRENGTH");
                }
                else if (r < 0.1)
                {
                    sb.Append("@SECLEVEL=").Append(rng.Next(0, 7));
                }
                else
                {
                    sb.Append(ops[rng.Next(ops.Length)]);
                    var parts = rng.NextDouble() < 0.75 ? 1 : rng.Next(2, 4);
                    sb.AppendJoin('+', Enumerable.Range(0, parts).Select(_ => words[rng.Next(words.Length)]));
                }
            }

            result.Add(sb.ToString());
        }

        return result;
    }

    /// <summary>What <c>openssl ciphers -v</c> and <c>-s</c> print, with an empty OpenSSL config so no system policy interferes.</summary>
    private static CipherVector Record(string openssl, string cipherString, string? tls13)
    {
        var extra = tls13 is null ? [] : new[] { "-ciphersuites", tls13 };
        var verbose = Run(openssl, ["ciphers", .. extra, "-v", "--", cipherString]);
        if (verbose.Code != 0)
        {
            var error = verbose.Error.Contains("no cipher match", StringComparison.Ordinal) ? "no cipher match"
                : verbose.Error.Contains("invalid command", StringComparison.Ordinal) ? "invalid command"
                : verbose.Error.Trim();
            return new CipherVector(0, cipherString, false, error, [], [], []);
        }

        var tls13Part = new List<string>();
        var rest = new List<string>();
        foreach (var line in verbose.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var f = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            (f[1] == "TLSv1.3" ? tls13Part : rest).Add(f[0]);
        }

        var supported = Run(openssl, ["ciphers", .. extra, "-s", "--", cipherString]);
        return new CipherVector(0, cipherString, true, null, tls13Part, rest,
            supported.Output.Trim().Split(':', StringSplitOptions.RemoveEmptyEntries).ToList());
    }

    private static (int Code, string Output, string Error) Run(string program, IEnumerable<string> args)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        info.Environment["OPENSSL_CONF"] = "/dev/null";
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(20)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"openssl {string.Join(' ', args)} did not finish in 20 s");
        }

        return (process.ExitCode, output.Result, error.Result);
    }

    private static string RequireOpenSsl()
    {
        var openssl = ExternalTool.Find("openssl");
        if (openssl is null)
        {
            if (Environment.GetEnvironmentVariable("CI") == "true")
            {
                Assert.Fail("openssl is not installed; .ci/run installs the Debian package openssl for this test");
            }

            Assert.Ignore("openssl is not installed (apt-get install openssl): the differential test needs the real binary");
        }

        var version = Run(openssl!, ["version"]).Output.Trim();
        if (!version.StartsWith("OpenSSL 3.0.", StringComparison.Ordinal))
        {
            Assert.Ignore($"the engine models OpenSSL 3.0; this machine has `{version}`");
        }

        return openssl!;
    }
}
