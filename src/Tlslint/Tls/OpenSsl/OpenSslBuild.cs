namespace Tlslint.Tls.OpenSsl;

/// <summary>
/// An OpenSSL 3.0 build as the cipher engine sees it: which table rows are compiled in, which algorithms the loaded
/// providers lack at run time (rows using them are dropped, aliases made only of them become unknown words, exactly
/// as <c>ssl_load_ciphers</c> and <c>ssl_cipher_collect_aliases</c> do), and the default security level.
/// </summary>
public sealed class OpenSslBuild
{
    private const Encryption GostCiphers = Encryption.Gost89 | Encryption.Gost89Cnt12 | Encryption.Magma | Encryption.Kuznyechik;
    private const MacAlgorithm GostMacs = MacAlgorithm.Gost94 | MacAlgorithm.Gost89Mac | MacAlgorithm.Gost12_256
        | MacAlgorithm.Gost12_512 | MacAlgorithm.Gost89Mac12 | MacAlgorithm.MagmaOmac | MacAlgorithm.KuznyechikOmac;

    private PreparedBuild? _prepared;

    private OpenSslBuild(string name, string description, int defaultSecurityLevel, BuildGate compiledOut,
        KeyExchange disabledKeyExchange, Authentication disabledAuthentication, Encryption disabledEncryption, MacAlgorithm disabledMac)
    {
        Name = name;
        Description = description;
        DefaultSecurityLevel = defaultSecurityLevel;
        CompiledOut = compiledOut;
        DisabledKeyExchange = disabledKeyExchange;
        DisabledAuthentication = disabledAuthentication;
        DisabledEncryption = disabledEncryption;
        DisabledMac = disabledMac;
    }

    /// <summary>OpenSSL 3.0 as Debian 12 ships it: no weak-ssl-ciphers, no IDEA, default provider only (no SEED, RC4, DES), no GOST, level 2.</summary>
    public static OpenSslBuild Debian12 { get; } = new("debian12",
        "OpenSSL 3.0 as Debian 12 builds it (no 3DES/RC4 suites, no IDEA, no SEED, security level 2)", 2,
        BuildGate.WeakSslCiphers | BuildGate.Idea,
        KeyExchange.Gost | KeyExchange.Gost18, Authentication.Gost01 | Authentication.Gost12,
        Encryption.Des | Encryption.Rc4 | Encryption.Rc2 | Encryption.Idea | Encryption.Seed | GostCiphers, GostMacs);

    /// <summary>Debian 12's build with the legacy provider loaded as well: SEED (and the RC4/RC2 aliases) come back.</summary>
    public static OpenSslBuild Debian12Legacy { get; } = new("debian12-legacy",
        "OpenSSL 3.0 as Debian 12 builds it, with the legacy provider loaded (SEED suites available, security level 2)", 2,
        BuildGate.WeakSslCiphers | BuildGate.Idea,
        KeyExchange.Gost | KeyExchange.Gost18, Authentication.Gost01 | Authentication.Gost12,
        Encryption.Idea | GostCiphers, GostMacs);

    /// <summary>Every row of the 3.0 table, weak ones included, at the upstream default level 1: what a string asks for.</summary>
    public static OpenSslBuild Full { get; } = new("full",
        "every suite of OpenSSL 3.0's table, weak ones included (enable-weak-ssl-ciphers, legacy provider, GOST engine; security level 1)", 1,
        BuildGate.None, 0, 0, 0, 0);

    public static IReadOnlyList<OpenSslBuild> All { get; } = [Debian12, Debian12Legacy, Full];

    /// <summary>Selectable name: <c>debian12</c>, <c>debian12-legacy</c>, <c>full</c>.</summary>
    public string Name { get; }

    public string Description { get; }

    /// <summary>The security level a context gets when nothing sets one (<c>OPENSSL_TLS_SECURITY_LEVEL</c>).</summary>
    public int DefaultSecurityLevel { get; }

    public BuildGate CompiledOut { get; }

    public KeyExchange DisabledKeyExchange { get; }

    public Authentication DisabledAuthentication { get; }

    public Encryption DisabledEncryption { get; }

    public MacAlgorithm DisabledMac { get; }

    internal PreparedBuild Prepared => _prepared ??= new PreparedBuild(this);

    public static bool TryParse(string name, out OpenSslBuild build)
    {
        build = All.FirstOrDefault(b => string.Equals(b.Name, name, StringComparison.OrdinalIgnoreCase))!;
        return build is not null;
    }

    /// <summary>Whether the row is in the compiled table (what IANA-name lookups search).</summary>
    public bool Compiles(CipherSuite suite) => (suite.Gate & CompiledOut) == 0;

    /// <summary>Whether the suite is compiled in and every algorithm it uses is available at run time.</summary>
    public bool Offers(CipherSuite suite) =>
        Compiles(suite)
        && (suite.KeyExchange & DisabledKeyExchange) == 0
        && (suite.Authentication & DisabledAuthentication) == 0
        && (suite.Encryption & DisabledEncryption) == 0
        && (suite.Mac & DisabledMac) == 0
        && !HandshakeDigestDisabled(suite);

    /// <summary>Whether the alias is a known word here: it is dropped when, for one of its masks, every bit is disabled.</summary>
    public bool Knows(CipherAlias alias) =>
        !(alias.KeyExchange != 0 && (alias.KeyExchange & ~DisabledKeyExchange) == 0)
        && !(alias.Authentication != 0 && (alias.Authentication & ~DisabledAuthentication) == 0)
        && !(alias.Encryption != 0 && (alias.Encryption & ~DisabledEncryption) == 0)
        && !(alias.Mac != 0 && (alias.Mac & ~DisabledMac) == 0);

    internal bool HandshakeDigestDisabled(CipherSuite suite) => suite.HandshakeDigest switch
    {
        HandshakeDigest.Gost94 => (DisabledMac & MacAlgorithm.Gost94) != 0,
        HandshakeDigest.Gost12_256 => (DisabledMac & MacAlgorithm.Gost12_256) != 0,
        _ => false,
    };

    public override string ToString() => Name;
}
