using Tlslint.Analysis;
using Tlslint.Files;
using Tlslint.Model;
using Tlslint.Rules.Certificates;

namespace Tlslint.Rules.Ciphers;

public sealed class WeakDhParameters : EndpointRule
{
    private const int Minimum = 2048;
    private const int Broken = 1024;

    public override RuleDescriptor Descriptor { get; } = new(
        Id: "TLS210",
        Name: "weak-dh-parameters",
        Title: "Diffie-Hellman parameters smaller than 2048 bits",
        DefaultLevel: Level.Warning,
        AppliesTo: Products.All,
        SecuritySeverity: 5.5);

    public override void Check(TlsEndpoint endpoint, RuleContext context)
    {
        if (endpoint.Mode.Value == TlsMode.None)
        {
            return;
        }

        if (endpoint.DhParameterLength is { } length && length.Value < Minimum)
        {
            context.Report(endpoint, length,
                $"{context.Subject(length)} asks for a {length.Value}-bit DH group, {Weakness(length.Value)}; use 2048 bits or more",
                LevelFor(length.Value));
        }

        if (endpoint.DhParameters is not { } setting)
        {
            return;
        }

        var file = context.OpenFile(setting);
        foreach (var group in file.IsRead ? file.Contents.DhParameters : [])
        {
            if (group.PrimeBits >= Minimum)
            {
                continue;
            }

            var known = group.KnownGroup is { } name ? $" (the published group {name})" : string.Empty;
            context.Report(endpoint, setting,
                $"{CertificateFiles.Named(setting)} holds a {group.PrimeBits}-bit DH group{known}, {Weakness(group.PrimeBits)}; use a group of 2048 bits or more, such as ffdhe2048 from RFC 7919",
                LevelFor(group.PrimeBits));
        }
    }

    private static string Weakness(int bits) => bits < Broken
        ? "which can be broken with modest computing power (export-grade, Logjam)"
        : "which a well-funded attacker can break by precomputation (Logjam)";

    private static Level LevelFor(int bits) => bits < Broken ? Level.Error : Level.Warning;
}
