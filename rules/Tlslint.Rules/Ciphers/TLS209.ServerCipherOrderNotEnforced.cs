using Tlslint.Analysis;
using Tlslint.Model;
using Tlslint.Model.Postfix;
using Tlslint.Tls;
using Tlslint.Tls.OpenSsl;

namespace Tlslint.Rules.Ciphers;

public sealed class ServerCipherOrderNotEnforced : EndpointRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        Id: "TLS209",
        Name: "server-cipher-order-not-enforced",
        Title: "The server lets the client pick a weak suite from its list",
        DefaultLevel: Level.Warning,
        AppliesTo: Products.All,
        SecuritySeverity: 4.0)
    {
        FollowsProfile = true,
    };

    public override void Check(TlsEndpoint endpoint, RuleContext context)
    {
        var preference = endpoint.ServerCipherPreference;
        if (endpoint.Role != EndpointRole.Server || !endpoint.Mode.Value.UsesTls() || preference.Value || IsTls13Only(endpoint))
        {
            return;
        }

        if (!OffersWeakerSuites(endpoint, context))
        {
            return;
        }

        var opportunistic = endpoint.Mode.Value == TlsMode.StartTlsOptional && endpoint.Ports.Contains(25);
        var where = opportunistic ? " for opportunistic TLS on port 25" : string.Empty;
        var what = endpoint.Product == Product.Postfix
            ? $"the `{endpoint.Ciphers.Value.Grade}` grade{Exclusions(endpoint)}"
            : $"`{endpoint.Ciphers.Value.CipherString}`";
        var tls12 = context.Policy.Tls12Advice is { } advice ? $", {advice}" : string.Empty;
        context.Report(endpoint, preference,
            $"{context.Subject(preference)} lets clients choose, and {what} still offers {context.Policy.ServerOrderSuites}{where}; {Fix(endpoint, preference)}{tls12}",
            opportunistic ? Level.Note : null);
    }

    /// <summary>
    /// Whether the list (as the configuration asks for it, PSK and SRP suites aside) holds TLS 1.2-and-older suites
    /// weaker than AEAD with forward secrecy; without the engine's expansion, the Postfix grade judgement.
    /// </summary>
    private static bool OffersWeakerSuites(TlsEndpoint endpoint, RuleContext context)
    {
        if (endpoint.Effective is { } eff)
        {
            return eff.Rejection is null
                && eff.Intent.Ciphers.Any(s => CipherContext.IsUsable(s) && context.Policy.NeedsServerOrder(s));
        }

        return endpoint.Product == Product.Postfix
            && PostfixCipherGrades.HasSuitesWeakerThanAeadWithForwardSecrecy(endpoint, context.Version, context.Assumptions.OpenSsl.Version) == true;
    }

    private static string Fix(TlsEndpoint endpoint, Setting<bool> preference) => endpoint.Product switch
    {
        Product.Dovecot when preference.Name == "ssl_server_prefer_ciphers" => "set `ssl_server_prefer_ciphers = server`",
        Product.Postfix => "set `tls_preempt_cipherlist = yes`",
        Product.Apache => "set `SSLHonorCipherOrder on`",
        Product.Nginx => "set `ssl_prefer_server_ciphers on`",
        _ => "set `ssl_prefer_server_ciphers = yes`",
    };

    private static string Exclusions(TlsEndpoint endpoint) => endpoint.Ciphers.Value.Exclusions.Count == 0
        ? string.Empty
        : $" minus `{string.Join(" ", endpoint.Ciphers.Value.Exclusions)}`";

    private static bool IsTls13Only(TlsEndpoint endpoint) =>
        endpoint.Protocols.Value.IsValid && endpoint.Protocols.Value.Enabled == TlsVersionSet.Of(TlsVersion.TlsV1_3);

    /// <summary>"`name = value`" for a written value, "`name` defaults to `x` in Postfix 3.7, which" for a default.</summary>
}
