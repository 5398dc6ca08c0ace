using System.Text.Json;
using Tlslint.Tls.OpenSsl;

namespace Tlslint.Reporting;

/// <summary>Writes what the cipher engine made of one string: <c>openssl ciphers -v</c>-like text, JSON, or a vector line.</summary>
public static class CipherReport
{
    public const int SchemaVersion = 1;

    /// <summary>The error text <c>openssl ciphers</c> prints, or null when the string is accepted.</summary>
    public static string? ErrorText(CipherListResult r) =>
        r.Error switch
        {
            CipherListError.NoCipherMatch => "no cipher match",
            CipherListError.InvalidCommand => "invalid command",
            _ => r.Tls13Error == CipherListError.NoCipherMatch ? "no cipher match" : null,
        };

    /// <summary>A human report: the lists like <c>openssl ciphers -v</c>, the weak classes, what a full build adds, and the diagnostics.</summary>
    public static void WriteText(CipherListResult r, TextWriter output)
    {
        output.WriteLine($"build: {r.Build.Name}: {r.Build.Description}");
        output.WriteLine($"security level: {r.SecurityLevel} ({LevelSource(r)})");
        if (!r.Ok)
        {
            output.WriteLine($"REJECTED by OpenSSL: {ErrorText(r)} (the server refuses to start or cannot set up TLS)");
        }
        else
        {
            var supported = r.Supported().ToHashSet();
            output.WriteLine($"TLS 1.3 suites ({r.Tls13.Count}){(r.Tls13String is null ? ", library default" : string.Empty)}:");
            foreach (var s in r.Tls13)
            {
                output.WriteLine($"  {s.Describe()}{Marks(s, supported)}");
            }

            output.WriteLine($"TLS 1.2 and older ({r.Ciphers.Count}, in preference order):");
            foreach (var s in r.Ciphers)
            {
                output.WriteLine($"  {s.Describe()}{Marks(s, supported)}");
            }

            output.WriteLine($"negotiable at level {r.SecurityLevel} (openssl ciphers -s: no PSK/SRP, level and version filter): {supported.Count}");
            foreach (var (label, names) in Weak(r))
            {
                output.WriteLine($"weak: {label} ({names.Count}): {string.Join(" ", names)}");
            }

            var extra = OnlyOnFullBuild(r);
            if (extra.Count > 0)
            {
                output.WriteLine($"on a build with every suite (--build full) the string also enables ({extra.Count}): {string.Join(" ", extra)}");
            }
        }

        foreach (var d in r.Diagnostics.Concat(r.Tls13Diagnostics))
        {
            output.WriteLine($"note: col {d.Offset + 1}: {d.Message}");
        }
    }

    public static void WriteJson(CipherListResult r, TextWriter output)
    {
        var json = new CipherReportJson(
            SchemaVersion,
            r.CipherString,
            r.Tls13String,
            r.Build.Name,
            r.Ok,
            ErrorText(r),
            r.SecurityLevel,
            LevelSource(r),
            r.Tls13.Select(s => s.Name).ToList(),
            r.Ciphers.Select(s => s.Name).ToList(),
            r.Supported().Select(s => s.Name).ToList(),
            Weak(r).ToDictionary(w => w.Label, w => (IReadOnlyList<string>)w.Names),
            OnlyOnFullBuild(r),
            r.Diagnostics.Concat(r.Tls13Diagnostics)
                .Select(d => new CipherDiagnosticJson(JsonNamingPolicy.KebabCaseLower.ConvertName(d.Kind.ToString()), d.Offset, d.Text, d.Message, d.Suggestion))
                .ToList());
        output.WriteLine(JsonSerializer.Serialize(json, CipherReportJsonContext.Default.CipherReportJson));
    }

    /// <summary>One compact JSON line with the fields of the shared oracle vectors (<c>--stdin</c>).</summary>
    public static void WriteVectorLine(int id, CipherListResult r, TextWriter output)
    {
        var json = new CipherVectorJson(id, r.CipherString, r.Ok, ErrorText(r),
            r.Tls13.Select(s => s.Name).ToList(), r.Ciphers.Select(s => s.Name).ToList(), r.Supported().Select(s => s.Name).ToList());
        output.WriteLine(JsonSerializer.Serialize(json, CipherVectorJsonContext.Default.CipherVectorJson));
    }

    private static string LevelSource(CipherListResult r) =>
        r.SecurityLevelOffset is { } offset ? $"`@SECLEVEL={r.SecurityLevel}` at col {offset + 1}" : "the context's level or the build's default";

    private static string Marks(CipherSuite s, HashSet<CipherSuite> supported)
    {
        var weak = CipherWeaknesses.Members(s.Weaknesses)
            .Where(w => w is not (CipherWeakness.NotAeadWithForwardSecrecy or CipherWeakness.Dss))
            .Select(CipherWeaknesses.Label)
            .ToList();
        var marks = weak.Count > 0 ? $"  [{string.Join(" ", weak)}]" : string.Empty;
        return supported.Contains(s) ? marks : marks + "  (not negotiable here)";
    }

    private static List<(string Label, List<string> Names)> Weak(CipherListResult r)
    {
        CipherWeakness[] reported =
        [
            CipherWeakness.NullEncryption, CipherWeakness.Anonymous, CipherWeakness.LowStrength, CipherWeakness.Md5Mac,
            CipherWeakness.Rc4, CipherWeakness.Block64, CipherWeakness.NoForwardSecrecy, CipherWeakness.Cbc,
            CipherWeakness.Sha1Mac, CipherWeakness.Psk, CipherWeakness.Srp, CipherWeakness.Ccm8,
        ];
        var all = r.All.ToList();
        return reported
            .Select(w => (CipherWeaknesses.Label(w), all.Where(s => s.Weaknesses.HasFlag(w)).Select(s => s.Name).ToList()))
            .Where(x => x.Item2.Count > 0)
            .ToList();
    }

    /// <summary>Suites the string would enable on a build that has every suite, but this build lacks.</summary>
    private static List<string> OnlyOnFullBuild(CipherListResult r)
    {
        if (ReferenceEquals(r.Build, OpenSslBuild.Full))
        {
            return [];
        }

        var full = CipherString.Evaluate(r.CipherString, OpenSslBuild.Full, r.Tls13String);
        var here = r.All.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        return full.All.Where(s => !here.Contains(s.Name)).Select(s => s.Name).ToList();
    }
}
