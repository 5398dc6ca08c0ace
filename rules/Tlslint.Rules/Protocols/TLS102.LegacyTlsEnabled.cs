using Tlslint.Analysis;
using Tlslint.Model;
using Tlslint.Tls;

namespace Tlslint.Rules.Protocols;

public sealed class LegacyTlsEnabled : EndpointRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        Id: "TLS102",
        Name: "legacy-tls-enabled",
        Title: "TLS 1.0 or TLS 1.1 is enabled",
        DefaultLevel: Level.Warning,
        AppliesTo: Products.All,
        SecuritySeverity: 5.5);

    private static readonly TlsVersionSet Legacy = TlsVersionSet.Of(TlsVersion.TlsV1_0, TlsVersion.TlsV1_1);

    public override void Check(TlsEndpoint endpoint, RuleContext context)
    {
        var protocols = endpoint.Protocols;
        if (!endpoint.Mode.Value.UsesTls() || !protocols.Value.IsValid)
        {
            return;
        }

        var legacy = protocols.Value.Enabled.Intersect(Legacy);
        if (legacy.IsEmpty)
        {
            return;
        }

        // Outbound opportunistic TLS keeps the product default quietly: the peer is any MX, the fallback is
        // plaintext, and the assumed library refuses these versions anyway.
        if (IsOpportunisticClient(endpoint) && protocols.IsDefault && context.Assumptions.LibraryRefusesLegacyTls)
        {
            return;
        }

        var opportunistic = IsOpportunisticMx(endpoint) || IsOpportunisticClient(endpoint);
        var where = IsOpportunisticMx(endpoint) ? " for opportunistic TLS on port 25"
            : IsOpportunisticClient(endpoint) ? " for opportunistic outbound TLS"
            : string.Empty;
        context.Report(endpoint, protocols,
            $"{context.Subject(protocols)} enables `{legacy}`{where}; {Runtime(endpoint, legacy, context.Assumptions)}; use `{protocols.Value.Recommended}`",
            opportunistic ? Level.Note : null);
    }

    private static bool IsOpportunisticMx(TlsEndpoint endpoint) =>
        endpoint.Role == EndpointRole.Server && endpoint.Mode.Value == TlsMode.StartTlsOptional && endpoint.Ports.Contains(25);

    private static bool IsOpportunisticClient(TlsEndpoint endpoint) =>
        endpoint.Role == EndpointRole.Client && endpoint.Mode.Value == TlsMode.StartTlsOptional;

    /// <summary>What the engine found the endpoint really negotiates (Postfix runs at level 0), else the assumptions' rule of thumb.</summary>
    private static string Runtime(TlsEndpoint endpoint, TlsVersionSet legacy, Assumptions assumptions)
    {
        if (endpoint.Effective is not { NotModelled: null } eff)
        {
            return Runtime(assumptions);
        }

        var live = eff.Protocols.Intersect(legacy);
        return live.IsEmpty
            ? $"OpenSSL {eff.Build.Name} at security level {eff.SecurityLevel} refuses these versions at run time, but only as long as nothing lowers the level to 0"
            : $"OpenSSL {eff.Build.Name} still negotiates `{live}` here because it runs at security level {eff.SecurityLevel} ({eff.SecurityLevelReason})";
    }

    private static string Runtime(Assumptions assumptions) => assumptions.LibraryRefusesLegacyTls
        ? $"the assumed OpenSSL {assumptions.OpenSsl.Version} at security level {assumptions.SecurityLevel} refuses these versions at run time, but only as long as nothing lowers the level to 0"
        : $"the assumed OpenSSL {assumptions.OpenSsl.Version} still negotiates these versions";


    /// <summary>"`name = value`" for a written value, "`name` defaults to `x` in Postfix 3.7, which" for a default.</summary>
}
