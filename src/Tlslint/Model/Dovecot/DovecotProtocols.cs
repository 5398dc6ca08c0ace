using Tlslint.Tls;

namespace Tlslint.Model.Dovecot;

/// <summary>How Dovecot turns its protocol settings into the versions OpenSSL may negotiate.</summary>
public static class DovecotProtocols
{
    public const string RecommendedMinimum = "ssl_min_protocol = TLSv1.2";

    public const string RecommendedList = "ssl_protocols = !SSLv3 !TLSv1 !TLSv1.1";

    /// <summary>
    /// 2.3 and later: <c>ssl_min_protocol</c> names the lowest version, the library's highest is the top
    /// (<c>ANY</c> sets no minimum). An unknown name makes the login processes fail to set up TLS at all.
    /// </summary>
    public static ProtocolSelection FromMinimum(string value)
    {
        var text = value.Trim();
        if (text.Equals("ANY", StringComparison.Ordinal))
        {
            return ProtocolSelection.Valid(TlsVersionSet.AllModernLibrary, RecommendedMinimum);
        }

        if (!TlsVersionExtensions.TryParseName(text, out var min) || min == TlsVersion.SslV2)
        {
            return ProtocolSelection.Invalid($"`{text}` is not a protocol Dovecot knows (SSLv3, TLSv1, TLSv1.1, TLSv1.2, TLSv1.3 or ANY)", RecommendedMinimum);
        }

        return ProtocolSelection.Valid(TlsVersionSet.Range(min, TlsVersion.TlsV1_3), RecommendedMinimum);
    }

    /// <summary>
    /// 2.2 <c>ssl_protocols</c>: names (case-insensitive) with an optional <c>!</c>. Any positive name makes the list a
    /// whitelist, and exclusions still apply to it. TLS 1.3 is outside the names 2.2 knows, so it is never excluded.
    /// An unknown name is fatal when the login process starts.
    /// </summary>
    public static ProtocolSelection FromList(string value)
    {
        var controlled = TlsVersionSet.Range(TlsVersion.SslV2, TlsVersion.TlsV1_2);
        var include = TlsVersionSet.Empty;
        var exclude = TlsVersionSet.Empty;
        foreach (var token in value.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
        {
            var negative = token.StartsWith('!');
            var name = negative ? token[1..] : token;
            if (!TlsVersionExtensions.TryParseName(name, out var version) || version == TlsVersion.TlsV1_3
                || name.Equals("TLSv1.0", StringComparison.OrdinalIgnoreCase))
            {
                return ProtocolSelection.Invalid($"Dovecot 2.2 does not know the protocol `{name}`", RecommendedList);
            }

            if (negative)
            {
                exclude = exclude.With(version);
            }
            else
            {
                include = include.With(version);
            }
        }

        var enabled = include.IsEmpty ? controlled : include;
        enabled = enabled.Except(exclude).With(TlsVersion.TlsV1_3);
        return ProtocolSelection.Valid(enabled, RecommendedList);
    }

    /// <summary>
    /// Dovecot 2.3's conversion of a 2.2 <c>ssl_protocols</c> list: the lowest of SSLv3, TLSv1, TLSv1.1, TLSv1.2 that
    /// the list names positively, or (when it names none) the lowest it does not exclude. Any other name, SSLv2
    /// included, makes the conversion fail: Dovecot logs an error and drops the setting.
    /// </summary>
    /// <returns>The minimum, or null with <paramref name="failure"/> saying why.</returns>
    public static string? MinimumFromList(string value, out string? failure)
    {
        string[] order = ["SSLv3", "TLSv1", "TLSv1.1", "TLSv1.2"];
        var included = new HashSet<string>(StringComparer.Ordinal);
        var excluded = new HashSet<string>(StringComparer.Ordinal);
        foreach (var token in value.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
        {
            var negative = token.StartsWith('!');
            var name = negative ? token[1..] : token;
            if (!order.Contains(name, StringComparer.Ordinal))
            {
                failure = $"it does not know `{name}`";
                return null;
            }

            (negative ? excluded : included).Add(name);
        }

        var min = included.Count > 0 ? order.FirstOrDefault(included.Contains) : order.FirstOrDefault(p => !excluded.Contains(p));
        failure = min is null ? "the list disables every protocol" : null;
        return min;
    }
}
