using Tlslint.Analysis;
using Tlslint.Syntax.Postfix;
using Tlslint.Text;
using Tlslint.Tls;

namespace Tlslint.Model.Postfix;

/// <summary>
/// Turns a parsed main.cf and master.cf into endpoints: one server endpoint per <c>smtpd</c> service of type
/// <c>inet</c>, one client endpoint per <c>smtp</c>/<c>lmtp</c> service, each seeing main.cf overridden by its
/// own <c>-o</c> options, with built-in defaults of the assumed Postfix version for what neither sets.
/// </summary>
public static class PostfixResolver
{
    private static readonly char[] ListSeparators = [' ', '\t', '\n', '\r', ','];

    public static ConfigTree Resolve(string root, MainCfDocument? main, MasterCfDocument? master,
        Assumptions assumptions, IReadOnlyList<ConfigDiagnostic> loadDiagnostics)
    {
        var mainParams = LastDefinitions(main?.Parameters ?? []);
        var version = DetectVersion(assumptions.Products[Product.Postfix], mainParams, main?.File);
        var diagnostics = new List<ConfigDiagnostic>(loadDiagnostics);
        diagnostics.AddRange(main?.Diagnostics ?? []);
        diagnostics.AddRange(master?.Diagnostics ?? []);

        var endpoints = new List<TlsEndpoint>();
        var problems = new HashSet<(string, SourceLocation)>();
        var openSsl = assumptions.OpenSsl.Version;
        foreach (var (service, anchor) in Services(master, main))
        {
            var command = Path.GetFileName(service.Command.Text);
            var overrides = LastDefinitions(service.Overrides);
            var scope = new PostfixScope(mainParams, main?.File, overrides, master?.File, version.Version, anchor,
                service.Name.Text, command);
            TlsEndpoint? endpoint = command switch
            {
                "smtpd" when service.Type.Text == "inet" => Server(service, anchor, scope, version.Version, openSsl),
                "smtp" or "lmtp" => Client(service, anchor, scope, command, version.Version, openSsl),
                _ => null,
            };
            if (endpoint is null)
            {
                continue;
            }

            endpoints.Add(endpoint);
            foreach (var p in scope.Problems)
            {
                if (problems.Add(p))
                {
                    diagnostics.Add(new ConfigDiagnostic(DiagnosticKind.ParseError, p.Message, p.Location, Fatal: false));
                }
            }
        }

        var files = new List<SourceFile>();
        if (main is not null)
        {
            files.Add(main.File);
        }

        if (master is not null)
        {
            files.Add(master.File);
        }

        return new ConfigTree
        {
            Product = Product.Postfix,
            Root = root,
            Files = files,
            Directives = Directives(main, master, version.Version),
            Endpoints = endpoints,
            Diagnostics = diagnostics,
            Version = version,
            GlobalScope = main is null ? null : new SourceLocation(main.File, null),
            ReferenceBase = QueueDirectory(mainParams, main, version.Version),
        };
    }

    /// <summary>
    /// master(8) changes to the queue directory before it starts any daemon, so the daemons open relative file names
    /// (certificates, keys, DH files) from there.
    /// </summary>
    private static string? QueueDirectory(IReadOnlyDictionary<string, PostfixParameter> mainParams, MainCfDocument? main, ProductVersion version)
    {
        if (main is null)
        {
            return null;
        }

        var anchor = new SourceLocation(main.File, null);
        var scope = new PostfixScope(mainParams, main.File, new Dictionary<string, PostfixParameter>(), null, version, anchor, string.Empty, string.Empty);
        var value = scope.Get("queue_directory").Value.Trim();
        return value.Length > 0 ? value : null;
    }

    /// <summary>
    /// A user's <c>--assume</c> wins; otherwise <c>compatibility_level</c> tells that Postfix is at least that
    /// release (the stock main.cf of each release sets it), so a level above the default assumption raises it.
    /// </summary>
    private static AssumedVersion DetectVersion(AssumedVersion assumed, IReadOnlyDictionary<string, PostfixParameter> main, SourceFile? mainFile)
    {
        if (assumed.FromUser || mainFile is null || !main.TryGetValue("compatibility_level", out var level)
            || !ProductVersion.TryParse(level.Value, out var atLeast) || atLeast <= assumed.Version)
        {
            return assumed;
        }

        return new AssumedVersion(atLeast,
            $"compatibility_level = {level.Value} in {mainFile.Path}:{level.Range.Start.Line}");
    }

