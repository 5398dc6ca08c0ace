using Tlslint.Analysis;
using Tlslint.Model;
using Tlslint.Model.Postfix;
using Tlslint.Tls;

namespace Tlslint.Rules.Ciphers;

public sealed class ServerCipherOrderNotEnforced : EndpointRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        Id: "TLS209",
        Name: "server-cipher-order-not-enforced",
        Title: "The server lets the client pick a weak suite from its list",
        DefaultLevel: Level.Warning,
        AppliesTo: Products.All,
        SecuritySeverity: 4.0);

    public override void Check(TlsEndpoint endpoint, RuleContext context)
    {
        var preference = endpoint.ServerCipherPreference;
        if (endpoint.Role != EndpointRole.Server || !endpoint.Mode.Value.UsesTls() || preference.Value || IsTls13Only(endpoint))
        {
            return;
        }

        if (endpoint.Product != Product.Postfix)
        {
            if (CipherListHeuristics.HasSuitesWeakerThanAeadWithForwardSecrecy(endpoint.Ciphers.Value.CipherString) == true)
            {
                context.Report(endpoint, preference,
                    $"{context.Subject(preference)} lets clients choose, and the cipher list `{endpoint.Ciphers.Value.CipherString}` still offers CBC or non-forward-secret suites; set `{preference.Name} on`");
            }

            return;
        }

        if (PostfixCipherGrades.HasSuitesWeakerThanAeadWithForwardSecrecy(endpoint, context.Version, context.Assumptions.OpenSsl.Version) != true)
        {
            return;
        }

        var opportunistic = endpoint.Mode.Value == TlsMode.StartTlsOptional && endpoint.Ports.Contains(25);
        var where = opportunistic ? " for opportunistic TLS on port 25" : string.Empty;
        context.Report(endpoint, preference,
            $"{context.Subject(preference)} lets clients choose, and the `{endpoint.Ciphers.Value.Grade}` grade{Exclusions(endpoint)} "
            + $"still offers CBC or non-forward-secret suites{where}; set `tls_preempt_cipherlist = yes`",
            opportunistic ? Level.Note : null);
    }

    private static string Exclusions(TlsEndpoint endpoint) => endpoint.Ciphers.Value.Exclusions.Count == 0
        ? string.Empty
        : $" minus `{string.Join(" ", endpoint.Ciphers.Value.Exclusions)}`";

    private static bool IsTls13Only(TlsEndpoint endpoint) =>
        endpoint.Protocols.Value.IsValid && endpoint.Protocols.Value.Enabled == TlsVersionSet.Of(TlsVersion.TlsV1_3);

    /// <summary>"`name = value`" for a written value, "`name` defaults to `x` in Postfix 3.7, which" for a default.</summary>
}
