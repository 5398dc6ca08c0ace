namespace Tlslint.Tls;

/// <summary>
/// What a configuration asks the TLS library for in terms of TLS 1.2-and-older ciphers: the OpenSSL cipher string
/// the product builds, and for products that add a layer of their own (Postfix grades and exclusions) the parts.
/// </summary>
/// <param name="CipherString">The OpenSSL cipher string the product hands to <c>SSL_CTX_set_cipher_list</c>.</param>
/// <param name="Grade">Postfix: the grade (high, medium, low, export, null); null for other products.</param>
/// <param name="Exclusions">Postfix: each exclusion appended as <c>:!X</c>, in order.</param>
public sealed record CipherSelection(string CipherString, string? Grade, IReadOnlyList<string> Exclusions)
{
    public static CipherSelection FromString(string cipherString) => new(cipherString, null, []);

    /// <summary>
    /// The OpenSSL security level the product sets on its contexts before the string is applied (Postfix: 0, or 1 when
    /// it checks the peer's certificate); null when the product leaves the library's level.
    /// </summary>
    public int? ContextSecurityLevel { get; init; }

    /// <summary>Why the product sets <see cref="ContextSecurityLevel"/>, for messages.</summary>
    public string? ContextSecurityLevelReason { get; init; }

    /// <summary>Postfix: exclusions it adds on its own (<c>aNULL</c> when it checks certificates …), already in <see cref="CipherString"/>.</summary>
    public IReadOnlyList<string> AutomaticExclusions { get; init; } = [];

    /// <summary>Where each stretch of <see cref="CipherString"/> was written, when the product assembles it from several settings.</summary>
    public IReadOnlyList<CipherStringPart> Parts { get; init; } = [];

    /// <summary>The setting that holds the text at <paramref name="offset"/>, or null when the string is one setting.</summary>
    public string? SettingAt(int offset) =>
        Parts.FirstOrDefault(p => offset >= p.Offset && offset < p.Offset + p.Length)?.Setting;

    /// <summary>Why the product refuses to hand the string to OpenSSL at all (Postfix: an unknown grade, an exclusion starting with <c>!</c>); null when it does.</summary>
    public string? Rejection { get; init; }

    public override string ToString() => CipherString;
}