    private static Dictionary<string, PostfixParameter> LastDefinitions(IEnumerable<PostfixParameter> parameters)
    {
        var result = new Dictionary<string, PostfixParameter>(StringComparer.Ordinal);
        foreach (var p in parameters)
        {
            result[p.Name] = p;
        }

        return result;
    }

    /// <summary>
    /// The services in effect (a later entry with the same name and type replaces an earlier one). Without a
    /// master.cf, the stock entries every Postfix has (smtp inet smtpd, smtp unix smtp) are assumed, anchored at main.cf.
    /// </summary>
    private static IEnumerable<(MasterService Service, SourceLocation Anchor)> Services(MasterCfDocument? master, MainCfDocument? main)
    {
        if (master is not null)
        {
            var last = new Dictionary<string, MasterService>(StringComparer.Ordinal);
            foreach (var s in master.Services)
            {
                last[s.Key] = s;
            }

            foreach (var s in master.Services.Where(s => ReferenceEquals(last[s.Key], s)))
            {
                yield return (s, new SourceLocation(master.File, s.HeaderRange));
            }

            yield break;
        }

        if (main is null)
        {
            yield break;
        }

        var anchor = new SourceLocation(main.File, null);
        yield return (Stock("smtp", "inet", "smtpd"), anchor);
        yield return (Stock("smtp", "unix", "smtp"), anchor);
    }

    private static MasterService Stock(string name, string type, string command)
    {
        static MasterField F(string t) => new(t, default);
        return new MasterService(F(name), F(type), F("n"), F("-"), F("y"), F("-"), F("-"), F(command), [], [], default)
        {
            HeaderRange = default,
        };
    }

    private static TlsEndpoint Server(MasterService service, SourceLocation anchor, PostfixScope scope, ProductVersion version, ProductVersion openSsl)
    {
        var (host, port) = PostfixServiceAddress.Parse(service.Name.Text);
        var wrapper = scope.GetBool("smtpd_tls_wrappermode");
        var level = scope.Get("smtpd_tls_security_level");
        var mode = ServerMode(scope, wrapper, level);
        var enforced = mode.Value.RequiresTls();

        var protocols = Protocols(scope.Get(enforced ? "smtpd_tls_mandatory_protocols" : "smtpd_tls_protocols"), version);
        var ciphers = Ciphers(scope, "smtpd", enforced, version);
        var sasl = scope.GetBool("smtpd_sasl_auth_enable");
        var authOnly = scope.GetBool("smtpd_tls_auth_only");
        var authBeforeTls = authOnly.Map(only => sasl.Value && mode.Value == TlsMode.StartTlsOptional && !only);
        if (mode.Value == TlsMode.None && sasl.Value)
        {
            authBeforeTls = sasl;
        }

        var dh = scope.Get("smtpd_tls_dh1024_param_file");
        var dhFile = dh.Value.Trim();
        var certificate = scope.Get("smtpd_tls_cert_file");

        // Client certificates make Postfix drop the anonymous suites itself (TLS207).
        scope.Get("smtpd_tls_ask_ccert");
        scope.Get("smtpd_tls_req_ccert");
        return new TlsEndpoint
        {
            Name = service.Key,
            Product = Product.Postfix,
            Role = EndpointRole.Server,
            Ports = port is { } p ? [p] : [],
            Address = host,
            Anchor = anchor,
            Mode = mode,
            Protocols = protocols,
            Ciphers = ciphers,
            ServerCipherPreference = scope.GetBool("tls_preempt_cipherlist"),
            Certificates = Certificates(scope, "smtpd", version),
            CaFiles = CaFiles(scope, "smtpd"),
            AnonymousOnly = IsNone(certificate) ? certificate : null,
            AuthEnabled = sasl,
            AuthBeforeTls = authBeforeTls,
            Compression = Compression(scope, openSsl),
            TlsLogging = LogLevel(scope, "smtpd"),

            // 3.7+ with OpenSSL 3: empty or `auto` lets OpenSSL pick an RFC 7919 group; otherwise the value is a file.
            DhParameters = dhFile.Length > 0 && !dhFile.Equals("auto", StringComparison.OrdinalIgnoreCase) ? dh.Map(v => v.Trim()) : null,
            Dhe = dh.Map(_ => ServerDhe(dhFile)),
            OwnProtocolBounds = OwnBounds(protocols, version),
            Curves = ServerCurves(scope),
            Settings = new Dictionary<string, Setting<string>>(scope.Used),
        };
    }

