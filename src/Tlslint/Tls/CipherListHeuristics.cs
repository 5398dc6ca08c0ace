namespace Tlslint.Tls;

/// <summary>
/// Cautious judgements on an OpenSSL cipher string for products without a cipher layer of their own, good enough to
/// decide the clear cases (a broad alias such as <c>HIGH</c>, or suites named one by one) without a cipher engine.
/// </summary>
public static class CipherListHeuristics
{
    /// <summary>Aliases that select CBC suites (and, before exclusions, static-RSA key exchange).</summary>
    private static readonly HashSet<string> BroadAliases = new(StringComparer.Ordinal)
    {
        "DEFAULT", "ALL", "HIGH", "MEDIUM", "RSA", "kRSA", "AES", "AES128", "AES256", "SHA", "SHA1", "SHA256", "SHA384",
        "CAMELLIA", "COMPLEMENTOFDEFAULT", "COMPLEMENTOFALL",
    };

    /// <summary>Aliases that select CBC suites when combined with others (<c>ECDHE+AES</c>, <c>EDH+aRSA</c>).</summary>
    private static readonly HashSet<string> BroadParts = new(StringComparer.Ordinal)
    {
        "ECDHE", "EECDH", "kEECDH", "kECDHE", "EDH", "DHE", "kEDH", "kDHE", "aRSA", "aECDSA", "ECDSA",
    };

    private static readonly HashSet<string> AeadParts = new(StringComparer.Ordinal) { "AESGCM", "CHACHA20", "AESCCM", "ARIAGCM" };

    private static readonly HashSet<string> ForwardSecretParts = new(StringComparer.Ordinal)
    {
        "EECDH", "EDH", "ECDHE", "DHE", "kEECDH", "kEDH", "kECDHE", "kDHE",
    };

    /// <summary>
    /// True when the string surely selects suites weaker than AEAD with forward secrecy (CBC modes, static RSA); false
    /// when it names only AEAD suites with forward secrecy, one by one; null when only a full evaluation can tell.
    /// </summary>
    public static bool? HasSuitesWeakerThanAeadWithForwardSecrecy(string cipherString)
    {
        var tokens = cipherString.Split([':', ',', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        var positive = tokens.Where(t => t[0] is not ('!' or '-' or '+' or '@')).ToList();
        var removed = tokens.Where(t => t[0] is '!' or '-').Select(t => t[1..]).ToHashSet(StringComparer.Ordinal);
        if (positive.Count == 0)
        {
            return null;
        }

        if (positive.All(IsSuiteName))
        {
            return !positive.All(IsAeadWithForwardSecrecy);
        }

        // `ECDHE+AESGCM` (an AEAD cipher with a forward-secret key exchange) selects only such suites.
        if (positive.All(IsAeadForwardSecretCombination))
        {
            return false;
        }

        // A combination such as `ECDHE+AES` or `EDH+aRSA` selects CBC suites as much as its broad part does.
        if (!positive.Any(p => p.Split('+').Any(part => BroadAliases.Contains(part) || BroadParts.Contains(part))))
        {
            return null;
        }

        // CBC suites carry a SHA1, SHA256 or SHA384 MAC (AEAD suites carry none); static RSA is kRSA.
        var cbcRemoved = (removed.Contains("SHA1") || removed.Contains("SHA")) && removed.Contains("SHA256") && removed.Contains("SHA384");
        var staticRsaRemoved = removed.Contains("kRSA") || removed.Contains("RSA");
        return !(cbcRemoved && staticRsaRemoved);
    }

    private static bool IsAeadForwardSecretCombination(string alias)
    {
        var parts = alias.Split('+');
        return parts.Length > 1 && parts.Any(AeadParts.Contains) && parts.Any(ForwardSecretParts.Contains);
    }

    /// <summary>An OpenSSL suite name such as <c>ECDHE-RSA-AES128-GCM-SHA256</c> or a TLS 1.3 name (not an alias).</summary>
    public static bool IsSuiteName(string token) =>
        (token.Contains('-') || token.StartsWith("TLS_", StringComparison.Ordinal))
        && token.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c) || c is '-' or '_');

    /// <summary>ECDHE or DHE key exchange with GCM, CCM or ChaCha20-Poly1305.</summary>
    public static bool IsAeadWithForwardSecrecy(string suite) =>
        suite.StartsWith("TLS_", StringComparison.Ordinal)
        || ((suite.StartsWith("ECDHE-", StringComparison.Ordinal) || suite.StartsWith("DHE-", StringComparison.Ordinal))
            && (suite.Contains("-GCM-", StringComparison.Ordinal) || suite.Contains("CHACHA20", StringComparison.Ordinal)
                || suite.Contains("-CCM", StringComparison.Ordinal)));
}
