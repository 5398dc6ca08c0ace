using Tlslint.Analysis;
using Tlslint.Model;
using Tlslint.Tls;

namespace Tlslint.Profiles;

/// <summary>
/// Mozilla's modern configuration, guidelines 6.0: TLS 1.3 only, its three default suites, the groups X25519MLKEM768,
/// X25519, P-256 and P-384, HSTS for at least two years. Lists that only TLS 1.2 uses are judged as under intermediate,
/// with the advice to turn TLS 1.2 off (TLS102 reports it).
/// </summary>
internal sealed class ModernPolicy : IntermediatePolicy
{
    /// <summary>Mozilla 6.0 modern <c>tls_curves</c>, with OpenSSL's other names for the same curves and <c>auto</c>.</summary>
    private static readonly HashSet<string> Groups = new(StringComparer.OrdinalIgnoreCase)
    {
        "X25519MLKEM768", "X25519", "prime256v1", "secp256r1", "P-256", "secp384r1", "P-384", "auto",
    };

    public override Profile Profile => Profile.Modern;

    public override PolicyVerdict? Protocol(TlsVersion version) => version switch
    {
        <= TlsVersion.TlsV1_1 => new PolicyVerdict(Level.Warning, $"RFC 8996 deprecates TLS 1.0 and 1.1, and {Name} accepts TLS 1.3 only (Mozilla modern 6.0)"),
        TlsVersion.TlsV1_2 => new PolicyVerdict(Level.Warning, $"{Name} accepts TLS 1.3 only (Mozilla modern 6.0)"),
        _ => null,
    };

    public override PolicyVerdict? Group(string name) => Groups.Contains(name)
        ? null
        : new PolicyVerdict(Level.Note, $"outside {Name} (Mozilla modern 6.0: X25519MLKEM768, X25519, P-256, P-384)");

    public override string GroupAdvice => "keep `X25519MLKEM768:X25519:prime256v1:secp384r1` (without the ML-KEM group before OpenSSL 3.5)";

    public override long MinimumHstsMaxAge => 63_072_000;

    public override string HstsSource => "two years, Mozilla modern 6.0 `hsts_min_age`";

    public override string? Tls12Advice => $"or turn TLS 1.2 off as {Name} wants";
}