    /// <summary>
    /// smtpd.c: wrapper mode means implicit TLS whatever the level; a non-empty level decides; otherwise the obsolete
    /// smtpd_use_tls / smtpd_enforce_tls booleans do.
    /// </summary>
    private static Setting<TlsMode> ServerMode(PostfixScope scope, Setting<bool> wrapper, Setting<string> level)
    {
        if (wrapper.Value)
        {
            return wrapper.Map(_ => TlsMode.Implicit);
        }

        var text = level.Value.Trim();
        if (text.Length > 0)
        {
            return level.Map(_ => text.ToLowerInvariant() switch
            {
                "none" => TlsMode.None,
                "may" => TlsMode.StartTlsOptional,
                "encrypt" or "fingerprint" or "verify" or "secure" => TlsMode.StartTlsRequired,
                _ => Invalid(scope, level),
            });
        }

        var enforce = scope.GetBool("smtpd_enforce_tls");
        if (enforce.Value)
        {
            return enforce.Map(_ => TlsMode.StartTlsRequired);
        }

        var use = scope.GetBool("smtpd_use_tls");
        return use.Value ? use.Map(_ => TlsMode.StartTlsOptional) : level.Map(_ => TlsMode.None);
    }

    private static TlsMode Invalid(PostfixScope scope, Setting<string> level)
    {
        scope.Problems.Add(($"invalid TLS security level `{level.Value.Trim()}`: smtpd stops with a fatal error; use `none`, `may` or `encrypt`", level.Location));
        return TlsMode.None;
    }

    private static TlsEndpoint Client(MasterService service, SourceLocation anchor, PostfixScope scope, string prefix, ProductVersion version, ProductVersion openSsl)
    {
        var wrapper = scope.GetBool($"{prefix}_tls_wrappermode");
        var level = scope.Get($"{prefix}_tls_security_level");
        Setting<TlsMode> mode;
        var text = level.Value.Trim().ToLowerInvariant();
        if (text.Length > 0)
        {
            mode = level.Map(_ => text switch
            {
                "none" => TlsMode.None,
                "may" => TlsMode.StartTlsOptional,
                _ => TlsMode.StartTlsRequired,
            });
        }
        else
        {
            var enforce = scope.GetBool($"{prefix}_enforce_tls");
            var use = scope.GetBool($"{prefix}_use_tls");
            mode = enforce.Value ? enforce.Map(_ => TlsMode.StartTlsRequired)
                : use.Value ? use.Map(_ => TlsMode.StartTlsOptional)
                : level.Map(_ => TlsMode.None);
        }

        if (wrapper.Value && mode.Value != TlsMode.None)
        {
            mode = wrapper.Map(_ => TlsMode.Implicit);
        }

        var mandatory = mode.Value.RequiresTls();
        var relayhost = scope.Get("relayhost");
        return new TlsEndpoint
        {
            Name = service.Key,
            Product = Product.Postfix,
            Role = EndpointRole.Client,
            Ports = [],
            Anchor = anchor,
            Mode = mode,
            Protocols = Protocols(scope.Get(mandatory ? $"{prefix}_tls_mandatory_protocols" : $"{prefix}_tls_protocols"), version),
            OwnProtocolBounds = OwnBounds(scope.Get(mandatory ? $"{prefix}_tls_mandatory_protocols" : $"{prefix}_tls_protocols"), version),
            Ciphers = Ciphers(scope, prefix, mandatory, version),
            ServerCipherPreference = scope.GetBool("tls_preempt_cipherlist"),
            Certificates = Certificates(scope, prefix, version),
            CaFiles = CaFiles(scope, prefix),
            AuthEnabled = scope.GetBool($"{prefix}_sasl_auth_enable"),
            Upstream = prefix == "smtp" && relayhost.Value.Trim().Length > 0 ? relayhost : null,
            Compression = Compression(scope, openSsl),
            TlsLogging = LogLevel(scope, prefix),
            Curves = NonEmpty(scope.Get("tls_eecdh_auto_curves")),
            Settings = new Dictionary<string, Setting<string>>(scope.Used),
        };
    }

