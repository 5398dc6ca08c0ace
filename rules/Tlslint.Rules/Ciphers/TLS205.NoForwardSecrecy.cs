using Tlslint.Analysis;
using Tlslint.Model;
using Tlslint.Profiles;
using Tlslint.Tls.OpenSsl;

namespace Tlslint.Rules.Ciphers;

public sealed class NoForwardSecrecy : WeakSuiteRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        Id: "TLS205",
        Name: "no-forward-secrecy",
        Title: "The cipher list enables static-RSA key exchange (no forward secrecy)",
        DefaultLevel: Level.Warning,
        AppliesTo: Products.All,
        SecuritySeverity: 4.5)
    {
        FollowsProfile = true,
    };

    protected override string ClassName => "static-RSA key-exchange suites";

    protected override string Why => "so a stolen server key decrypts every recorded session";

    protected override IReadOnlyList<string> Tokens(IReadOnlyList<CipherSuite> weak) => ["kRSA"];

    protected override PolicyVerdict? ProfileVerdict(ProfilePolicy policy) => policy.StaticRsa;

    protected override bool IsWeak(CipherSuite suite, TlsEndpoint endpoint) => suite.KeyExchange == KeyExchange.Rsa;
}
