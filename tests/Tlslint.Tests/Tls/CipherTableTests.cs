using System.Text.Json;
using Tlslint.Tls.OpenSsl;

namespace Tlslint.Tests.Tls;

/// <summary>The project's own cipher table against the table extracted from the real OpenSSL 3.0 library.</summary>
public sealed class CipherTableTests
{
    [Test]
    public void Every_suite_row_matches_the_reference_table()
    {
        var rows = Reference().Where(r => r.GetProperty("table").GetString() != "alias").ToList();
        Assert.That(CipherTable.Suites, Has.Count.EqualTo(rows.Count));
        var problems = new List<string>();
        foreach (var r in rows)
        {
            var name = r.GetProperty("name").GetString()!;
            var s = CipherTable.FindByName(name);
            if (s is null)
            {
                problems.Add($"{name}: missing");
                continue;
            }

            Check(problems, name, "id", r.GetProperty("id").GetInt64(), s.Id);
            Check(problems, name, "stdname", r.GetProperty("stdname").GetString(), s.StandardName);
            Check(problems, name, "mkey", r.GetProperty("mkey").GetUInt32(), (uint)s.KeyExchange);
            Check(problems, name, "auth", r.GetProperty("auth").GetUInt32(), (uint)s.Authentication);
            Check(problems, name, "enc", r.GetProperty("enc").GetUInt32(), (uint)s.Encryption);
            Check(problems, name, "mac", r.GetProperty("mac").GetUInt32(), (uint)s.Mac);
            Check(problems, name, "min_tls", r.GetProperty("min_tls").GetInt32(), s.MinTls);
            Check(problems, name, "max_tls", r.GetProperty("max_tls").GetInt32(), s.MaxTls);
            Check(problems, name, "algo_strength", r.GetProperty("algo_strength").GetUInt32(), (uint)s.Strength);
            Check(problems, name, "strength_bits", r.GetProperty("strength_bits").GetInt32(), s.StrengthBits);
            Check(problems, name, "alg_bits", r.GetProperty("alg_bits").GetInt32(), s.AlgorithmBits);
            Check(problems, name, "handshake digest", Digest(r.GetProperty("algorithm2").GetInt32() & 0xFF), s.HandshakeDigest);
            Check(problems, name, "weak-ssl-ciphers gate", r.GetProperty("weak_ssl_ciphers_block").GetBoolean(), s.Gate.HasFlag(BuildGate.WeakSslCiphers));
            Check(problems, name, "debian12 compiled in", r.GetProperty("debian_compiled_in").GetBoolean(), OpenSslBuild.Debian12.Compiles(s));
            Check(problems, name, "debian12 usable", r.GetProperty("debian_runtime_default_provider").GetBoolean(), OpenSslBuild.Debian12.Offers(s));
            Check(problems, name, "debian12-legacy usable", r.GetProperty("debian_runtime_with_legacy_provider").GetBoolean(), OpenSslBuild.Debian12Legacy.Offers(s));
            Check(problems, name, "full usable", true, OpenSslBuild.Full.Offers(s));
        }

        Assert.That(problems, Is.Empty, string.Join("\n", problems));
    }

    [Test]
    public void Every_alias_matches_the_reference_table_in_lookup_order()
    {
        var rows = Reference().Where(r => r.GetProperty("table").GetString() == "alias").ToList();
        Assert.That(CipherTable.Aliases.Select(a => a.Name), Is.EqualTo(rows.Select(r => r.GetProperty("name").GetString())));
        var problems = new List<string>();
        foreach (var (r, a) in rows.Zip(CipherTable.Aliases))
        {
            Check(problems, a.Name, "mkey", r.GetProperty("mkey").GetUInt32(), (uint)a.KeyExchange);
            Check(problems, a.Name, "auth", r.GetProperty("auth").GetUInt32(), (uint)a.Authentication);
            Check(problems, a.Name, "enc", r.GetProperty("enc").GetUInt32(), (uint)a.Encryption);
            Check(problems, a.Name, "mac", r.GetProperty("mac").GetUInt32(), (uint)a.Mac);
            Check(problems, a.Name, "min_tls", r.GetProperty("min_tls").GetInt32(), a.MinTls);
            Check(problems, a.Name, "algo_strength", r.GetProperty("algo_strength").GetUInt32(), (uint)a.Strength);
        }

        Assert.That(problems, Is.Empty, string.Join("\n", problems));
    }

    [Test]
    public void Debian12_drops_the_aliases_whose_algorithms_it_lacks()
    {
        var unknown = CipherTable.Aliases.Where(a => !OpenSslBuild.Debian12.Knows(a)).Select(a => a.Name);
        Assert.That(unknown, Is.EquivalentTo(new[]
        {
            "RC4", "RC2", "IDEA", "SEED", "GOST89", "GOST94", "GOST89MAC", "GOST12", "GOST2012-GOST8912-GOST8912",
            "kGOST", "kGOST18", "aGOST01", "aGOST12", "aGOST",
        }));
        var legacy = CipherTable.Aliases.Where(a => OpenSslBuild.Debian12Legacy.Knows(a) && !OpenSslBuild.Debian12.Knows(a)).Select(a => a.Name);
        Assert.That(legacy, Is.EquivalentTo(new[] { "RC4", "RC2", "SEED" }));
    }

    [Test]
    public void Descriptions_match_openssl_ciphers_verbose_output()
    {
        var path = Path.Combine(TestPaths.RequireCiphers(), "openssl-ciphers-V-ALL.txt");
        var checkedLines = 0;
        foreach (var line in File.ReadLines(path).Where(l => l.TrimStart().StartsWith("0x", StringComparison.Ordinal)))
        {
            // "0xC0,0x2C - TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384 - ECDHE-ECDSA-AES256-GCM-SHA384 TLSv1.2 Kx=ECDH …"
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var suite = CipherTable.FindByName(fields[4]);
            Assert.That(suite, Is.Not.Null, fields[4]);
            var mine = suite!.Describe().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            Assert.That(mine[1..], Is.EqualTo(fields[5..]), line);
            Assert.That(suite.StandardName, Is.EqualTo(fields[2]));
            Assert.That($"0x{suite.WireCode >> 8:X2},0x{suite.WireCode & 0xFF:X2}", Is.EqualTo(fields[0]));
            checkedLines++;
        }

        Assert.That(checkedLines, Is.GreaterThanOrEqualTo(158));
    }

    private static void Check<T>(List<string> problems, string name, string field, T expected, T actual)
    {
        if (!EqualityComparer<T>.Default.Equals(expected, actual))
        {
            problems.Add($"{name}: {field} expected {expected}, got {actual}");
        }
    }

    private static HandshakeDigest Digest(int index) => index switch
    {
        2 => HandshakeDigest.Gost94,
        4 => HandshakeDigest.Sha256,
        5 => HandshakeDigest.Sha384,
        6 => HandshakeDigest.Gost12_256,
        9 => HandshakeDigest.Md5Sha1,
        _ => (HandshakeDigest)(-1),
    };

    private static List<JsonElement> Reference()
    {
        var path = Path.Combine(TestPaths.RequireCiphers(), "cipher-table.json");
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        return doc.RootElement.EnumerateArray().Select(e => e.Clone()).ToList();
    }
}
