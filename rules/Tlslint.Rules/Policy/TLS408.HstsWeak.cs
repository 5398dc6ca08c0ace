using Tlslint.Analysis;
using Tlslint.Model;

namespace Tlslint.Rules.Policy;

public sealed class HstsWeak : EndpointRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        Id: "TLS408",
        Name: "hsts-weak",
        Title: "The Strict-Transport-Security header is too short-lived or not always sent",
        DefaultLevel: Level.Note,
        AppliesTo: Products.Apache | Products.Nginx,
        SecuritySeverity: 3.0)
    {
        FollowsProfile = true,
    };

    public override void Check(TlsEndpoint endpoint, RuleContext context)
    {
        if (endpoint.Role != EndpointRole.Server || endpoint.Mode.Value != TlsMode.Implicit || endpoint.Hsts is not { } hsts)
        {
            return;
        }

        var minimum = context.Policy.MinimumHstsMaxAge;
        switch (hsts.Value.MaxAge)
        {
            case null:
                context.Report(endpoint, hsts,
                    $"`Strict-Transport-Security: {hsts.Value.Value}` has no valid `max-age`, so browsers ignore the header; write `max-age={minimum}` or more",
                    Level.Warning);
                break;
            case 0:
                context.Report(endpoint, hsts,
                    $"`Strict-Transport-Security: {hsts.Value.Value}` tells browsers to forget the site's HSTS policy (`max-age=0`); use `max-age={minimum}` or more unless you are deliberately retiring HTTPS",
                    Level.Warning);
                break;
            case { } seconds when seconds < minimum:
                context.Report(endpoint, hsts,
                    $"`Strict-Transport-Security: {hsts.Value.Value}` asks browsers to remember HTTPS for only {seconds} seconds; {context.Policy.Name} asks for at least `max-age={minimum}` ({context.Policy.HstsSource})");
                break;
        }

        if (!hsts.Value.OnAllResponses)
        {
            context.Report(endpoint, hsts,
                $"the `Strict-Transport-Security` header is sent only with successful responses, so redirects and error pages lack it; add `always` to {context.Describe(hsts)}");
        }
    }
}
