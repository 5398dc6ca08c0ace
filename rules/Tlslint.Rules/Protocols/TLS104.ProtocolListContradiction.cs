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

        var ciphers = endpoint.Ciphers;
        if (ciphers.IsDefault || endpoint.Product == Product.Postfix)
        {
            return;
        }

        foreach (var token in ProtocolNamesExcludedAsCiphers(ciphers.Value.CipherString))
        {
            context.Report(endpoint, ciphers,
                $"In {context.Describe(ciphers)}, `{token}` removes cipher suites, not the {token[1..]} protocol (OpenSSL's `{token[1..]}` alias names the suites defined up to that version, so it also drops suites TLS 1.2 still uses); turn protocols off in the protocol setting and drop `{token}` from the cipher list");
        }
    }

    /// <summary>Tokens such as <c>!SSLv3</c> or <c>-TLSv1</c> in an OpenSSL cipher string.</summary>
    private static IEnumerable<string> ProtocolNamesExcludedAsCiphers(string cipherString) =>
        cipherString.Split([':', ',', ' '], StringSplitOptions.RemoveEmptyEntries)
            .Where(t => t.Length > 1 && t[0] is '!' or '-' && t[1..] is "SSLv2" or "SSLv3" or "TLSv1" or "TLSv1.0")
            .Distinct(StringComparer.Ordinal);
}
