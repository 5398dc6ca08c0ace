using Tlslint.Text;
using Tlslint.Tls;

namespace Tlslint.Model;

/// <summary>
/// One place where TLS is served or used: a Postfix smtpd service, a Dovecot listener, an Apache vhost, an nginx
/// server block, or a client side (Postfix smtp/lmtp, proxies). Every value knows where it came from.
/// </summary>
public sealed record TlsEndpoint
{
    public required string Name { get; init; }

    public required Product Product { get; init; }

    public required EndpointRole Role { get; init; }

    /// <summary>TCP ports; empty for a client endpoint or a local (unix socket) service.</summary>
    public required IReadOnlyList<int> Ports { get; init; }

    /// <summary>Listen address as written (<c>127.0.0.1</c>, <c>[::1]</c>), or null for all addresses.</summary>
    public string? Address { get; init; }

    /// <summary>The line that defines the endpoint (master.cf service line, vhost header …).</summary>
    public required SourceLocation Anchor { get; init; }

    public required Setting<TlsMode> Mode { get; init; }

    /// <summary>The protocol versions configured for this endpoint (for Postfix, the list that applies to its mode).</summary>
    public required Setting<ProtocolSelection> Protocols { get; init; }

    public required Setting<CipherSelection> Ciphers { get; init; }

    /// <summary>True when the server enforces its own cipher order.</summary>
    public required Setting<bool> ServerCipherPreference { get; init; }

    /// <summary>Certificates (with keys) the endpoint serves or presents; paths as configured, unmapped (the file checks resolve them).</summary>
    public IReadOnlyList<CertificateReference> Certificates { get; init; } = [];

    /// <summary>
    /// Files of CA certificates the endpoint trusts to verify peers (Postfix <c>smtpd_tls_CAfile</c>, nginx
    /// <c>ssl_trusted_certificate</c>, Apache <c>SSLCACertificateFile</c>, Dovecot <c>ssl_ca</c>); paths as configured.
    /// </summary>
    public IReadOnlyList<Setting<string>> CaFiles { get; init; } = [];

    /// <summary>
    /// Server: TLS is offered on purpose without any certificate, so only anonymous suites can be negotiated (Postfix
    /// <c>smtpd_tls_cert_file = none</c>); null when the configuration says nothing of the kind.
    /// </summary>
    public Setting<string>? AnonymousOnly { get; init; }

    /// <summary>Whether the endpoint offers or uses authentication (SASL AUTH, login).</summary>
    public Setting<bool>? AuthEnabled { get; init; }

    /// <summary>Whether authentication is allowed before TLS is up (cleartext passwords).</summary>
    public Setting<bool>? AuthBeforeTls { get; init; }

    /// <summary>Client side: where it connects to (Postfix <c>relayhost</c>), when that is fixed.</summary>
    public Setting<string>? Upstream { get; init; }

    public Setting<bool>? Compression { get; init; }

    public Setting<bool>? SessionTickets { get; init; }

    /// <summary>
    /// DH parameter file, when one is configured (path as configured, unmapped). For Apache it may be the certificate
    /// file itself, where mod_ssl looks for appended parameters: TLS210 then checks them, and their absence is fine.
    /// </summary>
    public Setting<string>? DhParameters { get; init; }

    /// <summary>DH size asked for without a file (Dovecot 2.2 <c>ssl_dh_parameters_length</c>).</summary>
    public Setting<int>? DhParameterLength { get; init; }

    /// <summary>TLS 1.3 suites handed to the library (OpenSSL <c>Ciphersuites</c>), when the configuration sets them.</summary>
    public Setting<string>? Tls13Ciphers { get; init; }

    /// <summary>ECDH groups / curves list as configured (<c>ssl_ecdh_curve</c>, <c>SSLOpenSSLConfCmd Groups</c> …).</summary>
    public Setting<string>? Curves { get; init; }

    /// <summary>Web: the Strict-Transport-Security header the endpoint sends; null when it sends none.</summary>
    public Setting<HstsHeader>? Hsts { get; init; }

    /// <summary>Whether insecure (pre-RFC 5746) renegotiation is allowed.</summary>
    public Setting<bool>? InsecureRenegotiation { get; init; }

    /// <summary>Whether TLS 1.3 early data (0-RTT) is accepted.</summary>
    public Setting<bool>? EarlyData { get; init; }

    /// <summary>Client side: whether the peer's certificate chain is verified.</summary>
    public Setting<bool>? VerifyPeer { get; init; }

    /// <summary>Client side: whether the peer's name is checked against its certificate.</summary>
    public Setting<bool>? VerifyPeerName { get; init; }

    /// <summary>Every setting that shaped this endpoint, by name, for <c>tlslint endpoints</c> and for rules that need a product-specific value.</summary>
    public IReadOnlyDictionary<string, Setting<string>> Settings { get; init; } = new Dictionary<string, Setting<string>>();

    public override string ToString() => $"{Product.Id()} {Role.ToString().ToLowerInvariant()} {Name}";
}
