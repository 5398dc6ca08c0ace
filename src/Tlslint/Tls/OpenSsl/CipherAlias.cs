namespace Tlslint.Tls.OpenSsl;

/// <summary>
/// A word of OpenSSL's cipher-string language that is not a suite name (<c>HIGH</c>, <c>aNULL</c>, <c>kRSA</c>): a
/// selection mask per attribute. A suite matches when it shares a bit with every non-zero mask.
/// </summary>
/// <param name="Name">The word as written in cipher strings (case-sensitive).</param>
/// <param name="KeyExchange">Key-exchange mask (0: any).</param>
/// <param name="Authentication">Authentication mask (0: any).</param>
/// <param name="Encryption">Encryption mask (0: any).</param>
/// <param name="Mac">MAC mask (0: any).</param>
/// <param name="Strength">Strength-class and NOT_DEFAULT mask (0: any).</param>
/// <param name="MinTls">When non-zero: only suites whose lowest version is exactly this (<c>SSLv3</c>, <c>TLSv1</c>, <c>TLSv1.2</c>).</param>
public sealed record CipherAlias(
    string Name,
    KeyExchange KeyExchange,
    Authentication Authentication,
    Encryption Encryption,
    MacAlgorithm Mac,
    int MinTls,
    StrengthFlags Strength)
{
    /// <summary>True for <c>SSLv3</c>, <c>TLSv1</c>, <c>TLSv1.0</c>, <c>TLSv1.2</c>: suites by the version that introduced them, not protocol switches.</summary>
    public bool IsProtocolVersion => MinTls != 0;

    public override string ToString() => Name;
}
