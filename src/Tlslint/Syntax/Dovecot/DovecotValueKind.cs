namespace Tlslint.Syntax.Dovecot;

/// <summary>How Dovecot reads the text after <c>=</c> (config_parse_line).</summary>
public enum DovecotValueKind
{
    /// <summary>Taken as written (trailing whitespace removed).</summary>
    Literal,

    /// <summary>Written in matching <c>"…"</c> or <c>'…'</c>: quotes removed, backslash escapes undone; never expanded.</summary>
    Quoted,

    /// <summary><c>key = &lt;path</c>: the value is the content of a file; tlslint keeps the path and never reads it.</summary>
    File,

    /// <summary>Unquoted and holding a <c>$name</c> token: variables are expanded by the config parser.</summary>
    Variable,
}
