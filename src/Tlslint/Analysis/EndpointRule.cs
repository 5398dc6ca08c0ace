using Tlslint.Model;

namespace Tlslint.Analysis;

/// <summary>A rule over the effective model: called once for each endpoint of a product it applies to.</summary>
public abstract class EndpointRule : Rule
{
    public abstract void Check(TlsEndpoint endpoint, RuleContext context);
}
