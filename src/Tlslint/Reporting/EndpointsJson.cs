using System.Text.Json.Serialization;

namespace Tlslint.Reporting;

// The `tlslint endpoints --format json` contract (schemaVersion 1): add fields, never rename or remove them.

internal sealed record EndpointsReport(
    int SchemaVersion,
    JsonTool Tool,
    IReadOnlyDictionary<string, JsonAssumption> Assumptions,
    IReadOnlyList<EndpointJson> Endpoints,
    IReadOnlyList<JsonError> Errors);

internal sealed record EndpointJson(
    string Product,
    string Role,
    string Name,
    IReadOnlyList<int> Ports,
    string? Address,
    string Location,
    SettingJson Mode,
    SettingJson Protocols,
    IReadOnlyList<string> EnabledProtocols,
    SettingJson Ciphers,
    SettingJson ServerCipherPreference,
    IReadOnlyList<CertificateJson> Certificates,
    SettingJson? AuthEnabled,
    SettingJson? AuthBeforeTls,
    IReadOnlyDictionary<string, SettingJson> Settings)
{
    /// <summary>What OpenSSL makes of the configuration under the assumptions (null when not computed).</summary>
    public EffectiveJson? Effective { get; init; }
}

/// <summary>Configured versus effective protocols and suites; lists in preference order.</summary>
internal sealed record EffectiveJson(
    string Build,
    int SecurityLevel,
    string SecurityLevelOrigin,
    string SecurityLevelReason,
    IReadOnlyList<string> ConfiguredProtocols,
    IReadOnlyList<string> Protocols,
    IReadOnlyList<ProtocolLimitJson> Limits,
    string? Rejection,
    string? Tls13List,
    IReadOnlyList<string> Tls13Suites,
    IReadOnlyList<string> ConfiguredCiphers,
    IReadOnlyList<string> NegotiableSuites,
    IReadOnlyList<string> IntentCiphers)
{
    /// <summary>Suites the security level allows, before the server's certificates and DH parameters are considered.</summary>
    public IReadOnlyList<string> AllowedAtLevel { get; init; } = [];

    /// <summary>The key of each certificate the server serves (empty for a client).</summary>
    public IReadOnlyList<ServedKeyJson> CertificateKeys { get; init; } = [];

    /// <summary>Why suites were not filtered by key type; null when they were.</summary>
    public string? KeyTypesUnknown { get; init; }

    /// <summary>Whether the server can do DHE, when the product says (null: not known, DHE suites left in).</summary>
    public bool? DheAvailable { get; init; }

    public string? DheReason { get; init; }

    /// <summary>Suites allowed at the level that the endpoint cannot negotiate, by reason.</summary>
    public IReadOnlyList<DroppedSuitesJson> DroppedSuites { get; init; } = [];

    /// <summary>System openssl.cnf commands the product replaces.</summary>
    public IReadOnlyList<IgnoredSystemSettingJson> IgnoredSystemSettings { get; init; } = [];

    /// <summary>Why the endpoint serves no TLS although OpenSSL accepts its strings (a key or DH group below the level).</summary>
    public string? Failure { get; init; }

    /// <summary>True when the server does not start (this endpoint's or another's key or DH group), so nothing is served.</summary>
    public bool StopsServer { get; init; }

    /// <summary>Set when the assumed OpenSSL is not the 3.0 the engine models: the lists are OpenSSL 3.0's.</summary>
    public string? NotModelled { get; init; }
}

internal sealed record ServedKeyJson(string Kind, string File, string Setting, string? KeyType, string? Algorithm, int? Bits, string? Problem);

internal sealed record DroppedSuitesJson(string Reason, IReadOnlyList<string> Suites);

internal sealed record IgnoredSystemSettingJson(string Command, string Location, string Reason);

internal sealed record ProtocolLimitJson(string Version, string Reason);

internal sealed record SettingJson(string Value, string Origin, string Location, string Name, string Raw, string? DefaultFor);

internal sealed record CertificateJson(string Kind, SettingJson Certificate, SettingJson? Key);

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true)]
[JsonSerializable(typeof(EndpointsReport))]
internal sealed partial class EndpointsJsonContext : JsonSerializerContext;
