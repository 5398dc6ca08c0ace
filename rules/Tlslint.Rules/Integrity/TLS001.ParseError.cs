using Tlslint.Analysis;
using Tlslint.Model;

namespace Tlslint.Rules.Integrity;

public sealed class ParseError : DiagnosticRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        Id: "TLS001",
        Name: "parse-error",
        Title: "The configuration cannot be parsed the way the server parses it",
        DefaultLevel: Level.Error,
        AppliesTo: Products.All,
        SecuritySeverity: null);

    protected override DiagnosticKind Kind => DiagnosticKind.ParseError;
}
