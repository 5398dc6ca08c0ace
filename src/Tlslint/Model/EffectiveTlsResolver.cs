using Tlslint.Analysis;
using Tlslint.Files;
using Tlslint.Tls;
using Tlslint.Tls.OpenSsl;

namespace Tlslint.Model;

/// <summary>
/// Computes <see cref="TlsEndpoint.Effective"/> for every endpoint of a tree from the fields every product fills
/// (<see cref="TlsEndpoint.Ciphers"/>, <see cref="TlsEndpoint.Tls13Ciphers"/>, <see cref="TlsEndpoint.Protocols"/>,
/// the certificates, <see cref="TlsEndpoint.Dhe"/>, <see cref="TlsEndpoint.OwnProtocolBounds"/>), the assumptions and the
/// system <c>openssl.cnf</c>: one place for what OpenSSL does with what the product hands it.
/// </summary>
public static class EffectiveTlsResolver
{
    /// <param name="tree">The loaded tree.</param>
    /// <param name="assumptions">Versions and OpenSSL build assumed.</param>
    /// <param name="files">
    /// The run's file store: certificates are read through it (once per path for the whole run) to learn the key types a
    /// server serves. Without it suites are not filtered by key type.
    /// </param>
    public static ConfigTree Attach(ConfigTree tree, Assumptions assumptions, TlsFileStore? files = null)
    {
        if (tree.Endpoints.Count == 0)
        {
            return tree;
        }

        var cache = new Dictionary<(string, string?, int?), (CipherListResult, CipherListResult)>();
        var endpoints = tree.Endpoints
            .Select(e => e with { Effective = Compute(e, assumptions, tree.OpenSslConfig, cache, tree, files) })
            .ToList();

        // A server that does not start serves none of its endpoints.
        if (endpoints.FirstOrDefault(e => e.Effective is { StopsServer: true }) is { } stopper)
        {
            var why = $"{stopper.Effective!.Failure} (in {stopper.Name})";
            endpoints = endpoints
                .Select(e => e.Effective is { StopsServer: true } or null ? e : e with { Effective = Failed(e.Effective, why, stops: true) })
                .ToList();
        }

        return tree with { Endpoints = endpoints };
    }

    /// <summary>The effective surface of one endpoint; certificates are read only when <paramref name="tree"/> and <paramref name="files"/> are given.</summary>
    public static EffectiveTls Compute(TlsEndpoint endpoint, Assumptions assumptions, OpenSslSystemConfig? system,
        ConfigTree? tree = null, TlsFileStore? files = null) =>
        Compute(endpoint, assumptions, system, [], tree, files);

