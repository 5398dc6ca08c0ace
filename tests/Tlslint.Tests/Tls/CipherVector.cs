using System.Text.Json;
using Tlslint.Tls.OpenSsl;

namespace Tlslint.Tests.Tls;

/// <summary>One line of the oracle files: a cipher string and what <c>openssl ciphers -v</c> / <c>-s</c> printed.</summary>
internal sealed record CipherVector(int Id, [property: System.Text.Json.Serialization.JsonPropertyName("cipherstring")] string Text, bool Ok, string? Error, List<string> Tls13, List<string> Ciphers, List<string>? Supported)
{
    private static readonly JsonSerializerOptions Options = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    /// <summary>Reads a vectors file, skipping the metadata line.</summary>
    public static List<CipherVector> Read(string path) =>
        File.ReadLines(path)
            .Where(l => l.Trim().Length > 0 && !l.Contains("\"meta\": true", StringComparison.Ordinal))
            .Select(l => JsonSerializer.Deserialize<CipherVector>(l, Options)!)
            .ToList();

    /// <summary>Differences between the engine's answer and the recorded one; empty when they agree exactly.</summary>
    public IEnumerable<string> Differences(OpenSslBuild build)
    {
        var r = Tlslint.Tls.OpenSsl.CipherString.Evaluate(Text, build);
        var error = r.Error switch
        {
            CipherListError.None => null,
            CipherListError.NoCipherMatch => "no cipher match",
            _ => "invalid command",
        };
        if (r.Ok != Ok || error != Error)
        {
            yield return $"ok/error: expected {Ok}/{Error}, got {r.Ok}/{error}";
            yield break;
        }

        var tls13 = r.Tls13.Select(s => s.Name).ToList();
        if (!tls13.SequenceEqual(Tls13))
        {
            yield return $"tls13: expected {string.Join(":", Tls13)}, got {string.Join(":", tls13)}";
        }

        var ciphers = r.Ciphers.Select(s => s.Name).ToList();
        if (!ciphers.SequenceEqual(Ciphers))
        {
            yield return $"ciphers: expected {string.Join(":", Ciphers)}\n      got {string.Join(":", ciphers)}";
        }

        if (Supported is not null)
        {
            var supported = r.Supported().Select(s => s.Name).ToList();
            if (!supported.SequenceEqual(Supported))
            {
                yield return $"supported (level {r.SecurityLevel}): expected {string.Join(":", Supported)}\n      got {string.Join(":", supported)}";
            }
        }
    }

    public override string ToString() => $"#{Id} `{Text}`";
}
