using Tlslint.Analysis;
using Tlslint.Model;

namespace Tlslint.Rules.Integrity;

public sealed class IncludeCycle : DiagnosticRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        Id: "TLS003",
        Name: "include-cycle",
        Title: "A file includes itself, directly or through others",
        DefaultLevel: Level.Error,
        AppliesTo: Products.Dovecot | Products.Apache | Products.Nginx,
        SecuritySeverity: null);

    protected override DiagnosticKind Kind => DiagnosticKind.IncludeCycle;
}
