using Tlslint.Analysis;
using Tlslint.Model;
using Tlslint.Tls;

namespace Tlslint.Rules.Ciphers;

public sealed class SecurityLevelLowered : EndpointRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        Id: "TLS213",
        Name: "security-level-lowered",
        Title: "A cipher string lowers OpenSSL's security level",
        DefaultLevel: Level.Warning,
        AppliesTo: Products.All,
        SecuritySeverity: 6.0);

    private const string Effect = "which re-enables TLS 1.0/1.1 handshakes, SHA-1 signatures, small keys and anonymous suites at run time";

    public override void Check(TlsEndpoint endpoint, RuleContext context)
    {
        if (endpoint.Effective is not { Rejection: null } eff || !endpoint.Mode.Value.UsesTls())
        {
            return;
        }

        if (eff.SecurityLevelOrigin == SecurityLevelOrigin.CipherString && eff.SecurityLevel < eff.BaseSecurityLevel)
        {
            var offset = eff.Ciphers.SecurityLevelOffset ?? 0;
            var setting = CipherContext.SettingAt(endpoint, offset) ?? endpoint.Ciphers.Map(c => c.CipherString);
            context.Report(endpoint, setting,
                $"`@SECLEVEL={eff.SecurityLevel}` in {context.Describe(setting)} lowers the OpenSSL security level from {eff.BaseSecurityLevel} "
                + $"({eff.BaseSecurityLevelReason}) to {eff.SecurityLevel}, {Effect}; remove it");
            return;
        }

        if (eff.SecurityLevelOrigin == SecurityLevelOrigin.SystemConfig && eff.SecurityLevel < context.Assumptions.SecurityLevel
            && context.Tree.OpenSslConfig?.CipherString is { } system)
        {
            context.Report(
                $"`CipherString = {system.Value}` lowers the OpenSSL security level for every server on this system from {context.Assumptions.SecurityLevel} to {eff.SecurityLevel}, {Effect}; remove the `@SECLEVEL`",
                system.Location, related: [new RelatedLocation(endpoint.Anchor, $"in force for {endpoint.Name}")], endpoint: endpoint);
        }
    }
}
