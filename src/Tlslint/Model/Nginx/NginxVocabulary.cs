using System.Collections.Frozen;
using Tlslint.Analysis;
using Tlslint.Text;

namespace Tlslint.Model.Nginx;

/// <summary>
/// The TLS-related nginx directives (http, mail and stream ssl modules, the proxy/grpc/uwsgi upstream sides, mail
/// STARTTLS and auth methods): when each appeared, how many arguments it takes, and what repeating it in one block
/// does. Names outside this list that do not look TLS-related are taken as known, since tlslint does not judge them.
/// </summary>
/// <remarks>
/// Sources: nginx's directive reference (nginx.org/en/docs, "This directive appeared in version …") and the slot
/// handlers in ngx_conf_file.c: flag, string and number slots reject a second occurrence ("is duplicate"); bitmask
/// slots (<c>ssl_protocols</c>, <c>*_auth</c>) OR the values; array slots (<c>ssl_certificate</c>,
/// <c>ssl_conf_command</c>) collect them.
/// </remarks>
public static class NginxVocabulary
{
    private const int Many = int.MaxValue;

    /// <summary>Server-side directives of the ssl modules: valid in http/mail/stream and server blocks, never in a location.</summary>
    private static readonly FrozenDictionary<string, NginxDirectiveInfo> Server = new Dictionary<string, NginxDirectiveInfo>
    {
        ["ssl"] = Flag() with { ObsoleteFrom = new(1, 15, 0), RemovedIn = new(1, 25, 1) },
        ["ssl_buffer_size"] = One(new(1, 5, 9)),
        ["ssl_certificate"] = One() with { Repetition = Repetition.Accumulates },
        ["ssl_certificate_cache"] = Args(1, 3, new(1, 27, 4)),
        ["ssl_certificate_compression"] = Flag(new(1, 29, 1)),
        ["ssl_certificate_key"] = One() with { Repetition = Repetition.Accumulates },
        ["ssl_ciphers"] = One(),
        ["ssl_client_certificate"] = One(),
        ["ssl_conf_command"] = Args(2, 2, new(1, 19, 4)) with { Repetition = Repetition.Accumulates },
        ["ssl_crl"] = One(),
        ["ssl_dhparam"] = One(),
        ["ssl_early_data"] = Flag(new(1, 15, 3)),
        ["ssl_ecdh_curve"] = One(),
        ["ssl_ech_file"] = One() with { Repetition = Repetition.Accumulates },
        ["ssl_handshake_timeout"] = One(),
        ["ssl_key_log"] = One(new(1, 27, 2)),
        ["ssl_ocsp"] = One(new(1, 19, 0)),
        ["ssl_ocsp_cache"] = One(new(1, 19, 0)),
        ["ssl_ocsp_responder"] = One(new(1, 19, 0)),
        ["ssl_password_file"] = One(new(1, 7, 3)),
        ["ssl_prefer_server_ciphers"] = Flag(),
        ["ssl_preread"] = Flag(new(1, 11, 5)),
        ["ssl_protocols"] = Args(1, Many) with { Repetition = Repetition.Combined },
        ["ssl_reject_handshake"] = Flag(new(1, 19, 4)),
        ["ssl_session_cache"] = Args(1, 2) with { Repetition = Repetition.LastWins },
        ["ssl_session_ticket_key"] = One(new(1, 5, 7)) with { Repetition = Repetition.Accumulates },
        ["ssl_session_tickets"] = Flag(new(1, 5, 9)),
        ["ssl_session_timeout"] = One(),
        ["ssl_stapling"] = Flag(new(1, 3, 7)),
        ["ssl_stapling_file"] = One(new(1, 3, 7)),
        ["ssl_stapling_responder"] = One(new(1, 3, 7)),
        ["ssl_stapling_verify"] = Flag(new(1, 3, 7)),
        ["ssl_trusted_certificate"] = One(new(1, 3, 7)),
        ["ssl_verify_client"] = One(),
        ["ssl_verify_depth"] = One(),
        ["ssl_alpn"] = Args(1, Many, new(1, 21, 4)),
        ["starttls"] = One(),
        ["imap_auth"] = Args(1, Many) with { Repetition = Repetition.Combined },
        ["pop3_auth"] = Args(1, Many) with { Repetition = Repetition.Combined },
        ["smtp_auth"] = Args(1, Many) with { Repetition = Repetition.Combined },
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Suffixes of the upstream-side directives, after <c>proxy_ssl_</c>, <c>grpc_ssl_</c> or <c>uwsgi_ssl_</c>.</summary>
    private static readonly FrozenDictionary<string, NginxDirectiveInfo> UpstreamSuffixes = new Dictionary<string, NginxDirectiveInfo>
    {
        ["certificate"] = One(),
        ["certificate_cache"] = Args(1, 3, new(1, 27, 4)),
        ["certificate_key"] = One(),
        ["ciphers"] = One(),
        ["conf_command"] = Args(2, 2, new(1, 19, 4)) with { Repetition = Repetition.Accumulates },
        ["crl"] = One(),
        ["key_log"] = One(new(1, 27, 2)),
        ["name"] = One(),
        ["password_file"] = One(),
        ["protocols"] = Args(1, Many) with { Repetition = Repetition.Combined },
        ["server_name"] = Flag(),
        ["session_reuse"] = Flag(),
        ["trusted_certificate"] = One(),
        ["verify"] = Flag(),
        ["verify_depth"] = One(),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, NginxDirectiveInfo> Other = new Dictionary<string, NginxDirectiveInfo>
    {
        ["proxy_ssl"] = Flag(new(1, 9, 0)),
        ["ssl_engine"] = One(),
        ["ssl_object_cache_inheritable"] = Flag(),
        ["include"] = One() with { Repetition = Repetition.Accumulates },
        ["add_header"] = Args(2, 3) with { Repetition = Repetition.Accumulates },
        ["add_header_inherit"] = One(new(1, 29, 3)),
        ["listen"] = Args(1, Many) with { Repetition = Repetition.Accumulates },
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly string[] UpstreamPrefixes = ["proxy_ssl_", "grpc_ssl_", "uwsgi_ssl_"];

    /// <summary>Third-party modules whose TLS directives nginx knows once the module is loaded (OpenResty, nginx-ct, Plus …).</summary>
    private static readonly string[] ThirdParty = ["lua_", "zone_sync_ssl", "ssl_ct", "ssl_dyn_rec", "ssl_ntls", "ssl_asynch", "ssl_sign", "enc_"];

    /// <summary>Everything known, for suggestions.</summary>
    private static readonly Lazy<string[]> AllNames = new(() =>
        Server.Keys.Concat(Other.Keys)
            .Concat(UpstreamPrefixes.SelectMany(p => UpstreamSuffixes.Keys.Select(s => p + s)))
            .ToArray());

    /// <summary>What nginx knows about a directive, or null when it is not one of the directives tlslint tracks.</summary>
    public static NginxDirectiveInfo? Info(string name)
    {
        if (Server.TryGetValue(name, out var info) || Other.TryGetValue(name, out info))
        {
            return info;
        }

        foreach (var prefix in UpstreamPrefixes)
        {
            if (name.StartsWith(prefix, StringComparison.Ordinal) && UpstreamSuffixes.TryGetValue(name[prefix.Length..], out info))
            {
                return prefix == "proxy_ssl_" || info.Since is not null ? info : info with { Since = prefix == "grpc_ssl_" ? new(1, 13, 10) : new(1, 7, 8) };
            }
        }

        return null;
    }

    /// <summary>True for the server-side ssl module directives, which nginx allows in http/mail/stream and server blocks only.</summary>
    public static bool IsServerLevelOnly(string name) => Server.ContainsKey(name) && name.StartsWith("ssl", StringComparison.Ordinal);

    public static bool IsTlsRelevant(string name) =>
        name.Contains("ssl", StringComparison.OrdinalIgnoreCase) || name.Contains("tls", StringComparison.OrdinalIgnoreCase);

    /// <summary>The verdict on a directive name under the assumed nginx version.</summary>
    public static NameInfo Lookup(string name, ProductVersion version)
    {
        var tls = IsTlsRelevant(name);
        var info = Info(name);
        if (info is null)
        {
            if (!tls || ThirdParty.Any(p => name.StartsWith(p, StringComparison.Ordinal)) || name.Contains("_by_lua", StringComparison.Ordinal))
            {
                return NameInfo.Known(tls) with { Repetition = Repetition.Accumulates };
            }

            return new NameInfo(NameStatus.Unknown, tls, Suggest(name)) with { Repetition = Repetition.Accumulates };
        }

        if (info.ObsoleteFrom is { } obsolete && version >= obsolete)
        {
            var advice = info.RemovedIn is { } removed && version >= removed
                ? $"nginx {removed} and later no longer know it and refuse to start (`unknown directive \"{name}\"`); use `listen … ssl` instead"
                : "nginx warns that it is deprecated; use `listen … ssl` instead";
            return new NameInfo(NameStatus.Obsolete, tls, Advice: advice) with { Repetition = info.Repetition };
        }

        if (info.Since is { } since && version < since)
        {
            return new NameInfo(NameStatus.TooNew, tls, Advice: $"it exists only in nginx {since} and later") with { Repetition = info.Repetition };
        }

        return NameInfo.Known(tls) with { Repetition = info.Repetition };
    }

    /// <summary>The closest known name, for typos such as <c>ssl_prefer_server_cipher</c>.</summary>
    public static string? Suggest(string name) =>
        EditDistance.Nearest(name, AllNames.Value);

    private static NginxDirectiveInfo Flag(ProductVersion? since = null) => new(1, 1, since, Repetition.Rejected, IsFlag: true);

    private static NginxDirectiveInfo One(ProductVersion? since = null) => new(1, 1, since, Repetition.Rejected);

    private static NginxDirectiveInfo Args(int min, int max, ProductVersion? since = null) => new(min, max, since, Repetition.Rejected);
}
