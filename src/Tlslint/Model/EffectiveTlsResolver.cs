using Tlslint.Analysis;
using Tlslint.Tls;
using Tlslint.Tls.OpenSsl;

namespace Tlslint.Model;

/// <summary>
/// Computes <see cref="TlsEndpoint.Effective"/> for every endpoint of a tree from the fields every product fills
/// (<see cref="TlsEndpoint.Ciphers"/>, <see cref="TlsEndpoint.Tls13Ciphers"/>, <see cref="TlsEndpoint.Protocols"/>),
/// the assumptions and the system <c>openssl.cnf</c>: one place for what OpenSSL does with what the product hands it.
/// </summary>
public static class EffectiveTlsResolver
{
    public static ConfigTree Attach(ConfigTree tree, Assumptions assumptions)
    {
        if (tree.Endpoints.Count == 0)
        {
            return tree;
        }

        var cache = new Dictionary<(string, string?, int?), (CipherListResult, CipherListResult)>();
        var endpoints = tree.Endpoints
            .Select(e => e with { Effective = Compute(e, assumptions, tree.OpenSslConfig, cache) })
            .ToList();
        return tree with { Endpoints = endpoints };
    }

    public static EffectiveTls Compute(TlsEndpoint endpoint, Assumptions assumptions, OpenSslSystemConfig? system) =>
        Compute(endpoint, assumptions, system, []);

    private static EffectiveTls Compute(TlsEndpoint endpoint, Assumptions assumptions, OpenSslSystemConfig? system,
        Dictionary<(string, string?, int?), (CipherListResult, CipherListResult)> cache)
    {
        var build = assumptions.Build;
        var selection = endpoint.Ciphers.Value;
        var tls13 = endpoint.Tls13Ciphers?.Value ?? system?.Ciphersuites?.Value;
        var (level, origin, reason) = LevelBeforeString(selection, assumptions, system);

        // Services of one tree mostly share a string: evaluate each distinct one once.
        var key = (selection.CipherString, tls13, level);
        if (!cache.TryGetValue(key, out var pair))
        {
            pair = (CipherString.Evaluate(selection.CipherString, build, tls13, level),
                CipherString.Evaluate(selection.CipherString, OpenSslBuild.Full, tls13, level));
            cache[key] = pair;
        }

        var (ciphers, intent) = pair;
        var (baseLevel, baseReason) = (level, reason);
        if (ciphers.SecurityLevelOffset is not null)
        {
            (origin, reason) = (SecurityLevelOrigin.CipherString, $"`@SECLEVEL={ciphers.SecurityLevel}` in the cipher string sets it");
        }

        var rejection = selection.Rejection ?? Rejection(ciphers);
        var negotiable = rejection is null ? ciphers.Supported() : [];
        var configured = endpoint.Protocols.Value.IsValid ? endpoint.Protocols.Value.Enabled : TlsVersionSet.Empty;
        var limits = Limits(configured, system, rejection, ciphers.SecurityLevel, negotiable, build);
        var effective = limits.Aggregate(configured, (set, l) => set.Without(l.Version));
        return new EffectiveTls
        {
            Build = build,
            Ciphers = ciphers,
            Intent = intent,
            Tls13List = tls13,
            SecurityLevel = ciphers.SecurityLevel,
            BaseSecurityLevel = baseLevel,
            BaseSecurityLevelReason = baseReason,
            SecurityLevelOrigin = origin,
            SecurityLevelReason = reason,
            Negotiable = negotiable,
            ConfiguredProtocols = configured,
            Protocols = effective,
            Limits = limits,
            Rejection = rejection,
        };
    }

    /// <summary>The level a context has when the product applies its string: its own, else the system configuration's, else the library's.</summary>
    private static (int Level, SecurityLevelOrigin Origin, string Reason) LevelBeforeString(CipherSelection selection,
        Assumptions assumptions, OpenSslSystemConfig? system)
    {
        if (selection.ContextSecurityLevel is { } own)
        {
            return (own, SecurityLevelOrigin.Product, selection.ContextSecurityLevelReason ?? $"the server sets level {own}");
        }

        if (system?.CipherString is { } systemString
            && CipherString.Evaluate(systemString.Value, assumptions.Build) is { SecurityLevelOffset: not null } s)
        {
            return (s.SecurityLevel, SecurityLevelOrigin.SystemConfig,
                $"`CipherString = {systemString.Value}` in {systemString.Location} sets it");
        }

        return (assumptions.SecurityLevel, SecurityLevelOrigin.LibraryDefault,
            $"the default of the assumed OpenSSL build ({assumptions.Build.Name})");
    }

    private static string? Rejection(CipherListResult r)
    {
        if (r.Error != CipherListError.None)
        {
            var why = r.Error == CipherListError.NoCipherMatch ? "no cipher match" : "invalid command";
            return $"OpenSSL rejects the cipher string `{r.CipherString}` ({why})";
        }

        return r.Tls13Error != CipherListError.None ? $"OpenSSL rejects the TLS 1.3 list `{r.Tls13String}` (no cipher match)" : null;
    }

    private static List<ProtocolLimit> Limits(TlsVersionSet configured, OpenSslSystemConfig? system, string? rejection,
        int level, IReadOnlyList<CipherSuite> negotiable, OpenSslBuild build)
    {
        var min = ParseVersion(system?.MinProtocol);
        var max = ParseVersion(system?.MaxProtocol);
        var limits = new List<ProtocolLimit>();
        foreach (var v in configured.Versions)
        {
            var reason = v switch
            {
                TlsVersion.SslV2 => "OpenSSL 1.1 and later have no SSLv2",
                TlsVersion.SslV3 => $"OpenSSL 3.0 as {build.Name} builds it has no SSLv3 (no-ssl3)",
                _ when min is { } m && v < m => $"`MinProtocol = {system!.MinProtocol!.Value}` in {system.MinProtocol.Location} refuses it",
                _ when max is { } m && v > m => $"`MaxProtocol = {system!.MaxProtocol!.Value}` in {system.MaxProtocol.Location} refuses it",
                _ when rejection is not null => rejection,
                _ when !SecurityLevels.AllowsVersion(v, level) =>
                    $"OpenSSL 3.0 at security level {level} refuses {v.Name()} handshakes (their SHA-1/MD5 signatures are below level 1)",
                TlsVersion.TlsV1_3 when !negotiable.Any(s => s.IsTls13) => "no TLS 1.3 suite is left to negotiate",
                _ when v != TlsVersion.TlsV1_3 && !negotiable.Any(s => Covers(s, v)) => $"no suite of the cipher list can be used with {v.Name()}",
                _ => null,
            };
            if (reason is not null)
            {
                limits.Add(new ProtocolLimit(v, reason));
            }
        }

        return limits;
    }

    private static bool Covers(CipherSuite s, TlsVersion v)
    {
        var n = ProtocolNumbers.FromVersion(v);
        return !s.IsTls13 && s.MinTls <= n && s.MaxTls >= n;
    }

    private static TlsVersion? ParseVersion(Model.Setting<string>? setting) =>
        setting is not null && TlsVersionExtensions.TryParseName(setting.Value.Trim(), out var v) ? v : null;
}
