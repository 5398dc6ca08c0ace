namespace Tlslint.Tls;

/// <summary>
/// A judgement of an OpenSSL cipher string by its shape, without expanding it suite by suite: enough to tell the
/// common cases (a broad alias such as <c>HIGH</c>, a list of named suites, <c>KX+AEAD</c> combinations) and to say
/// "unknown" for the rest. A stop-gap until the OpenSSL cipher engine judges every string.
/// </summary>
public static class CipherStringShape
{
    private static readonly char[] Separators = [':', ',', ' ', '\t'];

    /// <summary>Aliases that select CBC or static-RSA suites among others.</summary>
    private static readonly HashSet<string> BroadAliases = new(StringComparer.Ordinal)
    {
        "ALL", "DEFAULT", "HIGH", "MEDIUM", "LOW", "COMPLEMENTOFDEFAULT", "COMPLEMENTOFALL", "RSA", "kRSA", "aRSA",
        "AES", "AES128", "AES256", "SHA", "SHA1", "SHA256", "SHA384", "CAMELLIA", "3DES", "DES", "RC4", "SSLv3", "TLSv1",
        "TLSv1.0", "TLSv1.2", "EDH", "DHE", "kEDH", "kDHE", "EECDH", "ECDHE", "kEECDH", "kECDHE", "ECDH", "PSK", "ARIA", "SEED",
    };

    private static readonly HashSet<string> ForwardSecretKeyExchange = new(StringComparer.Ordinal)
    {
        "EECDH", "ECDHE", "kEECDH", "kECDHE", "EDH", "DHE", "kEDH", "kDHE",
    };

    private static readonly HashSet<string> Aead = new(StringComparer.Ordinal)
    {
        "AESGCM", "CHACHA20", "AESCCM", "AESCCM8", "ARIAGCM",
    };

    /// <summary>
    /// Whether the string selects TLS 1.2-and-older suites weaker than AEAD with forward secrecy (CBC, static RSA);
    /// null when the shape does not tell.
    /// </summary>
    public static bool? OffersSuitesWeakerThanAeadWithForwardSecrecy(string cipherString)
    {
        var tokens = cipherString.Split(Separators, StringSplitOptions.RemoveEmptyEntries);
        var removed = tokens.Where(t => t[0] is '!' or '-').Select(t => t[1..]).ToHashSet(StringComparer.Ordinal);
        var positive = tokens.Where(t => t[0] is not ('!' or '-' or '+' or '@')).ToList();
        if (positive.Count == 0)
        {
            return null;
        }

        var removesNonAead = (removed.Contains("SHA1") || removed.Contains("SHA")) && removed.Contains("SHA256") && removed.Contains("SHA384");
        var removesStaticRsa = removed.Contains("kRSA") || removed.Contains("RSA");
        bool? result = false;
        foreach (var token in positive)
        {
            bool? weak;
            if (token.Contains('+'))
            {
                var parts = token.Split('+');
                weak = parts.Any(ForwardSecretKeyExchange.Contains) && parts.Any(Aead.Contains) ? false : null;
            }
            else if (BroadAliases.Contains(token))
            {
                weak = !(removesNonAead && removesStaticRsa);
            }
            else if (IsSuiteName(token))
            {
                weak = removed.Contains(token) ? false : !IsAeadWithForwardSecrecy(token);
            }
            else
            {
                weak = Aead.Contains(token) ? !removesStaticRsa : null;
            }

            if (weak == true)
            {
                return true;
            }

            if (weak is null)
            {
                result = null;
            }
        }

        return result;
    }

    private static bool IsSuiteName(string token) =>
        token.Contains('-') && token.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c) || c is '-' or '_');

    private static bool IsAeadWithForwardSecrecy(string suite) =>
        suite.StartsWith("TLS_", StringComparison.Ordinal)
        || ((suite.StartsWith("ECDHE-", StringComparison.Ordinal) || suite.StartsWith("DHE-", StringComparison.Ordinal))
            && (suite.Contains("-GCM-", StringComparison.Ordinal) || suite.Contains("CHACHA20-POLY1305", StringComparison.Ordinal)
                || suite.EndsWith("-CCM", StringComparison.Ordinal)));
}
