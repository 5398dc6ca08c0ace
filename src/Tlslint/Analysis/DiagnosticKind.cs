namespace Tlslint.Analysis;

/// <summary>Problems found while reading a configuration tree, before any rule runs.</summary>
public enum DiagnosticKind
{
    /// <summary>The text is not valid syntax for the product (reported as TLS001).</summary>
    ParseError,

    /// <summary>An include names no file (TLS002).</summary>
    IncludeNotFound,

    /// <summary>A file includes itself, directly or through others (TLS003).</summary>
    IncludeCycle,

    /// <summary>A configuration file or a file a setting names cannot be read (TLS004).</summary>
    Unreadable,

    /// <summary>A <c>#</c> that the product reads as data, not as a comment (TLS008).</summary>
    CommentInValue,
}
