using Tlslint.Analysis;
using Tlslint.Model;

namespace Tlslint.Rules.Policy;

public sealed class SubmissionTlsOptional : EndpointRule
{
    private const int SubmissionPort = 587;

    public override RuleDescriptor Descriptor { get; } = new(
        Id: "TLS403",
        Name: "submission-tls-optional",
        Title: "The submission port does not require TLS",
        DefaultLevel: Level.Error,
        AppliesTo: Products.Postfix,
        SecuritySeverity: 7.0);

    public override void Check(TlsEndpoint endpoint, RuleContext context)
    {
        if (!IsSubmissionServer(endpoint) || endpoint.Mode.Value.RequiresTls())
        {
            return;
        }

        var mode = endpoint.Mode;
        var message = $"{context.Describe(mode)}, which lets clients of the submission port send mail and passwords without TLS; add `-o smtpd_tls_security_level=encrypt` to the service";
        if (mode.Origin == SettingOrigin.Explicit)
        {
            context.Report(endpoint, mode, message);
            return;
        }

        // main.cf `may` is right for port 25, so an inherited or default level is fixed on the service line, not in main.cf.
        context.Report(message, endpoint.Anchor, related: InheritedFrom(mode), endpoint: endpoint);
    }

    private static bool IsSubmissionServer(TlsEndpoint endpoint) =>
        endpoint.Role == EndpointRole.Server && endpoint.Ports.Contains(SubmissionPort);

    private static List<RelatedLocation> InheritedFrom<T>(Setting<T> setting) =>
        setting.Origin == SettingOrigin.Inherited ? [new RelatedLocation(setting.Location, $"`{setting.Name}` inherited from here")] : [];
}
