namespace Tlslint.Syntax.Apache;

public enum ApacheStatementKind
{
    /// <summary><c>Name arguments…</c></summary>
    Directive,

    /// <summary><c>&lt;Name arguments…&gt;</c></summary>
    SectionOpen,

    /// <summary><c>&lt;/Name&gt;</c></summary>
    SectionClose,
}