    /// <summary>
    /// <c>tls_ssl_options</c> can only add OpenSSL options, so compression is the library's default unless the list
    /// adds <c>NO_COMPRESSION</c> (by name, case-insensitively, or as bit 0x20000 of a hex mask): OpenSSL compresses
    /// by default only before 1.1.0.
    /// </summary>
    private static Setting<bool> Compression(PostfixScope scope, ProductVersion openSsl)
    {
        var options = scope.Get("tls_ssl_options");
        var off = Split(options.Value).Any(o => o.Equals("NO_COMPRESSION", StringComparison.OrdinalIgnoreCase)
            || (o.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
                && long.TryParse(o[2..], System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture, out var mask)
                && (mask & 0x20000) != 0));
        return options.Map(_ => !off && openSsl < new ProductVersion(1, 1, 0));
    }

    /// <summary>Log level 1 and above log each TLS session's protocol and cipher.</summary>
    private static Setting<bool> LogLevel(PostfixScope scope, string prefix)
    {
        var level = scope.Get($"{prefix}_tls_loglevel");
        return level.Map(v => int.TryParse(v.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n >= 1);
    }

    private static Setting<ProtocolSelection> Protocols(Setting<string> list, ProductVersion version) =>
        list.Map(v => PostfixProtocols.Parse(v, version));

    /// <summary>
    /// 3.6+ turns the protocol list into a floor and a ceiling and sets both on every session, even for an empty list
    /// (tls_proto_mask_lims), so a system <c>openssl.cnf</c> MinProtocol/MaxProtocol never applies; before 3.6 Postfix
    /// only switched versions off with options and left the bounds to OpenSSL.
    /// </summary>
    private static ProtocolBounds? OwnBounds<T>(Setting<T> list, ProductVersion version) =>
        version >= new ProductVersion(3, 6)
            ? new ProtocolBounds(true, true, $"Postfix {version} sets both bounds from `{list.Name}` on every session")
            : null;

    /// <summary>A DH file, or else Postfix's own group (OpenSSL's automatic one with 3.7 and OpenSSL 3): DHE always works.</summary>
    private static DheSupport ServerDhe(string dhFile) =>
        dhFile.Length > 0 && !dhFile.Equals("auto", StringComparison.OrdinalIgnoreCase)
            ? new DheSupport(true, $"Postfix loads DH parameters from `{dhFile}`")
            : new DheSupport(true, "Postfix uses built-in DH parameters when `smtpd_tls_dh1024_param_file` names no file");

    private static readonly char[] ExclusionSeparators = [' ', '\t', '\n', '\r', ',', ':'];

    private static readonly string[] VerifyingLevels = ["dane", "dane-only", "fingerprint", "verify", "secure"];

    /// <summary>
    /// tls_set_ciphers: the grade (case-insensitive) picks <c>tls_&lt;grade&gt;_cipherlist</c>; each exclusion (split on
    /// blanks, commas and colons) is appended as <c>:!X</c>. Mandatory TLS adds the mandatory exclusions; Postfix adds
    /// <c>aNULL</c> itself where it checks certificates (a server asking for client certificates, a client at a
    /// verifying level) and <c>eNULL</c> on a client that requires encryption. It runs its contexts at security level 0,
    /// or 1 where a peer certificate is required. An unknown grade, or an exclusion starting with <c>!+-@</c>, makes it
    /// fail the handshake without asking OpenSSL.
    /// </summary>
    private static Setting<CipherSelection> Ciphers(PostfixScope scope, string prefix, bool mandatory, ProductVersion version)
    {
        var grade = scope.Get(mandatory ? $"{prefix}_tls_mandatory_ciphers" : $"{prefix}_tls_ciphers");
        var gradeName = grade.Value.Trim().ToLowerInvariant();
        var known = gradeName is "high" or "medium" or "low" or "export" or "null";
        var list = known ? scope.Get($"tls_{PostfixCipherGrades.EffectiveGrade(gradeName, version)}_cipherlist").Value.Trim() : string.Empty;
        var listName = known ? $"tls_{PostfixCipherGrades.EffectiveGrade(gradeName, version)}_cipherlist" : grade.Name;
        var sources = SplitExclusions(scope.Get($"{prefix}_tls_exclude_ciphers").Value).Select(e => (e, $"{prefix}_tls_exclude_ciphers")).ToList();
        if (mandatory)
        {
            sources.AddRange(SplitExclusions(scope.Get($"{prefix}_tls_mandatory_exclude_ciphers").Value).Select(e => (e, $"{prefix}_tls_mandatory_exclude_ciphers")));
        }

        var exclusions = sources.Select(s => s.Item1).ToList();
        var parts = new List<CipherStringPart> { new(0, list.Length, listName) };
        var offset = list.Length;
        foreach (var (exclusion, setting) in sources)
        {
            parts.Add(new CipherStringPart(offset, exclusion.Length + 2, setting));
            offset += exclusion.Length + 2;
        }

        var automatic = new List<string>();
        var level = 0;
        string levelReason;
        if (prefix == "smtpd")
        {
            var requireCert = mandatory && scope.GetBool("smtpd_tls_req_ccert").Value;
            if (scope.GetBool("smtpd_tls_ask_ccert").Value || requireCert)
            {
                automatic.Add("aNULL");
            }

            level = requireCert ? 1 : 0;
            levelReason = requireCert
                ? "Postfix sets level 1 where it requires client certificates"
                : "Postfix sets level 0 on its TLS contexts";
        }
        else
        {
            var tlsLevel = scope.Get($"{prefix}_tls_security_level").Value.Trim().ToLowerInvariant();
            var verifying = VerifyingLevels.Contains(tlsLevel);
            if (verifying)
            {
                automatic.Add("aNULL");
            }

            if (verifying || tlsLevel == "encrypt")
            {
                automatic.Add("eNULL");
            }

            level = verifying ? 1 : 0;
            levelReason = verifying
                ? $"Postfix sets level 1 where it verifies the server certificate (`{tlsLevel}`)"
                : "Postfix sets level 0 on its TLS contexts";
        }

        string? rejection = null;
        if (!known)
        {
            rejection = $"`{grade.Value.Trim()}` is not a cipher grade (high, medium, low, export, null), so Postfix fails the TLS handshake";
        }
        else if (exclusions.FirstOrDefault(e => e[0] is '!' or '+' or '-' or '@') is { } bad)
        {
            rejection = $"Postfix refuses the exclusion `{bad}` (only plain words may follow the implicit `!`) and fails the TLS handshake";
        }

        var cipherString = list + string.Concat(exclusions.Concat(automatic).Select(e => ":!" + e));
        return grade.Map(_ => new CipherSelection(cipherString, gradeName, exclusions)
        {
            AutomaticExclusions = automatic,
            Parts = parts,
            ContextSecurityLevel = level,
            ContextSecurityLevelReason = levelReason,
            Rejection = rejection,
        });
    }

    /// <summary>
    /// The ECDHE groups the server offers: <c>smtpd_tls_eecdh_grade</c> picks <c>tls_eecdh_auto_curves</c> (auto), one
    /// curve (strong, ultra), or none; null when the list is empty (the library's own choice).
    /// </summary>
    private static Setting<string>? ServerCurves(PostfixScope scope)
    {
        var grade = scope.Get("smtpd_tls_eecdh_grade");
        return grade.Value.Trim().ToLowerInvariant() switch
        {
            "strong" => NonEmpty(scope.Get("tls_eecdh_strong_curve")),
            "ultra" => NonEmpty(scope.Get("tls_eecdh_ultra_curve")),
            "none" => null,
            _ => NonEmpty(scope.Get("tls_eecdh_auto_curves")),
        };
    }

    private static Setting<string>? NonEmpty(Setting<string> s) => s.Value.Trim().Length > 0 ? s : null;

    private static IEnumerable<string> SplitExclusions(string value) => value.Split(ExclusionSeparators, StringSplitOptions.RemoveEmptyEntries);

    private static IEnumerable<string> Split(string value) => value.Split(ListSeparators, StringSplitOptions.RemoveEmptyEntries);

    /// <summary>
    /// <c>*_tls_chain_files</c> (3.4+: each file holds keys, each followed by its chain) replaces the legacy pairs;
    /// otherwise each non-empty <c>*_tls_{,ec,d}cert_file</c> with its key file, which defaults to the certificate
    /// file. <c>smtpd_tls_cert_file = none</c> asks for no certificate at all.
    /// </summary>
    private static List<CertificateReference> Certificates(PostfixScope scope, string prefix, ProductVersion version)
    {
        var result = new List<CertificateReference>();
        var chains = scope.Get($"{prefix}_tls_chain_files");
        if (chains.Value.Trim().Length > 0 && version >= new ProductVersion(3, 4))
        {
            foreach (var file in Split(chains.Value))
            {
                result.Add(new CertificateReference(chains.Map(_ => file), null, "chain"));
            }

            return result;
        }

        foreach (var (cert, key, kind) in new[] { ("cert", "key", "rsa"), ("eccert", "eckey", "ecdsa"), ("dcert", "dkey", "dsa") })
        {
            var c = scope.Get($"{prefix}_tls_{cert}_file");
            if (c.Value.Trim().Length == 0 || (prefix == "smtpd" && IsNone(c)))
            {
                continue;
            }

            var k = scope.Get($"{prefix}_tls_{key}_file");
            result.Add(new CertificateReference(c.Map(v => v.Trim()), k.Map(v => v.Trim()), kind));
        }

        return result;
    }

    private static bool IsNone(Setting<string> setting) => setting.Value.Trim().Equals("none", StringComparison.OrdinalIgnoreCase);

    /// <summary>The CA file (a directory in <c>*_tls_CApath</c> is not a file and is not modelled).</summary>
    private static List<Setting<string>> CaFiles(PostfixScope scope, string prefix)
    {
        var file = scope.Get($"{prefix}_tls_CAfile");
        return file.Value.Trim().Length > 0 ? [file.Map(v => v.Trim())] : [];
    }

    private static List<Directive> Directives(MainCfDocument? main, MasterCfDocument? master, ProductVersion version)
    {
        var referenced = References(main, master);
        var result = new List<Directive>();
        if (main is not null)
        {
            foreach (var p in main.Parameters)
            {
                result.Add(ToDirective(p, main.File, "main.cf", "main.cf", version, referenced));
            }
        }

        if (master is not null)
        {
            foreach (var s in master.Services)
            {
                var scope = $"master.cf:{s.Key}:{s.Range.Start.Line}";
                foreach (var p in s.Overrides)
                {
                    result.Add(ToDirective(p, master.File, scope, $"service {s.Key}", version, referenced));
                }
            }
        }

        return result;
    }

    private static Directive ToDirective(PostfixParameter p, SourceFile file, string scope, string label,
        ProductVersion version, IReadOnlySet<string> referenced) =>
        new(p.Name, p.Value, scope, label,
            new SourceLocation(file, p.Range), new SourceLocation(file, p.NameRange), new SourceLocation(file, p.ValueRange),
            PostfixVocabulary.Lookup(p.Name, p.Value, version, referenced))
        {
            Product = Product.Postfix,
        };

    /// <summary>Every name used as <c>$name</c>, <c>${name…}</c> or <c>$(name)</c> in any value.</summary>
    private static HashSet<string> References(MainCfDocument? main, MasterCfDocument? master)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var values = (main?.Parameters.Select(p => p.Value) ?? [])
            .Concat(master?.Services.SelectMany(s => s.Overrides.Select(o => o.Value).Concat(s.Arguments.Select(a => a.Text))) ?? []);
        foreach (var value in values)
        {
            names.UnionWith(PostfixExpander.ReferencedNames(value));
        }

        return names;
    }
}