    private static EffectiveTls Compute(TlsEndpoint endpoint, Assumptions assumptions, OpenSslSystemConfig? system,
        Dictionary<(string, string?, int?), (CipherListResult, CipherListResult)> cache, ConfigTree? tree, TlsFileStore? files)
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
        var allowed = rejection is null ? ciphers.Supported() : [];
        var served = endpoint.Role == EndpointRole.Server ? ServedKeys.Of(endpoint, tree, files) : ServedKeys.NotApplicable;
        var (negotiable, dropped) = rejection is null ? Filter(endpoint, allowed, served) : ([], []);
        var configured = endpoint.Protocols.Value.IsValid ? endpoint.Protocols.Value.Enabled : TlsVersionSet.Empty;
        var bounds = endpoint.OwnProtocolBounds;
        var limits = Limits(configured, system, bounds, rejection, ciphers.SecurityLevel, negotiable, allowed, dropped, build);
        var effective = limits.Aggregate(configured, (set, l) => set.Without(l.Version));
        var refused = rejection is null && endpoint.Role == EndpointRole.Server
            ? Refused(endpoint, served, ciphers.SecurityLevel, tree, files)
            : null;
        var result = new EffectiveTls
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
            AllowedAtLevel = allowed,
            ServedKeys = served.Keys,
            KeyTypesUnknown = served.Unknown,
            Dropped = dropped,
            IgnoredSystemSettings = Ignored(endpoint, system),
            ConfiguredProtocols = configured,
            Protocols = effective,
            Limits = limits,
            Rejection = rejection,
            NotModelled = NotModelled(assumptions),
        };
        return refused is { } r ? Failed(result, r.Reason, r.Stops) : result;
    }

    /// <summary>The surface of an endpoint that serves no TLS at all: every configured version is out, for one reason.</summary>
    private static EffectiveTls Failed(EffectiveTls eff, string reason, bool stops) => eff with
    {
        Failure = reason,
        StopsServer = stops,
        Negotiable = [],
        Protocols = TlsVersionSet.Empty,
        Limits = [.. eff.Limits, .. eff.Protocols.Versions.Select(v => new ProtocolLimit(v, reason))],
    };

    /// <summary>
    /// OpenSSL refuses a certificate key or DH group weaker than the security level in force when the product loads it
    /// (the level after the product's cipher string: an <c>@SECLEVEL=0</c> there lets a 1024-bit key load); what
    /// follows is the product's business (<see cref="TlsEndpoint.OnKeyRefused"/>).
    /// </summary>
    private static (string Reason, bool Stops)? Refused(TlsEndpoint endpoint, ServedKeys.Result served, int level, ConfigTree? tree,
        TlsFileStore? files)
    {
        if (endpoint.OnKeyRefused is not { } handling || level <= 0)
        {
            return null;
        }

        var minimum = SecurityLevels.MinimumStrength(level);
        if (Fatal(handling.Certificate)
            && served.Keys.FirstOrDefault(k => k.Key is not null && SecurityBits(k.Key) < minimum) is { } weak)
        {
            return (Consequence(endpoint, handling.Certificate,
                $"OpenSSL refuses the {weak.Key!.Describe()} key of `{weak.File}` (from `{weak.Setting}`) at security level {level} (ee key too small)"),
                handling.Certificate == KeyRefusal.ServerDoesNotStart);
        }

        if (Fatal(handling.DhParameters) && endpoint.DhParameters is { } dh && tree is not null && files is not null
            && dh.Value.Trim().Length > 0
            && files.Open(tree, dh.Value.Trim()) is { IsRead: true } file
            && file.Contents.DhParameters.FirstOrDefault() is { } group
            && FiniteFieldBits(group.PrimeBits) < minimum)
        {
            return (Consequence(endpoint, handling.DhParameters,
                $"OpenSSL refuses the {group.PrimeBits}-bit DH group of `{dh.Value.Trim()}` (from `{dh.Name}`) at security level {level} (dh key too small)"),
                handling.DhParameters == KeyRefusal.ServerDoesNotStart);
        }

        return null;
    }

    private static bool Fatal(KeyRefusal refusal) => refusal is KeyRefusal.ServerDoesNotStart or KeyRefusal.TlsFails;

    private static string Consequence(TlsEndpoint endpoint, KeyRefusal refusal, string what)
    {
        var server = endpoint.Product switch
        {
            Product.Apache => "httpd",
            Product.Nginx => "nginx",
            Product.Dovecot => "Dovecot",
            _ => "the server",
        };
        return refusal == KeyRefusal.ServerDoesNotStart
            ? $"{what}, so {server} does not start"
            : $"{what}, so {server} cannot set up TLS here and every handshake fails";
    }

    /// <summary>Security bits of a key as OpenSSL counts them (NIST SP 800-57 steps for RSA, DSA and DH; half the size for EC).</summary>
    private static int SecurityBits(PublicKeyFacts key) => key.Algorithm switch
    {
        KeyAlgorithm.Rsa or KeyAlgorithm.Dsa => key.Bits is { } n ? FiniteFieldBits(n) : int.MaxValue,
        KeyAlgorithm.Ec => key.Bits is { } n ? Math.Min(n / 2, 256) : int.MaxValue,
        KeyAlgorithm.Ed25519 => 128,
        KeyAlgorithm.Ed448 => 224,
        _ => int.MaxValue,
    };

    private static int FiniteFieldBits(int n) => n switch
    {
        >= 15360 => 256,
        >= 7680 => 192,
        >= 3072 => 128,
        >= 2048 => 112,
        >= 1024 => 80,
        _ => 0,
    };

    /// <summary>The engine is OpenSSL 3.0's; anything older differs in security levels, default lists and protocol limits.</summary>
    private static string? NotModelled(Assumptions assumptions) =>
        assumptions.EngineModelsOpenSsl
            ? null
            : $"tlslint models OpenSSL 3.0 only; these lists and limits are what OpenSSL 3.0 ({assumptions.Build.Name}) would do, not the assumed OpenSSL {assumptions.OpenSsl.Version}";

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

    /// <summary>
    /// What a server context can really pick from the allowed suites (OpenSSL's <c>ssl_set_masks</c>): an
    /// authentication its certificates provide (anonymous suites need none; TLS 1.3 needs some certificate whose key
    /// can sign there), and DHE only with DH parameters.
    /// </summary>
    private static (IReadOnlyList<CipherSuite>, IReadOnlyList<SuiteFilter>) Filter(TlsEndpoint endpoint,
        IReadOnlyList<CipherSuite> allowed, ServedKeys.Result served)
    {
        var dropped = new List<SuiteFilter>();
        var left = allowed;
        if (served.Authentications is { } auth)
        {
            foreach (var group in left.Where(s => !Usable(s, auth, served.SignsTls13)).GroupBy(s => Needs(s, served)))
            {
                dropped.Add(new SuiteFilter(group.Key, group.ToList()));
            }

            left = left.Where(s => Usable(s, auth, served.SignsTls13)).ToList();
        }

        if (endpoint.Role == EndpointRole.Server && endpoint.Dhe is { Value.Available: false } dhe)
        {
            var noDh = left.Where(s => !s.IsTls13 && (s.KeyExchange & KeyExchange.Dhe) != 0).ToList();
            if (noDh.Count > 0)
            {
                dropped.Add(new SuiteFilter(dhe.Value.Reason, noDh));
                left = left.Except(noDh).ToList();
            }
        }

        return (left, dropped);
    }

    private static bool Usable(CipherSuite s, Authentication served, bool signsTls13) =>
        s.IsTls13 ? signsTls13 : s.Authentication == Authentication.Null || (s.Authentication & served) != 0;

    /// <summary>Why a suite the certificates cannot serve is dropped, as a clause.</summary>
    private static string Needs(CipherSuite s, ServedKeys.Result served)
    {
        if (served.AnonymousOnly is { } none)
        {
            return s.IsTls13
                ? $"`{none}` serves no certificate, and TLS 1.3 has no anonymous suites"
                : $"`{none}` serves no certificate, so only anonymous suites remain";
        }

        var have = served.Describe();
        if (s.IsTls13)
        {
            return $"TLS 1.3 needs an RSA, ECDSA or EdDSA certificate and the endpoint serves {have}";
        }

        var need = s.Authentication switch
        {
            Authentication.Rsa => "an RSA certificate",
            Authentication.Ecdsa => "an ECDSA (or EdDSA) certificate",
            Authentication.Dss => "a DSA certificate",
            _ => $"a certificate for {s.Authentication}",
        };
        return $"they need {need} and the endpoint serves {have}";
    }

    /// <summary>System commands the product replaces on its own contexts.</summary>
    private static List<IgnoredSystemSetting> Ignored(TlsEndpoint endpoint, OpenSslSystemConfig? system)
    {
        var ignored = new List<IgnoredSystemSetting>();
        if (system is null)
        {
            return ignored;
        }

        void Add(Setting<string>? s, string command, string why)
        {
            if (s is not null)
            {
                ignored.Add(new IgnoredSystemSetting($"{command} = {s.Value}", s.Location.ToString(), why));
            }
        }

        if (endpoint.OwnProtocolBounds is { } bounds)
        {
            if (bounds.SetsMinimum)
            {
                Add(system.MinProtocol, "MinProtocol", bounds.How);
            }

            if (bounds.SetsMaximum)
            {
                Add(system.MaxProtocol, "MaxProtocol", bounds.How);
            }
        }

        // Every product hands OpenSSL a cipher list of its own, which replaces the system list (an @SECLEVEL in it stays).
        Add(system.CipherString, "CipherString", endpoint.Ciphers.Value.ContextSecurityLevel is null
            ? $"the server sets its own list (`{endpoint.Ciphers.Name}`); only an `@SECLEVEL` in it stays"
            : $"the server sets its own list (`{endpoint.Ciphers.Name}`) and its own security level");
        if (endpoint.Tls13Ciphers is { } own)
        {
            Add(system.Ciphersuites, "Ciphersuites", $"the server sets its own TLS 1.3 list (`{own.Name}`)");
        }

        return ignored;
    }

    private static List<ProtocolLimit> Limits(TlsVersionSet configured, OpenSslSystemConfig? system, ProtocolBounds? bounds,
        string? rejection, int level, IReadOnlyList<CipherSuite> negotiable, IReadOnlyList<CipherSuite> allowed,
        IReadOnlyList<SuiteFilter> dropped, OpenSslBuild build)
    {
        var min = bounds is { SetsMinimum: true } ? null : ParseVersion(system?.MinProtocol);
        var max = bounds is { SetsMaximum: true } ? null : ParseVersion(system?.MaxProtocol);
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
                _ when !negotiable.Any(s => Covers(s, v)) => NoSuiteLeft(v, allowed, dropped),
                _ => null,
            };
            if (reason is not null)
            {
                limits.Add(new ProtocolLimit(v, reason));
            }
        }

        return limits;
    }

    /// <summary>Why no suite is left for a version: the list has none, or the endpoint's certificates or DH parameters rule them out.</summary>
    private static string NoSuiteLeft(TlsVersion v, IReadOnlyList<CipherSuite> allowed, IReadOnlyList<SuiteFilter> dropped)
    {
        if (allowed.Any(s => Covers(s, v)) && dropped.FirstOrDefault(f => f.Removed.Any(s => Covers(s, v))) is { } filter)
        {
            return v == TlsVersion.TlsV1_3
                ? $"no TLS 1.3 suite can be negotiated: {filter.Reason}"
                : $"no suite of the cipher list for {v.Name()} can be negotiated: {filter.Reason}";
        }

        return v == TlsVersion.TlsV1_3 ? "no TLS 1.3 suite is left to negotiate" : $"no suite of the cipher list can be used with {v.Name()}";
    }

    private static bool Covers(CipherSuite s, TlsVersion v)
    {
        if (v == TlsVersion.TlsV1_3)
        {
            return s.IsTls13;
        }

        var n = ProtocolNumbers.FromVersion(v);
        return !s.IsTls13 && s.MinTls <= n && s.MaxTls >= n;
    }

    private static TlsVersion? ParseVersion(Setting<string>? setting) =>
        setting is not null && TlsVersionExtensions.TryParseName(setting.Value.Trim(), out var v) ? v : null;
}
