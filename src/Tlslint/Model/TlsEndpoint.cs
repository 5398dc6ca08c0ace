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

    /// <summary>
    /// Networks whose clients the endpoint treats as secure without TLS, so that its TLS requirement does not apply to
    /// them (Dovecot 2.3 <c>login_trusted_networks</c>); null when there are none or they do not bypass it.
    /// </summary>
    public Setting<string>? TlsExemptNetworks { get; init; }

    /// <summary>A private-key passphrase written into the configuration itself (not read from a file or the environment).</summary>
    public Setting<string>? PrivateKeyPassword { get; init; }

    /// <summary>Whether the protocol version and cipher of each TLS session are logged (Postfix <c>smtpd_tls_loglevel</c> ≥ 1, Dovecot <c>%k</c>).</summary>
    public Setting<bool>? TlsLogging { get; init; }

    /// <summary>
    /// What the endpoint really offers under the assumptions (cipher expansion, security level, effective protocols);
    /// computed from the fields above after loading, so every product gets it. Null on endpoints built by hand.
    /// </summary>
    public EffectiveTls? Effective { get; init; }

    /// <summary>
    /// Whether session ticket keys are rotated while the server runs (nginx 1.23.2+ with a shared cache); false when
    /// one key serves until restart (Apache, a static key file); null when the product does not say.
    /// </summary>
    public Setting<bool>? SessionTicketKeyRotation { get; init; }

    /// <summary>Whether OCSP stapling is enabled (<c>SSLUseStapling</c>, <c>ssl_stapling</c>).</summary>
    public Setting<bool>? OcspStapling { get; init; }

    /// <summary>
    /// What the product needs for stapling and the configuration lacks, as a phrase naming the setting (Apache
    /// <c>SSLStaplingCache</c>, nginx <c>resolver</c>); null when nothing is missing.
    /// </summary>
    public string? OcspStaplingMissing { get; init; }
    /// <summary>What the endpoint speaks inside TLS (HTTP, SMTP …), when the product tells; null when unknown.</summary>
    public ApplicationProtocol? Application { get; init; }

    /// <summary>
    /// True for a stand-in no client can reach: settings written where no TLS endpoint uses them yet (nginx <c>ssl_*</c>
    /// in <c>http {}</c> without a TLS server). Findings on it are notes about what a future endpoint would inherit;
    /// defaults are not judged on it.
    /// </summary>
    public bool Prospective { get; init; }

    /// <summary>
    /// Protocols written for this endpoint that the server does not apply (nginx before 1.29.2: a server that is not
    /// the default one of its listen socket negotiates the default server's <c>ssl_protocols</c>); null when none are ignored.
    /// </summary>
    public Setting<ProtocolSelection>? IgnoredProtocols { get; init; }

    /// <summary>
    /// TLS 1.3 suites written for this endpoint that the server does not apply (nginx before 1.29.2: OpenSSL picks the
    /// TLS 1.3 suite from the default server's list before SNI selects this server); null when none are ignored.
    /// </summary>
    public Setting<string>? IgnoredTls13Ciphers { get; init; }

    /// <summary>
    /// Groups (curves) written for this endpoint that the server does not apply (nginx before 1.29.2: the connection
    /// keeps the default server's list when SNI selects this server); null when none are ignored.
    /// </summary>
    public Setting<string>? IgnoredCurves { get; init; }

    /// <summary>Whether the endpoint refuses every TLS handshake it is chosen for (nginx <c>ssl_reject_handshake on</c>): it needs no certificate and serves nothing.</summary>
    public Setting<bool>? RejectsHandshakes { get; init; }

    /// <summary>Web: places below the endpoint (nginx <c>location</c> …) whose responses lack the <see cref="Hsts"/> header the endpoint otherwise sends.</summary>
    public IReadOnlyList<SourceLocation> HstsGaps { get; init; } = [];

    /// <summary>Every setting that shaped this endpoint, by name, for <c>tlslint endpoints</c> and for rules that need a product-specific value.</summary>
    public IReadOnlyDictionary<string, Setting<string>> Settings { get; init; } = new Dictionary<string, Setting<string>>();

    public override string ToString() => $"{Product.Id()} {Role.ToString().ToLowerInvariant()} {Name}";
}
