using Tlslint.Analysis;
using Tlslint.Model;
using Tlslint.Tls.OpenSsl;

namespace Tlslint.Rules.Ciphers;

public sealed class CbcModeCipher : EndpointRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        Id: "TLS206",
        Name: "cbc-mode-cipher",
        Title: "The cipher list keeps CBC suites beside AEAD ones",
        DefaultLevel: Level.Note,
        AppliesTo: Products.All,
        SecuritySeverity: 2.5)
    {
        FollowsProfile = true,
    };

    public override void Check(TlsEndpoint endpoint, RuleContext context)
    {
        if (endpoint.Effective is not { Rejection: null } eff || !endpoint.Mode.Value.UsesTls() || CipherContext.IsTls13Only(endpoint))
        {
            return;
        }

        var usable = eff.Intent.Ciphers.Where(CipherContext.IsUsable).ToList();
        var cbc = usable.Where(IsCbc).ToList();
        if (cbc.Count == 0 || !usable.Any(IsAead))
        {
            return;
        }

        var sha1 = cbc.Count(s => s.Weaknesses.HasFlag(CipherWeakness.Sha1Mac));
        var withSha1 = sha1 > 0 ? $" ({sha1} with an HMAC-SHA1 MAC)" : string.Empty;
        var verdict = context.Policy.Cbc(cbc);
        var tls12 = context.Policy.Tls12Advice is { } advice ? $", {advice}" : string.Empty;
        context.Report(endpoint, endpoint.Ciphers,
            $"{context.Subject(endpoint.Ciphers)} keeps {cbc.Count} CBC suites{withSha1} such as {CipherContext.Names(cbc)} beside AEAD ones, "
            + $"and CBC's MAC-then-encrypt design keeps producing padding-oracle bugs; {verdict.Reason}; {CipherContext.Advice(endpoint, "CBC")} where every client supports AEAD{tls12}",
            verdict.Level == Descriptor.DefaultLevel ? null : verdict.Level);
    }

    private static bool IsCbc(CipherSuite s) => s.Weaknesses.HasFlag(CipherWeakness.Cbc);

    private static bool IsAead(CipherSuite s) => s.Mac == MacAlgorithm.Aead;
}
