namespace Tlslint.Model.Apache;

/// <summary>What kind of section a directive sits in, as far as TLS settings care.</summary>
public enum ApacheScopeKind
{
    /// <summary>The main server (server config context).</summary>
    Server,

    /// <summary><c>&lt;VirtualHost&gt;</c>.</summary>
    VirtualHost,

    /// <summary><c>&lt;Directory&gt;</c>, <c>&lt;DirectoryMatch&gt;</c>.</summary>
    Directory,

    /// <summary><c>&lt;Location&gt;</c>, <c>&lt;LocationMatch&gt;</c>.</summary>
    Location,

    /// <summary><c>&lt;Files&gt;</c>, <c>&lt;FilesMatch&gt;</c>.</summary>
    Files,

    /// <summary><c>&lt;Proxy&gt;</c>, <c>&lt;ProxyMatch&gt;</c>.</summary>
    Proxy,

    /// <summary><c>&lt;If&gt;</c>, <c>&lt;ElseIf&gt;</c>, <c>&lt;Else&gt;</c> (evaluated per request).</summary>
    If,

    /// <summary>Any other section (<c>&lt;Limit&gt;</c>, <c>&lt;RequireAll&gt;</c> …).</summary>
    Other,
}
