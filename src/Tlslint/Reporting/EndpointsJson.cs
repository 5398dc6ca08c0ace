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
    IReadOnlyList<string> IntentCiphers);

internal sealed record ProtocolLimitJson(string Version, string Reason);

internal sealed record SettingJson(string Value, string Origin, string Location, string Name, string Raw, string? DefaultFor);

internal sealed record CertificateJson(string Kind, SettingJson Certificate, SettingJson? Key);

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true)]
[JsonSerializable(typeof(EndpointsReport))]
internal sealed partial class EndpointsJsonContext : JsonSerializerContext;
