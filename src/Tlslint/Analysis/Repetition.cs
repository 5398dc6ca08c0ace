namespace Tlslint.Analysis;

/// <summary>What the product does when a setting is written more than once in one scope.</summary>
public enum Repetition
{
    /// <summary>The last one wins (Postfix, Dovecot, most Apache directives).</summary>
    LastWins,

    /// <summary>The product refuses to start (nginx: <c>"ssl_ciphers" directive is duplicate</c>).</summary>
    Rejected,

    /// <summary>The values add up (nginx <c>ssl_protocols</c> twice enables the versions of both lines).</summary>
    Combined,

    /// <summary>Each occurrence adds an item on purpose (nginx <c>listen</c>, <c>add_header</c>, <c>ssl_certificate</c>); or unknown.</summary>
    Accumulates,
}
