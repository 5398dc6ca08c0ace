using Tlslint.Analysis;
using Tlslint.Model;
using Tlslint.Rules.Ciphers;
using Tlslint.Tls.OpenSsl;

namespace Tlslint.Rules.Protocols;

public sealed class ProtocolListContradiction : EndpointRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        Id: "TLS104",
        Name: "protocol-list-contradiction",
        Title: "The protocol list does not mean what it seems to",
        DefaultLevel: Level.Warning,
        AppliesTo: Products.Postfix | Products.Apache | Products.Nginx,
        SecuritySeverity: 4.0);

    public override void Check(TlsEndpoint endpoint, RuleContext context)
    {
        var protocols = endpoint.Protocols;
        if (!endpoint.Mode.Value.UsesTls())
        {
            return;
        }

        // `!SSLv3` in a cipher list removes suites by the version that introduced them, not the protocol.
        foreach (var d in endpoint.Effective?.Intent.Diagnostics.Where(d => d.Kind == CipherDiagnosticKind.ProtocolAliasAsSwitch) ?? [])
        {
            var setting = CipherContext.SettingAt(endpoint, d.Offset) ?? endpoint.Ciphers.Map(c => c.CipherString);
            context.Report(endpoint, setting, $"In {context.Describe(setting)}, {d.Message}");
        }

        if (!protocols.Value.IsValid)
        {
            return;
        }

        // The message names no endpoint: services that inherit one main.cf line share one finding.
        foreach (var contradiction in protocols.Value.Contradictions)
        {
            context.Report(endpoint, protocols, $"In {context.Describe(protocols)}, {contradiction}");
        }
    }
}
