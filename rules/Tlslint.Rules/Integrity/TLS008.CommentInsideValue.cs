using Tlslint.Analysis;
using Tlslint.Model;

namespace Tlslint.Rules.Integrity;

public sealed class CommentInsideValue : DiagnosticRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        Id: "TLS008",
        Name: "comment-inside-value",
        Title: "A `#` after a value is data, not a comment",
        DefaultLevel: Level.Error,
        AppliesTo: Products.Postfix | Products.Apache | Products.Dovecot,
        SecuritySeverity: 7.0);

    protected override DiagnosticKind Kind => DiagnosticKind.CommentInValue;
}
