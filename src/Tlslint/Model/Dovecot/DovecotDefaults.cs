namespace Tlslint.Model.Dovecot;

/// <summary>
/// Built-in defaults of the Dovecot settings tlslint models, by release: the default structs of
/// master-service-ssl-settings.c (2.2, 2.3) and ssl-settings.c (2.4) as tabulated in formats.md §3.7, checked against
/// <c>doveconf -a</c> of 2.3.19.1.
/// </summary>
public static class DovecotDefaults
{
    /// <summary>2.3 and 2.4 (server side): every non-forward-secret, anonymous, null, export and weak suite excluded.</summary>
    public const string CipherList23 = "ALL:!kRSA:!SRP:!kDHd:!DSS:!aNULL:!eNULL:!EXPORT:!DES:!3DES:!MD5:!PSK:!RC4:!ADH:!LOW@STRENGTH";

    public const string CipherList22 = "ALL:!LOW:!SSLv2:!EXP:!aNULL";

    /// <param name="name">The setting as that release names it.</param>
    /// <param name="version">The Dovecot release.</param>
    /// <param name="debianProtocols">
    /// True when the tree is Debian's (it includes <c>/usr/share/dovecot/protocols.d</c>): Debian builds Dovecot with an
    /// empty <c>protocols</c> default and lets each installed protocol package add itself.
    /// </param>
    /// <returns>The default, or null when tlslint does not know the setting.</returns>
    public static string? For(string name, ProductVersion version, bool debianProtocols = false) => name switch
    {
        "ssl" => "yes",
        "ssl_disable" => "no",
        "ssl_min_protocol" => version >= DovecotVersions.V2_3_15 ? "TLSv1.2" : "TLSv1",
        "ssl_protocols" => version >= DovecotVersions.V2_2_27 ? "!SSLv2 !SSLv3" : "!SSLv2",
        "ssl_cipher_list" => version >= DovecotVersions.V2_3 ? CipherList23
            : version >= DovecotVersions.V2_0 ? CipherList22
            : "ALL:!LOW:!SSLv2",
        "ssl_prefer_server_ciphers" => "no",
        "ssl_server_prefer_ciphers" => "client",
        "ssl_dh_parameters_length" => "1024",
        "disable_plaintext_auth" => "yes",
        "auth_allow_cleartext" => "no",
        "auth_mechanisms" => "plain",
        "login_log_format_elements" => DovecotVersions.Is24(version)
            ? "user=<%{user}> method=%{mechanism} rip=%{remote_ip} lip=%{local_ip} mpid=%{mail_pid} %{secured} session=<%{session}>"
            : "user=<%u> method=%m rip=%r lip=%l mpid=%e %c session=<%{session}>",
        "ssl_client_require_valid_cert" => "yes",
        "ssl_verify_client_cert" or "ssl_server_request_client_cert" or "verbose_ssl" => "no",
        "protocols" => DovecotVersions.Is24(version) || debianProtocols ? string.Empty : "imap pop3 lmtp",
        "listen" => "*, ::",
        "ssl_cert" or "ssl_key" or "ssl_ca" or "ssl_alt_cert" or "ssl_alt_key" or "ssl_key_password" or "ssl_dh"
            or "ssl_server_cert_file" or "ssl_server_key_file" or "ssl_server_ca_file" or "ssl_server_alt_cert_file"
            or "ssl_server_alt_key_file" or "ssl_server_key_password" or "ssl_server_dh_file" or "ssl_cipher_suites"
            or "ssl_curve_list" or "ssl_options" or "login_trusted_networks" or "ssl_cert_file" or "ssl_key_file"
            or "ssl_client_ca_file" or "ssl_client_ca_dir" => string.Empty,
        _ => null,
    };
}
