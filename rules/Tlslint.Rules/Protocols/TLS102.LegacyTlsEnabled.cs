using Tlslint.Analysis;
using Tlslint.Model;
using Tlslint.Profiles;
using Tlslint.Tls;

namespace Tlslint.Rules.Protocols;

public sealed class LegacyTlsEnabled : EndpointRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        Id: "TLS102",
        Name: "legacy-tls-enabled",
        Title: "TLS 1.0 or TLS 1.1 is enabled (or TLS 1.2 under the modern profile)",
        DefaultLevel: Level.Warning,
        AppliesTo: Products.All,
        SecuritySeverity: 5.5)
    {
        FollowsProfile = true,
    };

    private static readonly TlsVersionSet Legacy = TlsVersionSet.Of(TlsVersion.TlsV1_0, TlsVersion.TlsV1_1);

    private static readonly TlsVersionSet Judged = TlsVersionSet.Of(TlsVersion.TlsV1_0, TlsVersion.TlsV1_1, TlsVersion.TlsV1_2);

    public override void Check(TlsEndpoint endpoint, RuleContext context)
    {
        var protocols = endpoint.Protocols;
        if (!endpoint.Mode.Value.UsesTls() || !protocols.Value.IsValid)
        {
            return;
        }

        var policy = context.Policy;
        var refused = protocols.Value.Enabled.Intersect(Judged).Versions
            .Select(v => (Version: v, Verdict: policy.Protocol(v)))
            .Where(p => p.Verdict is not null)
            .ToList();
        if (refused.Count == 0)
        {
            return;
        }

        var versions = refused.Aggregate(TlsVersionSet.Empty, (set, p) => set.With(p.Version));
        var verdict = refused.Select(p => p.Verdict!.Value).MinBy(v => v.Level);

        // Outbound opportunistic TLS keeps the product default quietly: the peer is any MX and the fallback is
        // plaintext; TLS 1.0/1.1 are refused by the assumed library anyway, and a TLS 1.3-only client would send
        // in clear to every MX without TLS 1.3.
        if (IsOpportunisticClient(endpoint) && protocols.IsDefault
            && (context.Assumptions.LibraryRefusesLegacyTls || versions.Intersect(Legacy).IsEmpty))
        {
            return;
        }

        var opportunistic = IsOpportunisticMx(endpoint) || IsOpportunisticClient(endpoint);
        var where = IsOpportunisticMx(endpoint) ? " for opportunistic TLS on port 25"
            : IsOpportunisticClient(endpoint) ? " for opportunistic outbound TLS"
            : string.Empty;
        var legacy = versions.Intersect(Legacy);
        var runtime = legacy.IsEmpty ? string.Empty : $"; {Runtime(endpoint, legacy, context.Assumptions)}";
        var level = opportunistic ? Lower(verdict.Level) : verdict.Level;
        context.Report(endpoint, protocols,
            $"{context.Subject(protocols)} enables `{versions}`{where}; {verdict.Reason}{runtime}; {Advice(policy, protocols.Value)}",
            level == Descriptor.DefaultLevel ? null : level);
    }

    /// <summary>Context rule 4: one level lower on opportunistic mail, never silent.</summary>
    private static Level Lower(Level level) => level == Level.Error ? Level.Warning : Level.Note;

    private static string Advice(ProfilePolicy policy, ProtocolSelection selection) =>
        policy.Protocol(TlsVersion.TlsV1_2) is null ? $"use `{selection.Recommended}`" : "enable TLS 1.3 alone";

    private static bool IsOpportunisticMx(TlsEndpoint endpoint) =>
        endpoint.Role == EndpointRole.Server && endpoint.Mode.Value == TlsMode.StartTlsOptional && endpoint.Ports.Contains(25);

    private static bool IsOpportunisticClient(TlsEndpoint endpoint) =>
        endpoint.Role == EndpointRole.Client && endpoint.Mode.Value == TlsMode.StartTlsOptional;

    /// <summary>What the engine found the endpoint really negotiates (Postfix runs at level 0), else the assumptions' rule of thumb.</summary>
    private static string Runtime(TlsEndpoint endpoint, TlsVersionSet legacy, Assumptions assumptions)
    {
        if (endpoint.Effective is not { } eff)
        {
            return Runtime(assumptions);
        }

        var live = eff.Protocols.Intersect(legacy);
        return live.IsEmpty
            ? $"OpenSSL {eff.Build.Name} at security level {eff.SecurityLevel} refuses TLS 1.0 and 1.1 at run time, but only as long as nothing lowers the level to 0"
            : $"OpenSSL {eff.Build.Name} still negotiates `{live}` here because it runs at security level {eff.SecurityLevel} ({eff.SecurityLevelReason})";
    }

    private static string Runtime(Assumptions assumptions) => assumptions.LibraryRefusesLegacyTls
        ? $"the assumed OpenSSL {assumptions.OpenSsl.Version} at security level {assumptions.SecurityLevel} refuses TLS 1.0 and 1.1 at run time, but only as long as nothing lowers the level to 0"
        : $"the assumed OpenSSL {assumptions.OpenSsl.Version} still negotiates TLS 1.0 and 1.1";
}
