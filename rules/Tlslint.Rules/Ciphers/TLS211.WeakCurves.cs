using Tlslint.Analysis;
using Tlslint.Model;

namespace Tlslint.Rules.Ciphers;

public sealed class WeakCurves : EndpointRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        Id: "TLS211",
        Name: "weak-curves",
        Title: "The key-exchange groups include curves outside the profile",
        DefaultLevel: Level.Note,
        AppliesTo: Products.All,
        SecuritySeverity: 2.0);

    /// <summary>
    /// The intermediate profile: groups with at least 128-bit security that TLS standardises (RFC 8446, RFC 7919,
    /// RFC 8734) and the hybrid post-quantum groups OpenSSL 3.5 adds. Names as OpenSSL accepts them, any case.
    /// </summary>
    private static readonly HashSet<string> Intermediate = new(StringComparer.OrdinalIgnoreCase)
    {
        "X25519", "X448", "prime256v1", "secp256r1", "P-256", "secp384r1", "P-384", "secp521r1", "P-521",
        "ffdhe2048", "ffdhe3072", "ffdhe4096", "ffdhe6144", "ffdhe8192",
        "brainpoolP256r1", "brainpoolP384r1", "brainpoolP512r1", "brainpoolP256r1tls13", "brainpoolP384r1tls13", "brainpoolP512r1tls13",
        "X25519MLKEM768", "SecP256r1MLKEM768", "SecP384r1MLKEM1024", "MLKEM768", "MLKEM1024", "auto",
    };

    public override void Check(TlsEndpoint endpoint, RuleContext context)
    {
        if (endpoint.Curves is not { } curves || !endpoint.Mode.Value.UsesTls())
        {
            return;
        }

        // OpenSSL group lists take colons; products also accept blanks and commas.
        var outside = curves.Value.Split([':', ',', ' ', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries)
            .Select(g => g.TrimStart('?'))
            .Where(g => !Intermediate.Contains(g))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (outside.Count == 0)
        {
            return;
        }

        context.Report(endpoint, curves,
            $"{context.Subject(curves)} offers `{string.Join(" ", outside)}`, outside the intermediate profile (X25519, X448, P-256, P-384, P-521, "
            + "FFDHE 2048+); smaller or binary curves give less than 128-bit security and unknown names are skipped; drop them");
    }
}
