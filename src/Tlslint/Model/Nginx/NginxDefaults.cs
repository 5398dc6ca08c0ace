namespace Tlslint.Model.Nginx;

/// <summary>
/// Built-in values of the TLS directives by nginx release (formats.md §5.5; nginx CHANGES, ngx_event_openssl.h
/// <c>NGX_SSL_DEFAULT_PROTOCOLS</c>, <c>NGX_DEFAULT_CIPHERS</c>). The upstream sides (<c>proxy_ssl_protocols</c> …)
/// follow the same protocol history; their cipher default is OpenSSL's <c>DEFAULT</c>.
/// </summary>
public static class NginxDefaults
{
    private static readonly ProductVersion Tls13ByDefault = new(1, 23, 4);
    private static readonly ProductVersion Tls12Floor = new(1, 27, 3);
    private static readonly ProductVersion NoSslV3 = new(1, 9, 1);
    private static readonly ProductVersion Tls11And12 = new(1, 1, 13);

    /// <summary>The default protocol list of <c>ssl_protocols</c> and the upstream <c>*_ssl_protocols</c>.</summary>
    public static string Protocols(ProductVersion version) =>
        version >= Tls12Floor ? "TLSv1.2 TLSv1.3"
        : version >= Tls13ByDefault ? "TLSv1 TLSv1.1 TLSv1.2 TLSv1.3"
        : version >= NoSslV3 ? "TLSv1 TLSv1.1 TLSv1.2"
        : version >= Tls11And12 ? "SSLv3 TLSv1 TLSv1.1 TLSv1.2"
        : "SSLv3 TLSv1";

    /// <summary>The built-in value of a directive as nginx would write it, or the empty string when it has none.</summary>
    public static string For(string name, ProductVersion version)
    {
        if (name.EndsWith("ssl_protocols", StringComparison.Ordinal))
        {
            return Protocols(version);
        }

        if (name is "proxy_ssl_ciphers" or "grpc_ssl_ciphers" or "uwsgi_ssl_ciphers")
        {
            return "DEFAULT";
        }

        return name switch
        {
            "ssl_ciphers" => version >= new ProductVersion(1, 0, 5) ? "HIGH:!aNULL:!MD5" : "HIGH:!ADH:!MD5",
            "ssl_ecdh_curve" => version >= new ProductVersion(1, 11, 0) ? "auto" : "prime256v1",
            "ssl_session_tickets" or "proxy_ssl_session_reuse" or "grpc_ssl_session_reuse" or "uwsgi_ssl_session_reuse" => "on",
            "ssl" or "ssl_prefer_server_ciphers" or "ssl_early_data" or "ssl_reject_handshake" or "ssl_stapling"
                or "ssl_stapling_verify" or "proxy_ssl" or "proxy_ssl_verify" or "grpc_ssl_verify" or "uwsgi_ssl_verify"
                or "proxy_ssl_server_name" or "grpc_ssl_server_name" or "uwsgi_ssl_server_name" or "ssl_verify_client"
                or "starttls" => "off",
            "ssl_session_cache" => "none",
            "ssl_session_timeout" => "5m",
            "imap_auth" or "pop3_auth" => "plain",
            "smtp_auth" => "login plain",
            "add_header_inherit" => "on",
            _ => string.Empty,
        };
    }
}
