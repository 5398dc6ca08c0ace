using Tlslint.Analysis;
using Tlslint.Model;
using Tlslint.Tls;
using Tlslint.Tls.OpenSsl;

namespace Tlslint.Profiles;

/// <summary>
/// Mozilla's intermediate configuration, guidelines 6.0, adapted to mail (rules.md): TLS 1.2 and 1.3; AEAD suites
/// with forward secrecy preferred, others tolerated for old mail peers as long as the server imposes its order; DH
/// groups of 2048 bits or more; HSTS for at least a year.
/// </summary>
internal class IntermediatePolicy : ProfilePolicy
{
    /// <summary>
    /// Groups with at least 128-bit security that TLS standardises (RFC 8446, RFC 7919, RFC 8734) and the ML-KEM
    /// groups of OpenSSL 3.5: wider than Mozilla's four so that mail peers keep a common group. Names as OpenSSL
    /// accepts them, any case.
    /// </summary>
    private static readonly HashSet<string> Groups = new(StringComparer.OrdinalIgnoreCase)
    {
        "X25519", "X448", "prime256v1", "secp256r1", "P-256", "secp384r1", "P-384", "secp521r1", "P-521",
        "ffdhe2048", "ffdhe3072", "ffdhe4096", "ffdhe6144", "ffdhe8192",
        "brainpoolP256r1", "brainpoolP384r1", "brainpoolP512r1", "brainpoolP256r1tls13", "brainpoolP384r1tls13", "brainpoolP512r1tls13",
        "X25519MLKEM768", "SecP256r1MLKEM768", "SecP384r1MLKEM1024", "MLKEM768", "MLKEM1024", "auto",
    };

    /// <summary>Mozilla 6.0's <c>ciphersuites</c> (the same for intermediate and modern): OpenSSL's default three.</summary>
    protected static readonly HashSet<string> MozillaTls13Suites = new(StringComparer.Ordinal)
    {
        "TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256",
    };

    private const int MinimumDhBits = 2048;

    private const int BrokenDhBits = 1024;

    public override Profile Profile => Profile.Intermediate;

    public override PolicyVerdict? Protocol(TlsVersion version) => version <= TlsVersion.TlsV1_1
        ? new PolicyVerdict(Level.Warning, $"RFC 8996 deprecates TLS 1.0 and 1.1, and {Name} starts at TLS 1.2")
        : null;

    public override PolicyVerdict StaticRsa =>
        new(Level.Warning, $"{Name} keeps only forward-secret key exchange (Mozilla 6.0 lists ECDHE suites only)");

    public override PolicyVerdict Cbc(IReadOnlyCollection<CipherSuite> cbc) =>
        new(Level.Note, $"{Name} tolerates CBC for old clients, but Mozilla 6.0 lists AEAD suites only");

    public override bool NeedsServerOrder(CipherSuite suite) => suite.Weaknesses.HasFlag(CipherWeakness.NotAeadWithForwardSecrecy);

    public override string ServerOrderSuites => "CBC or non-forward-secret suites";

    public override PolicyVerdict? DhGroup(int primeBits, string? knownGroup) => primeBits switch
    {
        < BrokenDhBits => new PolicyVerdict(Level.Error, $"{Name} asks for 2048 bits (Mozilla 6.0 `dh_param_size`)"),
        < MinimumDhBits => new PolicyVerdict(Level.Warning, $"{Name} asks for 2048 bits (Mozilla 6.0 `dh_param_size`)"),
        _ => null,
    };

    public override string DhAdvice => "use a group of 2048 bits or more, such as ffdhe2048 from RFC 7919";

    public override PolicyVerdict? Group(string name) => Groups.Contains(name)
        ? null
        : new PolicyVerdict(Level.Note, $"outside {Name} (X25519, X448, P-256, P-384, P-521, FFDHE 2048+); smaller or binary curves give less than 128-bit security and unknown names are skipped");

    public override string GroupAdvice => "drop them";

    public override PolicyVerdict? Tls13Suite(CipherSuite suite) => MozillaTls13Suites.Contains(suite.StandardName ?? suite.Name)
        ? null
        : new PolicyVerdict(Level.Note, $"outside {Name} (Mozilla 6.0 keeps OpenSSL's three default suites)");

    public override string Tls13Advice => "keep `TLS_AES_128_GCM_SHA256:TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256`";

    public override long MinimumHstsMaxAge => 31_536_000;

    public override string HstsSource => "one year, what the HSTS preload list asks for";

    public override PolicyVerdict UnrotatedTicketKey => new(Level.Note, "RFC 9325 asks for ticket keys to change regularly");
}
