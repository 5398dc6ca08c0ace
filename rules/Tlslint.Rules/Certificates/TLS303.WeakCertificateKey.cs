using Tlslint.Analysis;
using Tlslint.Files;
using Tlslint.Model;

namespace Tlslint.Rules.Certificates;

public sealed class WeakCertificateKey : EndpointRule
{
    private static readonly HashSet<string> StrongCurves = new(StringComparer.Ordinal) { "P-256", "P-384", "P-521" };

    public override RuleDescriptor Descriptor { get; } = new(
        Id: "TLS303",
        Name: "weak-certificate-key",
        Title: "The certificate's key is too small or of a weak kind",
        DefaultLevel: Level.Error,
        AppliesTo: Products.All,
        SecuritySeverity: 7.5);

    public override void Check(TlsEndpoint endpoint, RuleContext context)
    {
        foreach (var chain in CertificateFiles.Chains(endpoint, context))
        {
            if (chain.Leaf is not { } leaf || Weakness(leaf.PublicKey) is not var (why, level))
            {
                continue;
            }

            context.Report(endpoint, chain.Setting,
                $"{CertificateFiles.Named(chain.Setting)} holds {CertificateFiles.Named(leaf)}, whose key is {leaf.PublicKey.Describe()}, {why}",
                level);
        }
    }

    private static (string Why, Level Level)? Weakness(PublicKeyFacts key) => key.Algorithm switch
    {
        KeyAlgorithm.Rsa when key.Bits < 1024 => ("which can be factored; issue a new certificate with an RSA 2048-bit or EC P-256 key", Level.Error),
        KeyAlgorithm.Rsa when key.Bits < 2048 => ("below the 2048 bits that CAs, browsers and OpenSSL's default security level require; issue a new certificate with an RSA 2048-bit or EC P-256 key", Level.Warning),
        KeyAlgorithm.Dsa => ("which TLS 1.3 cannot use and modern clients refuse; issue a new certificate with an RSA 2048-bit or EC P-256 key", Level.Warning),
        KeyAlgorithm.Ec when key.Bits < 224 => ("a curve too small to be safe; issue a new certificate on P-256 or P-384", Level.Error),
        KeyAlgorithm.Ec when key.Curve is null || !StrongCurves.Contains(key.Curve) => ("a curve outside P-256, P-384 and P-521 that many clients do not accept; issue a new certificate on P-256 or P-384", Level.Warning),
        _ => null,
    };
}
