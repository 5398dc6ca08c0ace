namespace Tlslint.Analysis;

/// <summary>A check. Rules are stateless so that they can run in parallel.</summary>
public abstract class Rule
{
    public abstract RuleDescriptor Descriptor { get; }

    public override string ToString() => Descriptor.Id;
}
