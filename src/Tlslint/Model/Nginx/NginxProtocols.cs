using Tlslint.Tls;
using Tlslint.Tls.OpenSsl;

namespace Tlslint.Model.Nginx;

/// <summary>
/// Interprets nginx's protocol directives: <c>ssl_protocols</c> (a bitmask slot: every word must be a protocol name,
/// compared case-insensitively; repeated directives in one block add up) and what <c>ssl_conf_command</c> does to the
/// result afterwards (<c>Protocol</c>, <c>MinProtocol</c>, <c>MaxProtocol</c> are applied by OpenSSL after nginx's
/// own settings, so they win).
/// </summary>
public static class NginxProtocols
{
    private static readonly ProductVersion Tls13Keyword = new(1, 13, 0);

    private static readonly TlsVersionSet All = TlsVersionSet.Range(TlsVersion.SslV2, TlsVersion.TlsV1_3);

    /// <summary>"TLS 1.2 and later" as the given directive says it in nginx <paramref name="version"/>.</summary>
    public static string Recommended(string directive, ProductVersion version) =>
        version >= Tls13Keyword ? $"{directive} TLSv1.2 TLSv1.3" : $"{directive} TLSv1.2";

    /// <summary>The versions a list of words enables, or an invalid selection naming the first word nginx rejects.</summary>
    public static ProtocolSelection Parse(IEnumerable<string> words, string directive, ProductVersion version)
    {
        var recommended = Recommended(directive, version);
        var set = TlsVersionSet.Empty;
        foreach (var word in words)
        {
            if (!TryName(word, version, out var v))
            {
                return ProtocolSelection.Invalid($"`{word}` is not a protocol nginx {version} knows: it stops with `invalid value \"{word}\"`", recommended);
            }

            set = set.With(v);
        }

        return ProtocolSelection.Valid(set, recommended);
    }

    /// <summary>
    /// Applies <c>Protocol</c>, <c>MinProtocol</c> and <c>MaxProtocol</c> commands (name, value) in order to
    /// <paramref name="enabled"/>; values <see cref="SslConfCommands.Problem"/> refuses must be dealt with first.
    /// </summary>
    public static TlsVersionSet ApplyCommands(TlsVersionSet enabled, IEnumerable<(string Name, string Value)> commands)
    {
        TlsVersion? min = null;
        TlsVersion? max = null;
        foreach (var (name, value) in commands)
        {
            if (name.Equals("Protocol", StringComparison.OrdinalIgnoreCase))
            {
                foreach (var item in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    var remove = item.StartsWith('-');
                    var text = item.TrimStart('-', '+');
                    if (text.Equals("ALL", StringComparison.OrdinalIgnoreCase))
                    {
                        enabled = remove ? TlsVersionSet.Empty : All;
                    }
                    else if (TlsVersionExtensions.TryParseName(text, out var v))
                    {
                        enabled = remove ? enabled.Without(v) : enabled.With(v);
                    }
                }
            }
            else if (name.Equals("MinProtocol", StringComparison.OrdinalIgnoreCase))
            {
                // `None` lifts the bound; DTLS versions leave a TLS context alone.
                min = value.StartsWith("DTLS", StringComparison.Ordinal) ? min : TlsVersionExtensions.TryParseName(value, out var v) ? v : null;
            }
            else if (name.Equals("MaxProtocol", StringComparison.OrdinalIgnoreCase))
            {
                max = value.StartsWith("DTLS", StringComparison.Ordinal) ? max : TlsVersionExtensions.TryParseName(value, out var v) ? v : null;
            }
        }

        if (min is { } low)
        {
            enabled = enabled.Intersect(TlsVersionSet.Range(low, TlsVersion.TlsV1_3));
        }

        if (max is { } high)
        {
            enabled = enabled.Intersect(TlsVersionSet.Range(TlsVersion.SslV2, high));
        }

        return enabled;
    }

    private static bool TryName(string word, ProductVersion version, out TlsVersion v)
    {
        // nginx spells TLS 1.0 `TLSv1` only; `TLSv1.0` is an invalid value.
        if (word.Equals("TLSv1.0", StringComparison.OrdinalIgnoreCase) || !TlsVersionExtensions.TryParseName(word, out v))
        {
            v = default;
            return false;
        }

        return v != TlsVersion.TlsV1_3 || version >= Tls13Keyword;
    }
}
