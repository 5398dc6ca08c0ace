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

    public override string ToString() => CipherString;
}
