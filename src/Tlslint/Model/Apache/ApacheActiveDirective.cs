using Tlslint.Syntax.Apache;
using Tlslint.Text;

namespace Tlslint.Model.Apache;

/// <summary>A directive httpd really reads: outside false conditionals, with <c>${VAR}</c> substituted.</summary>
/// <param name="Name">The name as written (httpd compares names case-insensitively).</param>
/// <param name="Arguments">The arguments after substitution.</param>
/// <param name="Statement">The statement as parsed.</param>
/// <param name="File">The file it is in.</param>
/// <param name="Scope">The section it applies to.</param>
public sealed record ApacheActiveDirective(
    string Name,
    IReadOnlyList<string> Arguments,
    ApacheStatement Statement,
    SourceFile File,
    ApacheScope Scope)
{
    public SourceLocation Location => new(File, Statement.Range);

    public SourceLocation NameLocation => new(File, Statement.NameRange);

    public SourceLocation ArgumentsLocation => new(File, Statement.ArgumentsRange);

    /// <summary>The arguments as one string, the way messages show them.</summary>
    public string ArgumentText => string.Join(" ", Arguments.Select(a => a.Length == 0 || a.Any(char.IsWhiteSpace) ? $"\"{a}\"" : a));

    public bool Is(string name) => string.Equals(Name, name, StringComparison.OrdinalIgnoreCase);
}
