using Tlslint.Analysis;
using Tlslint.Model;
using Tlslint.Profiles;

namespace Tlslint.Rules.Ciphers;

public sealed class WeakCurves : EndpointRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        Id: "TLS211",
        Name: "weak-curves",
        Title: "The key-exchange groups include curves outside the profile",
        DefaultLevel: Level.Note,
        AppliesTo: Products.All,
        SecuritySeverity: 2.0)
    {
        FollowsProfile = true,
    };

    public override void Check(TlsEndpoint endpoint, RuleContext context)
    {
        if (endpoint.Curves is not { } curves || !endpoint.Mode.Value.UsesTls())
        {
            return;
        }

        // OpenSSL group lists take colons; products also accept blanks and commas; `?` marks a group OpenSSL may skip.
        var policy = context.Policy;
        var outside = curves.Value.Split([':', ',', ' ', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries)
            .Select(g => g.TrimStart('?'))
            .Distinct(StringComparer.Ordinal)
            .Select(g => (Group: g, Verdict: policy.Group(g)))
            .Where(g => g.Verdict is not null)
            .ToList();
        if (outside.Count == 0)
        {
            return;
        }

        // One finding per list, at the level of its worst group, with each distinct reason once.
        var level = outside.Min(g => g.Verdict!.Value.Level);
        var reasons = string.Join("; ", outside.Select(g => g.Verdict!.Value.Reason).Distinct(StringComparer.Ordinal));
        context.Report(endpoint, curves,
            $"{context.Subject(curves)} offers `{string.Join(" ", outside.Select(g => g.Group))}`, {reasons}; {policy.GroupAdvice}",
            level == Descriptor.DefaultLevel ? null : level);
    }
}
