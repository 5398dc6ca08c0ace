namespace Tlslint.Tls;

/// <summary>
/// A stop-gap judgement of an OpenSSL cipher string until the cipher engine expands it suite by suite: it answers only
/// where the string's shape settles the question, and null otherwise.
/// </summary>
public static class CipherStringHeuristics
{
    /// <summary>Aliases that select CBC suites (with HMAC-SHA1/SHA256/SHA384) or static-RSA suites unless excluded.</summary>
    private static readonly HashSet<string> BroadAliases = new(StringComparer.Ordinal)
    {
        "ALL", "DEFAULT", "COMPLEMENTOFDEFAULT", "COMPLEMENTOFALL", "HIGH", "MEDIUM", "LOW", "AES", "AES128", "AES256",
        "RSA", "kRSA", "aRSA", "ECDHE", "EECDH", "kEECDH", "kECDHE", "EDH", "DHE", "kEDH", "kDHE", "ECDSA", "aECDSA",
        "SHA", "SHA1", "SHA256", "SHA384", "CAMELLIA", "CAMELLIA128", "CAMELLIA256", "ARIA", "SEED", "3DES", "DES", "RC4",
        "TLSv1", "TLSv1.0", "SSLv3", "TLSv1.2", "kECDH", "kDH", "PSK", "kPSK",
    };

    private static readonly HashSet<string> AeadParts = new(StringComparer.Ordinal) { "AESGCM", "CHACHA20", "AESCCM", "ARIAGCM" };

    private static readonly HashSet<string> ForwardSecretParts = new(StringComparer.Ordinal)
    {
        "EECDH", "EDH", "ECDHE", "DHE", "kEECDH", "kEDH", "kECDHE", "kDHE",
    };

    /// <summary>
    /// Whether a TLS 1.2-and-older cipher string still offers suites weaker than AEAD with forward secrecy (CBC or
    /// static-RSA suites); null when only an expansion can tell.
    /// </summary>
    public static bool? OffersSuitesWeakerThanAeadWithForwardSecrecy(string cipherString)
    {
        var tokens = cipherString.Split([':', ',', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        var excluded = tokens.Where(t => t[0] is '!' or '-').Select(t => t[1..]).ToHashSet(StringComparer.Ordinal);
        var positive = tokens.Where(t => t[0] is not ('!' or '-' or '+' or '@')).Select(t => t.Split('@')[0]).Where(t => t.Length > 0).ToList();
        if (positive.Count == 0)
        {
            return null;
        }

        if (positive.All(IsSuiteName))
        {
            return positive.Where(s => !excluded.Contains(s)).Any(s => !IsAeadWithForwardSecrecy(s));
        }

        if (positive.All(IsAeadForwardSecretCombination))
        {
            return false;
        }

        if (!positive.Any(p => p.Split('+').Any(BroadAliases.Contains)))
        {
            return null;
        }

        var cbcGone = (excluded.Contains("SHA1") || excluded.Contains("SHA")) && excluded.Contains("SHA256") && excluded.Contains("SHA384");
        var staticRsaGone = excluded.Contains("kRSA") || excluded.Contains("RSA");
        return !(cbcGone && staticRsaGone);
    }

    private static bool IsAeadForwardSecretCombination(string alias)
    {
        var parts = alias.Split('+');
        return parts.Length > 1 && parts.Any(AeadParts.Contains) && parts.Any(ForwardSecretParts.Contains);
    }

    private static bool IsSuiteName(string token) =>
        token.Contains('-') && token.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c) || c == '-');

    private static bool IsAeadWithForwardSecrecy(string suite) =>
        (suite.StartsWith("ECDHE-", StringComparison.Ordinal) || suite.StartsWith("DHE-", StringComparison.Ordinal))
        && (suite.Contains("-GCM-", StringComparison.Ordinal) || suite.Contains("CHACHA20-POLY1305", StringComparison.Ordinal)
            || suite.EndsWith("-CCM", StringComparison.Ordinal));
}
