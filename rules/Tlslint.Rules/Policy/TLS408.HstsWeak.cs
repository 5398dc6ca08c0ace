using Tlslint.Analysis;
using Tlslint.Model;

namespace Tlslint.Rules.Policy;

public sealed class HstsWeak : EndpointRule
{
    /// <summary>One year, the least the intermediate profile accepts.</summary>
    private const long MinimumMaxAge = 31_536_000;

    public override RuleDescriptor Descriptor { get; } = new(
        Id: "TLS408",
        Name: "hsts-weak",
        Title: "The Strict-Transport-Security header is too short-lived or not always sent",
        DefaultLevel: Level.Note,
        AppliesTo: Products.Apache | Products.Nginx,
        SecuritySeverity: 3.0);

    public override void Check(TlsEndpoint endpoint, RuleContext context)
    {
        if (endpoint.Role != EndpointRole.Server || endpoint.Mode.Value != TlsMode.Implicit || endpoint.Hsts is not { } hsts)
        {
            return;
        }

        switch (hsts.Value.MaxAge)
        {
            case null:
                context.Report(endpoint, hsts,
                    $"`Strict-Transport-Security: {hsts.Value.Value}` has no valid `max-age`, so browsers ignore the header; write `max-age={MinimumMaxAge}` or more",
                    Level.Warning);
                break;
            case 0:
                context.Report(endpoint, hsts,
                    $"`Strict-Transport-Security: {hsts.Value.Value}` tells browsers to forget the site's HSTS policy (`max-age=0`); use `max-age={MinimumMaxAge}` or more unless you are deliberately retiring HTTPS",
                    Level.Warning);
                break;
            case < MinimumMaxAge and var seconds:
                context.Report(endpoint, hsts,
                    $"`Strict-Transport-Security: {hsts.Value.Value}` asks browsers to remember HTTPS for only {seconds} seconds; use at least `max-age={MinimumMaxAge}` (one year)");
                break;
        }

        if (!hsts.Value.OnAllResponses)
        {
            context.Report(endpoint, hsts,
                $"the `Strict-Transport-Security` header is sent only with successful responses, so redirects and error pages lack it; add `always` to {context.Describe(hsts)}");
        }
    }
}
