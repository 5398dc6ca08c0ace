using System.Text.Json.Serialization;

namespace Tlslint.Reporting;

// `tlslint ciphers --format json` (schemaVersion 1) and `--stdin` lines (the fields of the shared oracle vectors).
// Add fields, never rename or remove them.

internal sealed record CipherReportJson(
    int SchemaVersion,
    string Cipherstring,
    string? Tls13Suites,
    string Build,
    bool Ok,
    string? Error,
    int SecurityLevel,
    string SecurityLevelSource,
    IReadOnlyList<string> Tls13,
    IReadOnlyList<string> Ciphers,
    IReadOnlyList<string> Supported,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Weak,
    IReadOnlyList<string> OnlyOnFullBuild,
    IReadOnlyList<CipherDiagnosticJson> Diagnostics);

internal sealed record CipherDiagnosticJson(string Kind, int Offset, string Text, string Message, string? Suggestion);

internal sealed record CipherVectorJson(
    int Id,
    string Cipherstring,
    bool Ok,
    string? Error,
    IReadOnlyList<string> Tls13,
    IReadOnlyList<string> Ciphers,
    IReadOnlyList<string> Supported);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(CipherReportJson))]
internal sealed partial class CipherReportJsonContext : JsonSerializerContext;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = false)]
[JsonSerializable(typeof(CipherVectorJson))]
internal sealed partial class CipherVectorJsonContext : JsonSerializerContext;
