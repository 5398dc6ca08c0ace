using Tlslint.Analysis;
using Tlslint.Model;
using Tlslint.Tls;
using Tlslint.Tls.OpenSsl;

namespace Tlslint.Rules.Ciphers;

public sealed class UnknownCipherToken : EndpointRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        Id: "TLS208",
        Name: "unknown-cipher-token",
        Title: "A cipher list holds words OpenSSL silently skips, or is rejected outright",
        DefaultLevel: Level.Warning,
        AppliesTo: Products.All,
        SecuritySeverity: 5.0);

    private static readonly CipherDiagnosticKind[] Reported =
    [
        CipherDiagnosticKind.UnknownWord, CipherDiagnosticKind.DefaultNotFirst, CipherDiagnosticKind.TextSkipped,
        CipherDiagnosticKind.EmptyCombination,
    ];

    public override void Check(TlsEndpoint endpoint, RuleContext context)
    {
        if (endpoint.Effective is not { } eff || !endpoint.Mode.Value.UsesTls())
        {
            return;
        }

        if (eff.Rejection is { } rejection)
        {
            ReportRejection(endpoint, eff, rejection, context);
        }

        // Judged on the build with every suite: `!RC4` is a known word there even if the assumed build dropped it.
        foreach (var d in eff.Intent.Diagnostics.Where(d => Reported.Contains(d.Kind)))
        {
            var setting = CipherContext.SettingAt(endpoint, d.Offset);
            var message = setting is null ? Capitalise(d.Message) : $"In `{setting.Name}`, {d.Message}";
            context.Report(endpoint, setting ?? endpoint.Ciphers.Map(c => c.CipherString), message);
        }

        if (endpoint.Tls13Ciphers is { } tls13)
        {
            foreach (var d in eff.Intent.Tls13Diagnostics.Where(d => d.Kind == CipherDiagnosticKind.UnknownTls13Suite))
            {
                context.Report(endpoint, tls13, d.Message);
            }
        }
    }

    /// <summary>A rejected list disables TLS (or stops the server): an error at the setting that causes it.</summary>
    private static void ReportRejection(TlsEndpoint endpoint, EffectiveTls eff, string rejection, RuleContext context)
    {
        var selection = endpoint.Ciphers.Value;
        var at = endpoint.Ciphers.Map(c => c.CipherString);
        if (selection.Rejection is null)
        {
            // OpenSSL's own rejection: at the first word it objects to, else where the list is written.
            var d = eff.Ciphers.Diagnostics.FirstOrDefault(x => x.Kind == CipherDiagnosticKind.InvalidCommand);
            at = CipherContext.SettingAt(endpoint, d?.Offset ?? 0) ?? at;
            rejection = d is null ? rejection : $"{rejection}: {d.Message}";
        }
        else if (selection.Exclusions.FirstOrDefault(e => e[0] is '!' or '+' or '-' or '@') is { } bad
                 && CipherContext.SettingAt(endpoint, selection.CipherString.IndexOf(":!" + bad, StringComparison.Ordinal)) is { } list)
        {
            at = list;
            rejection = $"{rejection}; write `{bad.TrimStart('!', '+', '-', '@')}`";
        }

        context.Report(endpoint, at, Capitalise(rejection), Level.Error);
    }

    private static string Capitalise(string s) => s.Length == 0 || s[0] == '`' ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
