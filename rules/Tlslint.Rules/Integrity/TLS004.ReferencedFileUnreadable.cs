using Tlslint.Analysis;
using Tlslint.Model;

namespace Tlslint.Rules.Integrity;

public sealed class ReferencedFileUnreadable : DiagnosticRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        Id: "TLS004",
        Name: "referenced-file-unreadable",
        Title: "A file the configuration needs cannot be read, so its checks were skipped",
        DefaultLevel: Level.Note,
        AppliesTo: Products.All,
        SecuritySeverity: null);

    protected override DiagnosticKind Kind => DiagnosticKind.Unreadable;
}
