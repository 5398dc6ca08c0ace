using Tlslint.Analysis;
using Tlslint.Files;
using Tlslint.Model;
using Tlslint.Profiles;
using Tlslint.Rules.Certificates;

namespace Tlslint.Rules.Ciphers;

public sealed class WeakDhParameters : EndpointRule
{
    private const int Logjam = 2048;
    private const int Broken = 1024;

    public override RuleDescriptor Descriptor { get; } = new(
        Id: "TLS210",
        Name: "weak-dh-parameters",
        Title: "Diffie-Hellman parameters smaller than the profile asks for",
        DefaultLevel: Level.Warning,
        AppliesTo: Products.All,
        SecuritySeverity: 5.5)
    {
        FollowsProfile = true,
    };

    public override void Check(TlsEndpoint endpoint, RuleContext context)
    {
        if (endpoint.Mode.Value == TlsMode.None)
        {
            return;
        }

        var policy = context.Policy;

        // Dovecot 2.2 generates a group of this length itself: never a published one.
        if (endpoint.DhParameterLength is { } length && policy.DhGroup(length.Value, null) is { } lengthVerdict)
        {
            context.Report(endpoint, length,
                $"{context.Subject(length)} asks for a generated {length.Value}-bit DH group{Weakness(length.Value)}; {lengthVerdict.Reason}; {policy.DhAdvice}",
                LevelOf(lengthVerdict));
        }

        if (endpoint.DhParameters is not { } setting)
        {
            return;
        }

        var file = context.OpenFile(setting);
        foreach (var group in file.IsRead ? file.Contents.DhParameters : [])
        {
            if (policy.DhGroup(group.PrimeBits, group.KnownGroup) is not { } verdict)
            {
                continue;
            }

            var known = group.KnownGroup is { } name ? $" (the published group {name})" : string.Empty;
            context.Report(endpoint, setting,
                $"{CertificateFiles.Named(setting)} holds a {group.PrimeBits}-bit DH group{known}{Weakness(group.PrimeBits)}; {verdict.Reason}; {policy.DhAdvice}",
                LevelOf(verdict));
        }
    }

    private Level? LevelOf(PolicyVerdict verdict) => verdict.Level == Descriptor.DefaultLevel ? null : verdict.Level;

    private static string Weakness(int bits) => bits switch
    {
        < Broken => ", which can be broken with modest computing power (export-grade, Logjam)",
        < Logjam => ", which a well-funded attacker can break by precomputation (Logjam)",
        _ => string.Empty,
    };
}
