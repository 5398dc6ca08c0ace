namespace Tlslint.Analysis;

/// <summary>A rule over a whole configuration tree: syntax-level checks and checks that compare endpoints.</summary>
public abstract class TreeRule : Rule
{
    public abstract void Check(ConfigTree tree, RuleContext context);
}
