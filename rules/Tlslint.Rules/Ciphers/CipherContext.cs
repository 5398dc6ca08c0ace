using Tlslint.Analysis;
using Tlslint.Model;
using Tlslint.Model.Postfix;
using Tlslint.Tls;
using Tlslint.Tls.OpenSsl;

namespace Tlslint.Rules.Ciphers;

/// <summary>What the cipher rules share: the context rules of the catalog and product-specific advice.</summary>
internal static class CipherContext
{
    /// <summary>TLS 1.2-and-older lists do not matter on an endpoint that only enables TLS 1.3.</summary>
    public static bool IsTls13Only(TlsEndpoint endpoint) =>
        endpoint.Protocols.Value.IsValid && endpoint.Protocols.Value.Enabled == TlsVersionSet.Of(TlsVersion.TlsV1_3);

    /// <summary>Opportunistic mail transport: a port 25 server or a client that falls back to plaintext.</summary>
    public static bool IsOpportunisticMail(TlsEndpoint endpoint) =>
        endpoint.Mode.Value == TlsMode.StartTlsOptional
        && (endpoint.Role == EndpointRole.Client ? endpoint.Product == Product.Postfix : endpoint.Ports.Contains(25));

    /// <summary>One level lower (weak ciphers on opportunistic mail beat plaintext), never silent.</summary>
    public static Level Lower(Level level) => level == Level.Error ? Level.Warning : Level.Note;

    /// <summary>
    /// Suites a server here can negotiate at some level: not PSK or SRP (no product sets their callbacks) and not GOST
    /// (no product loads a GOST engine).
    /// </summary>
    public static bool IsUsable(CipherSuite s) =>
        (s.Weaknesses & (CipherWeakness.Psk | CipherWeakness.Srp)) == 0 && (s.KeyExchange & (KeyExchange.Gost | KeyExchange.Gost18)) == 0;

    /// <summary>How to remove a class: the Postfix exclusion list that applies, or the cipher string itself.</summary>
    public static string Advice(TlsEndpoint endpoint, params IReadOnlyList<string> tokens)
    {
        if (endpoint.Product != Product.Postfix)
        {
            return $"append `{string.Concat(tokens.Select(t => ":!" + t))}` to the cipher string";
        }

        var prefix = PostfixCipherGrades.Prefix(endpoint);
        var list = endpoint.Mode.Value.RequiresTls() ? $"{prefix}_tls_mandatory_exclude_ciphers" : $"{prefix}_tls_exclude_ciphers";
        return $"add `{string.Join(" ", tokens)}` to `{list}`";
    }

    /// <summary>"`A`, `B` and 3 more" for messages.</summary>
    public static string Names(IReadOnlyCollection<CipherSuite> suites, int shown = 2)
    {
        var first = string.Join(", ", suites.Take(shown).Select(s => $"`{s.Name}`"));
        return suites.Count > shown ? $"{first} and {suites.Count - shown} more" : first;
    }

    /// <summary>
    /// What the assumed build does with suites a configuration asks for: negotiates some, refuses them at its security
    /// level, or does not have them at all.
    /// </summary>
    public static string Availability(EffectiveTls eff, Func<CipherSuite, bool> weak)
    {
        if (eff.NotModelled is not null)
        {
            return "whether the assumed OpenSSL negotiates them is not checked (tlslint models OpenSSL 3.0 only)";
        }

        var negotiable = eff.Negotiable.Count(weak);
        if (negotiable > 0)
        {
            return $"OpenSSL {eff.Build.Name} negotiates {negotiable} of them at security level {eff.SecurityLevel} ({eff.SecurityLevelReason})";
        }

        // Allowed at the level, but not with this server's certificates or DH parameters: still what the string asks for.
        if (eff.AllowedAtLevel.Any(weak) && eff.Dropped.FirstOrDefault(f => f.Removed.Any(weak)) is { } filter)
        {
            return $"OpenSSL {eff.Build.Name} allows them at security level {eff.SecurityLevel}, but this server cannot negotiate them today ({filter.Reason})";
        }

        return eff.Ciphers.All.Any(weak)
            ? $"OpenSSL {eff.Build.Name} refuses them at security level {eff.SecurityLevel}, but only while nothing lowers the level"
            : $"the assumed OpenSSL ({eff.Build.Name}) has no such suites, but builds with weak ciphers enabled offer them";
    }

    /// <summary>
    /// The setting to edit for the text at <paramref name="offset"/> of the cipher string (Postfix: the grade list or
    /// an exclusion list), or null when the whole string is the endpoint's cipher setting.
    /// </summary>
    public static Setting<string>? SettingAt(TlsEndpoint endpoint, int offset) =>
        endpoint.Ciphers.Value.SettingAt(offset) is { } name && endpoint.Settings.TryGetValue(name, out var setting) ? setting : null;
}
