using Tlslint.Analysis;

namespace Tlslint.Rules.Integrity;

/// <summary>A rule that reports the problems loaders and parsers found of one kind, where they found them.</summary>
public abstract class DiagnosticRule : TreeRule
{
    protected abstract DiagnosticKind Kind { get; }

    public override void Check(ConfigTree tree, RuleContext context)
    {
        foreach (var diagnostic in tree.Diagnostics)
        {
            if (diagnostic.Kind == Kind)
            {
                // A file the server cannot load at all is an error whatever the rule's usual level.
                context.Report(diagnostic.Message, diagnostic.Location, diagnostic.Fatal ? Level.Error : null);
            }
        }
    }
}
