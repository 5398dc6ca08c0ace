using Tlslint.Analysis;
using Tlslint.Model;
using Tlslint.Profiles;

namespace Tlslint.Rules.Ciphers;

public sealed class WeakTls13Suites : EndpointRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        Id: "TLS212",
        Name: "weak-tls13-suites",
        Title: "The TLS 1.3 suite list includes suites outside the profile",
        DefaultLevel: Level.Note,
        AppliesTo: Products.Dovecot | Products.Apache | Products.Nginx,
        SecuritySeverity: 2.0)
    {
        FollowsProfile = true,
    };

    public override void Check(TlsEndpoint endpoint, RuleContext context)
    {
        if (endpoint.Tls13Ciphers is not { } list || endpoint.Effective is not { } eff || !endpoint.Mode.Value.UsesTls())
        {
            return;
        }

        var policy = context.Policy;
        var outside = eff.Intent.Tls13
            .Select(s => (Suite: s, Verdict: policy.Tls13Suite(s)))
            .Where(s => s.Verdict is not null)
            .ToList();
        if (outside.Count == 0)
        {
            return;
        }

        var tls12 = outside.Select(s => s.Suite).Where(s => !s.IsTls13).ToList();
        var why = tls12.Count > 0
            ? $"{CipherContext.Names(tls12)} {(tls12.Count == 1 ? "is a TLS 1.2 suite" : "are TLS 1.2 suites")} that OpenSSL then offers ahead of the cipher string"
            : "CCM suites are for constrained devices and CCM_8 has a 64-bit tag";
        var level = outside.Min(s => s.Verdict!.Value.Level);
        var reasons = string.Join("; ", outside.Select(s => s.Verdict!.Value.Reason).Distinct(StringComparer.Ordinal));
        context.Report(endpoint, list,
            $"{context.Subject(list)} offers {string.Join(", ", outside.Select(s => $"`{s.Suite.StandardName ?? s.Suite.Name}`"))}, {reasons}; {why}; {policy.Tls13Advice}",
            level == Descriptor.DefaultLevel ? null : level);
    }
}
