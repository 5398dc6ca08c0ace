using Tlslint.Tls;

namespace Tlslint.Model.Apache;

/// <summary>
/// <c>SSLProtocol</c> as mod_ssl reads it (ssl_cmd_protocol_parse, formats.md §4.5), and the protocol commands of
/// <c>SSLOpenSSLConfCmd</c> that OpenSSL applies on top.
/// </summary>
public static class ApacheProtocols
{
    private static readonly TlsVersion[] Ladder =
        [TlsVersion.SslV3, TlsVersion.TlsV1_0, TlsVersion.TlsV1_1, TlsVersion.TlsV1_2, TlsVersion.TlsV1_3];

    /// <summary>
    /// Every directive starts from nothing; words add (<c>+</c>), remove (<c>-</c>) or, without a sign, replace. With
    /// OpenSSL 1.1.0 or later mod_ssl sets a minimum and a maximum, so only the versions from the highest one down to
    /// the first gap are negotiable.
    /// </summary>
    public static ProtocolSelection Parse(IReadOnlyList<string> words, ProductVersion httpd, ProductVersion openSsl,
        string directive = "SSLProtocol")
    {
        var recommended = ApacheDefaults.RecommendedProtocol(httpd, openSsl, directive);
        var all = All(httpd, openSsl);
        var options = TlsVersionSet.Empty;
        var contradictions = new List<string>();
        foreach (var word in words)
        {
            var action = word.Length > 0 && word[0] is '+' or '-' ? word[0] : ' ';
            var name = action == ' ' ? word : word[1..];
            TlsVersionSet bits;
            if (name.Equals("all", StringComparison.OrdinalIgnoreCase))
            {
                bits = all;
            }
            else if (name.Equals("SSLv2", StringComparison.OrdinalIgnoreCase))
            {
                if (action == '-')
                {
                    continue;
                }

                return ProtocolSelection.Invalid("SSLv2 is no longer supported, so httpd refuses to start", recommended);
            }
            else if (TlsVersionExtensions.TryParseName(name, out var version) && !name.Equals("TLSv1.0", StringComparison.OrdinalIgnoreCase)
                     && version != TlsVersion.SslV2 && (version != TlsVersion.TlsV1_3 || ApacheDefaults.KnowsTls13(httpd, openSsl)))
            {
                bits = TlsVersionSet.Of(version);
            }
            else
            {
                return ProtocolSelection.Invalid($"httpd refuses to start with \"Illegal protocol '{word}'\"", recommended);
            }

            switch (action)
            {
                case '-':
                    if (!IsAll(name) && options.Intersect(bits).IsEmpty)
                    {
                        contradictions.Add(options.IsEmpty
                            ? $"`{word}` removes {name} from an empty set: a list that starts with a `-` word starts from nothing; begin it with `all`"
                            : $"`{word}` removes {name}, which the words before it do not enable");
                    }

                    options = options.Except(bits);
                    break;
                case '+':
                    if (!IsAll(name) && !options.IsEmpty && options.Intersect(bits) == bits)
                    {
                        contradictions.Add($"`{word}` adds {name}, which the words before it already enable");
                    }

                    options = options.Union(bits);
                    break;
                default:
                    if (!options.IsEmpty)
                    {
                        contradictions.Add($"`{word}` has no `+` or `-`, so it replaces everything before it (httpd warns AH02532); write `+{name}` or `-{name}`");
                    }

                    options = bits;
                    break;
            }
        }

        var enabled = options;
        if (openSsl >= new ProductVersion(1, 1, 0))
        {
            enabled = ContiguousFromTop(options);
            // SSLv3 left below a gap is not worth a word: no current OpenSSL build has it anyway.
            var dropped = options.Except(enabled).Without(TlsVersion.SslV2).Without(TlsVersion.SslV3);
            if (!dropped.IsEmpty)
            {
                contradictions.Add($"`{dropped}` stays off: mod_ssl enables only the versions from the highest one down to the first one left out");
            }
        }

        return ProtocolSelection.Valid(enabled, recommended, contradictions);
    }

    /// <summary>
    /// Applies <c>SSLOpenSSLConfCmd Protocol|MinProtocol|MaxProtocol</c> to what SSLProtocol enabled: Protocol sets or
    /// clears a version's "no" flag, Min/MaxProtocol move the bounds. A server checks each version the client asks for
    /// on its own (ssl_choose_server_version), so a version switched off between two others leaves a gap: the live httpd
    /// with <c>SSLProtocol all</c> and <c>Protocol -TLSv1.1</c> accepted TLS 1.0, 1.2 and 1.3. (mod_ssl's own
    /// SSLProtocol never leaves one: it sets only a minimum and a maximum.)
    /// </summary>
    public static TlsVersionSet ApplyCommand(TlsVersionSet current, string command, string value)
    {
        var versions = Ladder.Where(current.Contains).ToList();
        var min = versions.Count > 0 ? versions[0] : (TlsVersion?)null;
        var max = versions.Count > 0 ? versions[^1] : (TlsVersion?)null;
        var disabled = versions.Count == 0
            ? TlsVersionSet.Empty
            : TlsVersionSet.Range(min!.Value, max!.Value).Except(current);
        switch (command.ToLowerInvariant())
        {
            case "protocol":
                foreach (var raw in value.Split([',', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
                {
                    var off = raw[0] == '-';
                    var name = raw[0] is '+' or '-' ? raw[1..] : raw;
                    var bits = IsAll(name) ? TlsVersionSet.Range(TlsVersion.SslV3, TlsVersion.TlsV1_3)
                        : TlsVersionExtensions.TryParseName(name, out var v) ? TlsVersionSet.Of(v) : TlsVersionSet.Empty;
                    disabled = off ? disabled.Union(bits) : disabled.Except(bits);
                }

                break;
            case "minprotocol":
                min = Bound(value) ?? TlsVersion.SslV3;
                break;
            case "maxprotocol":
                max = Bound(value) ?? TlsVersion.TlsV1_3;
                break;
            default:
                return current;
        }

        if (min is null || max is null || min > max)
        {
            return TlsVersionSet.Empty;
        }

        var allowed = TlsVersionSet.Range(min.Value, max.Value).Except(disabled);
        return allowed;
    }

    /// <summary>What <c>all</c> stands for: SSLv3 (where the library has it) to TLS 1.2, and TLS 1.3 since 2.4.36.</summary>
    public static TlsVersionSet All(ProductVersion httpd, ProductVersion openSsl) =>
        ApacheDefaults.KnowsTls13(httpd, openSsl)
            ? TlsVersionSet.Range(TlsVersion.SslV3, TlsVersion.TlsV1_3)
            : TlsVersionSet.Range(TlsVersion.SslV3, TlsVersion.TlsV1_2);

    private static bool IsAll(string name) => name.Equals("all", StringComparison.OrdinalIgnoreCase);

    private static TlsVersion? Bound(string value) =>
        TlsVersionExtensions.TryParseName(value.Trim(), out var v) ? v : null;

    private static TlsVersionSet ContiguousFromTop(TlsVersionSet set)
    {
        var result = TlsVersionSet.Empty;
        for (var i = Ladder.Length - 1; i >= 0; i--)
        {
            if (set.Contains(Ladder[i]))
            {
                result = result.With(Ladder[i]);
            }
            else if (!result.IsEmpty)
            {
                break;
            }
        }

        return result;
    }
}
