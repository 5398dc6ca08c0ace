using System.Collections.Frozen;
using Tlslint.Analysis;
using Tlslint.Text;

namespace Tlslint.Model.Dovecot;

/// <summary>
/// The TLS, cleartext-authentication and cipher setting names of Dovecot 1.x to 2.4, with the release that introduced
/// and (for renamed or dropped ones) replaced them, from formats.md §3.7–3.8 and <c>doveconf -a</c> of 2.3.19.1.
/// Names outside TLS are not judged: tlslint reports unknown names only where they concern TLS.
/// </summary>
public static class DovecotVocabulary
{
    private sealed record Entry(ProductVersion Since, ProductVersion? Until, string? Advice);

    private static readonly ProductVersion V1 = new(1, 0);
    private static readonly ProductVersion V1_2 = new(1, 2);
    private static readonly ProductVersion V2_2_6 = new(2, 2, 6);
    private static readonly ProductVersion V2_2_31 = new(2, 2, 31);
    private static readonly ProductVersion V2_3_2 = new(2, 3, 2);

    private static readonly FrozenDictionary<string, Entry> Names = new Dictionary<string, Entry>
    {
        ["ssl"] = new(V1_2, null, null),
        ["ssl_disable"] = new(V1, DovecotVersions.V2_0, "write `ssl = no` (or `ssl = yes`), the inverse"),
        ["ssl_listen"] = new(V1, DovecotVersions.V2_0, "give the address in `service imap-login { inet_listener imaps { address = … } }`"),
        ["ssl_cert_file"] = new(V1, DovecotVersions.V2_0, "write `ssl_cert = </path/to/cert.pem`"),
        ["ssl_key_file"] = new(V1, DovecotVersions.V2_0, "write `ssl_key = </path/to/key.pem`"),
        ["ssl_ca_file"] = new(V1, DovecotVersions.V2_0, "write `ssl_ca = </path/to/ca.pem`"),
        ["ssl_parameters_regenerate"] = new(V1, DovecotVersions.V2_3, "it is no longer needed; give DH parameters with `ssl_dh = </etc/dovecot/dh.pem`"),
        ["ssl_dh_parameters_length"] = new(DovecotVersions.V2_2_7, DovecotVersions.V2_3, "it is no longer needed; give DH parameters with `ssl_dh = </etc/dovecot/dh.pem`"),
        ["ssl_protocols"] = new(DovecotVersions.V2_0, DovecotVersions.V2_3, "write `ssl_min_protocol = TLSv1.2`"),
        ["ssl_min_protocol"] = new(DovecotVersions.V2_3, null, null),
        ["ssl_cipher_list"] = new(V1, null, null),
        ["ssl_cipher_suites"] = new(DovecotVersions.V2_3_15, null, null),
        ["ssl_curve_list"] = new(DovecotVersions.V2_3, null, null),
        ["ssl_crypto_device"] = new(DovecotVersions.V2_0, null, null),
        ["ssl_options"] = new(DovecotVersions.V2_2_14, null, null),
        ["ssl_prefer_server_ciphers"] = new(V2_2_6, DovecotVersions.V2_4, "write `ssl_server_prefer_ciphers = server` (or `client`)"),
        ["ssl_cert"] = new(DovecotVersions.V2_0, DovecotVersions.V2_4, "write `ssl_server_cert_file = /path` (a path, without `<`)"),
        ["ssl_key"] = new(DovecotVersions.V2_0, DovecotVersions.V2_4, "write `ssl_server_key_file = /path` (a path, without `<`)"),
        ["ssl_ca"] = new(DovecotVersions.V2_0, DovecotVersions.V2_4, "write `ssl_server_ca_file = /path` (and `ssl_client_ca_file` for outgoing connections)"),
        ["ssl_alt_cert"] = new(V2_2_31, DovecotVersions.V2_4, "write `ssl_server_alt_cert_file = /path`"),
        ["ssl_alt_key"] = new(V2_2_31, DovecotVersions.V2_4, "write `ssl_server_alt_key_file = /path`"),
        ["ssl_key_password"] = new(V1, DovecotVersions.V2_4, "write `ssl_server_key_password`"),
        ["ssl_dh"] = new(DovecotVersions.V2_3, DovecotVersions.V2_4, "write `ssl_server_dh_file = /path` (a path, without `<`)"),
        ["ssl_cert_username_field"] = new(V1_2, DovecotVersions.V2_4, "write `ssl_server_cert_username_field`"),
        ["ssl_require_crl"] = new(DovecotVersions.V2_0, DovecotVersions.V2_4, "write `ssl_server_require_crl`"),
        ["ssl_verify_client_cert"] = new(V1, DovecotVersions.V2_4, "write `ssl_server_request_client_cert`"),
        ["ssl_client_cert"] = new(V2_3_2, DovecotVersions.V2_4, "write `ssl_client_cert_file = /path`"),
        ["ssl_client_key"] = new(V2_3_2, DovecotVersions.V2_4, "write `ssl_client_key_file = /path`"),
        ["ssl_client_ca_dir"] = new(DovecotVersions.V2_3, null, null),
        ["ssl_client_ca_file"] = new(DovecotVersions.V2_3, null, null),
        ["ssl_client_require_valid_cert"] = new(DovecotVersions.V2_3, null, null),
        ["verbose_ssl"] = new(V1, DovecotVersions.V2_4, "write `log_debug = category=ssl`"),
        ["disable_plaintext_auth"] = new(V1, DovecotVersions.V2_4, "write `auth_allow_cleartext`, whose meaning is the inverse (`disable_plaintext_auth = yes` is `auth_allow_cleartext = no`)"),
        ["auth_allow_cleartext"] = new(DovecotVersions.V2_4, null, null),
        ["auth_mechanisms"] = new(V1, null, null),
        ["login_trusted_networks"] = new(DovecotVersions.V2_0, null, null),
        ["login_log_format_elements"] = new(DovecotVersions.V2_0, null, null),
        ["auth_ssl_require_client_cert"] = new(DovecotVersions.V2_0, null, null),
        ["auth_ssl_username_from_cert"] = new(DovecotVersions.V2_0, null, null),
        ["doveadm_ssl"] = new(DovecotVersions.V2_0, null, null),
        ["imapc_ssl"] = new(DovecotVersions.V2_0, null, null),
        ["imapc_ssl_verify"] = new(DovecotVersions.V2_0, null, null),
        ["pop3c_ssl"] = new(DovecotVersions.V2_0, null, null),
        ["pop3c_ssl_verify"] = new(DovecotVersions.V2_0, null, null),
        ["submission_relay_ssl"] = new(DovecotVersions.V2_3, null, null),
        ["submission_relay_ssl_verify"] = new(DovecotVersions.V2_3, null, null),
        ["submission_relay_trusted"] = new(DovecotVersions.V2_3, null, null),
        ["submission_ssl"] = new(DovecotVersions.V2_3, null, null),
        ["haproxy_trusted_networks"] = new(DovecotVersions.V2_2_7, null, null),
        ["ssl_server"] = new(DovecotVersions.V2_4, null, null),
        ["ssl_client"] = new(DovecotVersions.V2_4, null, null),
        ["ssl_server_cert_file"] = new(DovecotVersions.V2_4, null, null),
        ["ssl_server_key_file"] = new(DovecotVersions.V2_4, null, null),
        ["ssl_server_alt_cert_file"] = new(DovecotVersions.V2_4, null, null),
        ["ssl_server_alt_key_file"] = new(DovecotVersions.V2_4, null, null),
        ["ssl_server_key_password"] = new(DovecotVersions.V2_4, null, null),
        ["ssl_server_ca_file"] = new(DovecotVersions.V2_4, null, null),
        ["ssl_server_dh_file"] = new(DovecotVersions.V2_4, null, null),
        ["ssl_server_cert_username_field"] = new(DovecotVersions.V2_4, null, null),
        ["ssl_server_require_crl"] = new(DovecotVersions.V2_4, null, null),
        ["ssl_server_request_client_cert"] = new(DovecotVersions.V2_4, null, null),
        ["ssl_server_prefer_ciphers"] = new(DovecotVersions.V2_4, null, null),
        ["ssl_client_cert_file"] = new(DovecotVersions.V2_4, null, null),
        ["ssl_client_key_file"] = new(DovecotVersions.V2_4, null, null),
        ["ssl_client_key_password"] = new(DovecotVersions.V2_4, null, null),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenSet<string> TlsNames = new[]
    {
        "disable_plaintext_auth", "auth_allow_cleartext", "auth_mechanisms", "login_trusted_networks",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Whether a name concerns TLS, cleartext authentication or ciphers (only such names are judged).</summary>
    public static bool IsTlsRelevant(string name) =>
        TlsNames.Contains(name)
        || name.Contains("ssl", StringComparison.OrdinalIgnoreCase)
        || name.Contains("tls", StringComparison.OrdinalIgnoreCase)
        || name.Contains("cipher", StringComparison.OrdinalIgnoreCase);

    /// <summary>True when Dovecot <paramref name="version"/> accepts the name (old names it converts count as known).</summary>
    public static bool IsKnown(string name, ProductVersion version) =>
        Names.TryGetValue(name, out var e) && e.Since <= version && (e.Until is null || version < e.Until);

    /// <summary>The verdict on a TLS-relevant name as written in a settings scope.</summary>
    public static NameInfo Lookup(string name, string value, ProductVersion version)
    {
        var tls = IsTlsRelevant(name);
        if (!Names.TryGetValue(name, out var entry))
        {
            return tls ? new NameInfo(NameStatus.Unknown, tls, Suggest(name, version)) : NameInfo.Known(tls);
        }

        if (entry.Since > version)
        {
            return new NameInfo(NameStatus.TooNew, tls, Advice: $"it exists only in Dovecot {entry.Since} and later");
        }

        if (entry.Until is { } until && version >= until)
        {
            return new NameInfo(NameStatus.Obsolete, tls, Advice: Obsolete(name, value, entry, until, version));
        }

        return NameInfo.Known(tls);
    }

    private static string Obsolete(string name, string value, Entry entry, ProductVersion until, ProductVersion version)
    {
        if (name == "ssl_protocols" && !DovecotVersions.Is24(version))
        {
            return DovecotProtocols.MinimumFromList(value, out var failure) is { } min
                ? $"Dovecot {version} reads it as `ssl_min_protocol = {min}` and warns; write that instead"
                : $"Dovecot {version} cannot convert it ({failure}), logs an error and ignores it, so the default `ssl_min_protocol = {DovecotDefaults.For("ssl_min_protocol", version)}` applies; write `ssl_min_protocol = TLSv1.2`";
        }

        if (DovecotVersions.Is24(version) && name is "ssl_cert_file" or "ssl_key_file" or "ssl_ca_file" or "ssl_disable")
        {
            var successor = name == "ssl_disable" ? "`ssl = no` (or `ssl = yes`), the inverse" : $"`ssl_server_{name[4..]} = /path`";
            return $"Dovecot 2.4 rejects it as an unknown setting and does not start; write {successor}";
        }

        var behaviour = DovecotVersions.Is24(version)
            ? "Dovecot 2.4 rejects it as an unknown setting and does not start"
            : $"Dovecot {until} and later convert or ignore it with a warning";
        return $"{behaviour}; {entry.Advice}";
    }

    /// <summary>The closest name this release knows, for typos such as <c>ssl_prefer_server_cipher</c>.</summary>
    public static string? Suggest(string name, ProductVersion version) =>
        EditDistance.Nearest(name, Names.Keys.Where(candidate => IsKnown(candidate, version)));
}
