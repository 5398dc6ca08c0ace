namespace Tlslint.Analysis;

/// <summary>What a product knows about a setting name.</summary>
public enum NameStatus
{
    Known,
    Unknown,

    /// <summary>Known, but deprecated or ignored by the assumed version.</summary>
    Obsolete,

    /// <summary>Only exists in versions newer than the assumed one.</summary>
    TooNew,

    /// <summary>Not a product name, but a user-defined name the configuration refers to (Postfix <c>$my_level</c>).</summary>
    UserDefined,
}
