using Tlslint.Analysis;
using Tlslint.Model;
using Tlslint.Tls;
using Tlslint.Tls.OpenSsl;

namespace Tlslint.Profiles;

/// <summary>
/// The NCSC-NL TLS guidelines of 2025-05 (<see cref="NcscTables"/>): what they rate insufficient is an error, what
/// they rate "to be phased out" a warning, sufficient and good are accepted.
/// </summary>
internal sealed class Ncsc2025Policy : ProfilePolicy
{
    public override Profile Profile => Profile.Ncsc2025;

    public override PolicyVerdict? Protocol(TlsVersion version) => Judge(NcscTables.Protocol(version), "TLS 1.0 and 1.1");

    public override PolicyVerdict StaticRsa => new(Level.Error, "NCSC-NL 2025 rates static-RSA key exchange insufficient");

    public override PolicyVerdict Cbc(IReadOnlyCollection<CipherSuite> cbc) => cbc.Any(s => s.Mac == MacAlgorithm.Sha1)
        ? new PolicyVerdict(Level.Error, "NCSC-NL 2025 rates CBC suites with an HMAC-SHA1 MAC insufficient")
        : new PolicyVerdict(Level.Warning, "NCSC-NL 2025 rates CBC suites with an HMAC-SHA2 MAC as to be phased out");

    public override bool NeedsServerOrder(CipherSuite suite) => NcscTables.Suite(suite) < NcscLevel.Sufficient;

    public override string ServerOrderSuites => "suites NCSC-NL 2025 rates below sufficient (anything but ECDHE with AES-GCM, AES-CCM or ChaCha20-Poly1305)";

    public override PolicyVerdict? DhGroup(int primeBits, string? knownGroup) => NcscTables.DhGroup(knownGroup) == NcscLevel.Insufficient
        ? new PolicyVerdict(Level.Error, knownGroup is null
            ? "NCSC-NL 2025 rates every group but the RFC 7919 ones from ffdhe3072 up insufficient"
            : $"NCSC-NL 2025 rates {knownGroup} insufficient (only the RFC 7919 groups from ffdhe3072 up remain)")
        : null;

    public override string DhAdvice => "use ffdhe3072 or a larger RFC 7919 group, or drop the DHE suites";

    public override PolicyVerdict? Group(string name) => NcscTables.Group(name) is { } level
        ? Judge(level, $"`{name}`")
        : null;

    public override string GroupAdvice => "keep X25519, X448 and the NIST or Brainpool curves from P-256 up";

    public override PolicyVerdict? Tls13Suite(CipherSuite suite) => Judge(NcscTables.Suite(suite), $"`{suite.StandardName ?? suite.Name}`");

    public override string Tls13Advice => "keep `TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:TLS_AES_128_GCM_SHA256`";

    public override long MinimumHstsMaxAge => 31_536_000;

    public override string HstsSource => "one year, what the NCSC-NL backed Internet.nl test asks for";

    public override PolicyVerdict UnrotatedTicketKey => new(Level.Warning,
        "NCSC-NL 2025 requires forward secrecy for TLS 1.2 (static-RSA key exchange is insufficient), which a ticket key that never changes gives up for every resumed session");

    /// <summary>Insufficient is an error, to be phased out a warning, sufficient and good pass.</summary>
    private static PolicyVerdict? Judge(NcscLevel level, string what) => level switch
    {
        NcscLevel.Insufficient => new PolicyVerdict(Level.Error, $"NCSC-NL 2025 rates {what} insufficient"),
        NcscLevel.PhaseOut => new PolicyVerdict(Level.Warning, $"NCSC-NL 2025 rates {what} as to be phased out"),
        _ => null,
    };
}
