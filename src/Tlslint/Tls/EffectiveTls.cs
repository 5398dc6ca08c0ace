using Tlslint.Tls.OpenSsl;

namespace Tlslint.Tls;

/// <summary>
/// What an endpoint really offers under the assumptions: the configured cipher string expanded by the OpenSSL engine
/// (on the assumed build and on a build with every suite, the intent), the security level in force and who set it,
/// the suites a handshake can use, and the protocol versions left once the build and the level have had their say.
/// </summary>
public sealed record EffectiveTls
{
    /// <summary>The OpenSSL build assumed.</summary>
    public required OpenSslBuild Build { get; init; }

    /// <summary>The expansion on the assumed build, in preference order (TLS 1.3 part and TLS 1.2-and-older part).</summary>
    public required CipherListResult Ciphers { get; init; }

    /// <summary>The expansion on a build with every suite of the 3.0 table: what the configuration asks for.</summary>
    public required CipherListResult Intent { get; init; }

    /// <summary>The TLS 1.3 list handed to OpenSSL (the endpoint's, or the system configuration's); null for the library default.</summary>
    public string? Tls13List { get; init; }

    public required int SecurityLevel { get; init; }

    /// <summary>The level before the cipher string is applied (the product's, the system configuration's or the library's).</summary>
    public required int BaseSecurityLevel { get; init; }

    /// <summary>Who set <see cref="BaseSecurityLevel"/>, for messages.</summary>
    public required string BaseSecurityLevelReason { get; init; }

    public required SecurityLevelOrigin SecurityLevelOrigin { get; init; }

    /// <summary>Who set the level, for messages ("Postfix sets level 0 on its TLS contexts").</summary>
    public required string SecurityLevelReason { get; init; }

    /// <summary>
    /// Suites a handshake can use, in preference order: allowed at the level, no PSK/SRP, and (on a server) usable with
    /// the key types of the certificates it serves and its DH parameters; empty when TLS cannot be set up.
    /// </summary>
    public required IReadOnlyList<CipherSuite> Negotiable { get; init; }

    /// <summary>Suites allowed at the level (no PSK/SRP), before the endpoint's certificates and DH parameters are considered.</summary>
    public IReadOnlyList<CipherSuite> AllowedAtLevel { get; init; } = [];

    /// <summary>The key of each certificate the server serves, in configuration order (empty for a client or when none is configured).</summary>
    public IReadOnlyList<ServedKey> ServedKeys { get; init; } = [];

    /// <summary>
    /// Why suites were not filtered by certificate key type (a certificate that cannot be read, none configured …);
    /// null when they were, or on a client.
    /// </summary>
    public string? KeyTypesUnknown { get; init; }

    /// <summary>Suites allowed at the level that the endpoint still cannot negotiate, grouped by reason.</summary>
    public IReadOnlyList<SuiteFilter> Dropped { get; init; } = [];

    /// <summary>System <c>openssl.cnf</c> commands the product replaces, so that they do not apply here.</summary>
    public IReadOnlyList<IgnoredSystemSetting> IgnoredSystemSettings { get; init; } = [];

    /// <summary>
    /// Set when the assumed OpenSSL is not the one the engine models (3.0): the lists and limits are then what OpenSSL
    /// 3.0 would do, not what the assumed library does; says so in words.
    /// </summary>
    public string? NotModelled { get; init; }

    /// <summary>The versions the configuration enables.</summary>
    public required TlsVersionSet ConfiguredProtocols { get; init; }

    /// <summary>The versions a handshake can really use.</summary>
    public required TlsVersionSet Protocols { get; init; }

    /// <summary>For each configured version that is not effective, why.</summary>
    public required IReadOnlyList<ProtocolLimit> Limits { get; init; }

    /// <summary>Why TLS cannot be set up at all (a string OpenSSL or the product rejects); null when it can.</summary>
    public string? Rejection { get; init; }

    /// <summary>
    /// Why the endpoint serves no TLS although OpenSSL accepts its strings (a certificate key or DH group below the
    /// security level that makes the server stop or its TLS context fail); null when nothing of the kind is known.
    /// </summary>
    public string? Failure { get; init; }

    /// <summary>True when the server does not start (because of this endpoint or another one of its configuration), so this endpoint serves nothing.</summary>
    public bool StopsServer { get; init; }
}
