using Tlslint.Analysis;
using Tlslint.Model;

namespace Tlslint.Rules.Integrity;

public sealed class IncludeNotFound : DiagnosticRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        Id: "TLS002",
        Name: "include-not-found",
        Title: "An include names no file",
        DefaultLevel: Level.Error,
        AppliesTo: Products.Dovecot | Products.Apache | Products.Nginx,
        SecuritySeverity: null);

    protected override DiagnosticKind Kind => DiagnosticKind.IncludeNotFound;
}
