using Tlslint.Analysis;
using Tlslint.Model;
using Tlslint.Tls.OpenSsl;

namespace Tlslint.Rules.Ciphers;

public sealed class WeakTls13Suites : EndpointRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        Id: "TLS212",
        Name: "weak-tls13-suites",
        Title: "The TLS 1.3 suite list includes suites outside the profile",
        DefaultLevel: Level.Note,
        AppliesTo: Products.Dovecot | Products.Apache | Products.Nginx,
        SecuritySeverity: 2.0);

    /// <summary>The intermediate profile's TLS 1.3 suites (Mozilla: the three OpenSSL enables by default).</summary>
    private static readonly HashSet<string> Intermediate = new(StringComparer.Ordinal)
    {
        "TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256",
    };

    public override void Check(TlsEndpoint endpoint, RuleContext context)
    {
        if (endpoint.Tls13Ciphers is not { } list || endpoint.Effective is not { } eff || !endpoint.Mode.Value.UsesTls())
        {
            return;
        }

        var outside = eff.Intent.Tls13.Where(s => !Intermediate.Contains(s.StandardName ?? s.Name)).ToList();
        if (outside.Count == 0)
        {
            return;
        }

        var tls12 = outside.Where(s => !s.IsTls13).ToList();
        var why = tls12.Count > 0
            ? $"{CipherContext.Names(tls12)} {(tls12.Count == 1 ? "is a TLS 1.2 suite" : "are TLS 1.2 suites")} that OpenSSL then offers ahead of the cipher string"
            : "CCM suites are for constrained devices and CCM_8 has a 64-bit tag";
        context.Report(endpoint, list,
            $"{context.Subject(list)} offers {string.Join(", ", outside.Select(s => $"`{s.StandardName ?? s.Name}`"))}, outside the intermediate profile; {why}; "
            + "keep `TLS_AES_128_GCM_SHA256:TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256`");
    }
}
