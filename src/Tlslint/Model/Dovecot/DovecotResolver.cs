using System.Globalization;
using Tlslint.Analysis;
using Tlslint.Syntax.Dovecot;
using Tlslint.Text;
using Tlslint.Tls;

namespace Tlslint.Model.Dovecot;

/// <summary>
/// Turns the statements of a Dovecot tree into endpoints: one server endpoint per enabled <c>inet_listener</c> of the
/// login service of every protocol in <c>protocols</c> (built-in listeners included), one more for each connection
/// filter (<c>local</c>, <c>remote</c>, <c>local_name</c>) that changes TLS for it, and an outgoing (client) endpoint
/// when Dovecot is set up to make TLS connections. Values resolve global → <c>protocol</c> → connection filters →
/// listener, with the defaults of the assumed release for what nothing sets.
/// </summary>
public static class DovecotResolver
{
    private static readonly Dictionary<string, string> LoginServices = new(StringComparer.Ordinal)
    {
        ["imap"] = "imap-login",
        ["pop3"] = "pop3-login",
        ["submission"] = "submission-login",
        ["sieve"] = "managesieve-login",
        ["lmtp"] = "lmtp",
    };

    /// <summary>The listeners each service has built in (<c>doveconf -a</c> of 2.3.19.1; 2.4 keeps them).</summary>
    private static readonly Dictionary<string, (string Name, int Port, bool Ssl)[]> BuiltInListeners = new(StringComparer.Ordinal)
    {
        ["imap-login"] = [("imap", 143, false), ("imaps", 993, true)],
        ["pop3-login"] = [("pop3", 110, false), ("pop3s", 995, true)],
        ["submission-login"] = [("submission", 587, false)],
        ["managesieve-login"] = [("sieve", 4190, false)],
        ["lmtp"] = [],
    };

    /// <summary>Mechanisms that send the password itself (Dovecot refuses them before TLS unless cleartext is allowed).</summary>
    private static readonly HashSet<string> PlaintextMechanisms = new(StringComparer.OrdinalIgnoreCase) { "plain", "login", "oauthbearer", "xoauth2" };

    private static readonly string[] OutgoingSwitches = ["imapc_ssl", "pop3c_ssl", "submission_relay_ssl", "doveadm_ssl"];

    private static readonly HashSet<string> CertificateNames = new(StringComparer.Ordinal)
    {
        "ssl_cert", "ssl_key", "ssl_alt_cert", "ssl_alt_key", "ssl_ca", "ssl_key_password",
        "ssl_server_cert_file", "ssl_server_key_file", "ssl_server_alt_cert_file", "ssl_server_alt_key_file",
        "ssl_server_ca_file", "ssl_server_key_password",
    };

    public static ConfigTree Resolve(string root, SourceFile? entry, IReadOnlyList<DovecotSourceStatement> statements,
        IReadOnlyList<SourceFile> files, Assumptions assumptions, IReadOnlyList<ConfigDiagnostic> loadDiagnostics)
    {
        var diagnostics = new List<ConfigDiagnostic>(loadDiagnostics);
        var version = DetectVersion(assumptions.Products[Product.Dovecot], statements, diagnostics);
        var config = Build(statements, version.Version, diagnostics);
        var entryLocation = entry is null ? (SourceLocation?)null : new SourceLocation(entry, null);
        var endpoints = entryLocation is { } at ? Endpoints(config, at, assumptions.OpenSsl.Version, diagnostics) : [];
        return new ConfigTree
        {
            Product = Product.Dovecot,
            Root = root,
            Files = files,
            Directives = config.Directives,
            Blocks = config.Blocks,
            Endpoints = endpoints,
            Diagnostics = diagnostics,
            Version = version,
            GlobalScope = entryLocation,
        };
    }

    /// <summary>The merged configuration, for tests that compare it with <c>doveconf -n</c>.</summary>
    public static DovecotConfig Build(IReadOnlyList<DovecotSourceStatement> statements, ProductVersion version, List<ConfigDiagnostic> diagnostics)
    {
        // Debian's dovecot.conf pulls the protocols of the installed packages from protocols.d, and Debian builds
        // Dovecot with an empty protocols default for that.
        var debian = statements.Any(s => s.Statement is DovecotInclude i
            && i.Pattern.StartsWith("/usr/share/dovecot/protocols.d/", StringComparison.Ordinal));
        return DovecotConfigBuilder.Build(statements, version, debian, diagnostics);
    }

    /// <summary>
    /// A user's <c>--assume</c> wins; otherwise <c>dovecot_config_version</c> (which 2.4 demands as the first setting)
    /// says the tree is for that 2.4 release; without it the default assumption (Debian 12's 2.3) stands.
    /// </summary>
    public static AssumedVersion DetectVersion(AssumedVersion assumed, IReadOnlyList<DovecotSourceStatement> statements, List<ConfigDiagnostic> diagnostics)
    {
        var assignments = statements.Where(s => s.Statement is DovecotAssignment).ToList();
        var declared = assignments.FirstOrDefault(s => ((DovecotAssignment)s.Statement).Key == "dovecot_config_version");
        if (declared is null)
        {
            if (DovecotVersions.Is24(assumed.Version) && assignments.Count > 0)
            {
                var first = assignments[0];
                diagnostics.Add(new ConfigDiagnostic(DiagnosticKind.ParseError,
                    $"Dovecot {assumed.Version} demands `dovecot_config_version` as the first setting and stops with a fatal error without it; add `dovecot_config_version = {assumed.Version}` at the top",
                    new SourceLocation(first.File, first.Statement.Range), Fatal: true));
            }

            return assumed;
        }

        var setting = (DovecotAssignment)declared.Statement;
        var at = new SourceLocation(declared.File, setting.Range);
        if (!ReferenceEquals(assignments[0], declared))
        {
            diagnostics.Add(new ConfigDiagnostic(DiagnosticKind.ParseError,
                "`dovecot_config_version` must be the first setting: Dovecot 2.4 stops with \"The first setting must be dovecot_config_version\"; move it to the top of dovecot.conf",
                at, Fatal: true));
        }

        if (!ProductVersion.TryParse(setting.Value, out var v) || v < DovecotVersions.V2_4)
        {
            diagnostics.Add(new ConfigDiagnostic(DiagnosticKind.ParseError,
                $"`dovecot_config_version = {setting.Value}` is not a Dovecot 2.4 release: Dovecot stops with \"Invalid dovecot_config_version\"; write the release the file was written for, e.g. `2.4.0`",
                at, Fatal: true));
            v = DovecotVersions.V2_4;
        }

        return assumed.FromUser
            ? assumed
            : new AssumedVersion(v, $"dovecot_config_version = {setting.Value} in {declared.File.Path}:{setting.Range.Start.Line}");
    }

    internal static List<TlsEndpoint> Endpoints(DovecotConfig config, SourceLocation entry, ProductVersion openSsl, List<ConfigDiagnostic> diagnostics)
    {
        var endpoints = new List<TlsEndpoint>();
        var problems = new Problems(diagnostics, openSsl);
        var global = new DovecotContext(config, null, DovecotFilter.Global, entry);
        var protocols = global.Get("protocols");
        var ports = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var protocol in ProtocolNames(protocols, problems))
        {
            foreach (var service in ServicesOf(config, protocol))
            {
                foreach (var listener in Listeners(config, service))
                {
                    var port = Port(listener, problems);
                    if (port is not > 0)
                    {
                        continue;
                    }

                    var address = listener.Configured?.Settings.GetValueOrDefault("address")?.Value.Trim() ?? string.Empty;
                    var key = $"{address}:{port}";
                    var here = $"{service}/{listener.Name ?? port.Value.ToString(CultureInfo.InvariantCulture)}";
                    if (!ports.TryAdd(key, here))
                    {
                        problems.Add($"listener {here} asks for port {port} that {ports[key]} already uses: Dovecot stops with \"duplicate listener\"; give one of them another port or `port = 0`",
                            listener.Configured?.Location ?? listener.Service?.Location ?? entry);
                    }

                    foreach (var connection in Connections(config, protocol))
                    {
                        if (Server(config, protocol, service, listener, port.Value, connection, protocols, entry, problems) is { } endpoint)
                        {
                            endpoints.Add(endpoint);
                        }
                    }
                }
            }
        }

        if (Outgoing(config, entry, problems) is { } client)
        {
            endpoints.Add(client);
        }

        return endpoints;
    }

    private static IEnumerable<string> ProtocolNames(Setting<string> protocols, Problems problems)
    {
        var names = protocols.Value.Split([' ', '\t', ','], StringSplitOptions.RemoveEmptyEntries);
        if (names is ["none"])
        {
            yield break;
        }

        foreach (var name in names.Distinct(StringComparer.Ordinal))
        {
            if (LoginServices.ContainsKey(name))
            {
                yield return name;
            }
            else if (!protocols.IsDefault)
            {
                problems.Add($"`{name}` in `protocols` is not a protocol Dovecot serves: it stops with \"Unknown protocol\"; use imap, pop3, submission, lmtp or sieve", protocols.Location);
            }
        }
    }

    /// <summary>The login service of a protocol, and any other service that declares <c>protocol = …</c> for it.</summary>
    private static IEnumerable<string> ServicesOf(DovecotConfig config, string protocol)
    {
        var login = LoginServices[protocol];
        yield return login;
        foreach (var s in config.Services.Values)
        {
            if (s.Name != login && s.Settings.TryGetValue("protocol", out var p) && p.Value.Trim() == protocol)
            {
                yield return s.Name;
            }
        }
    }

    /// <summary>The built-in listeners of a service, merged by name with the configured ones, then the other configured ones.</summary>
    private static IEnumerable<ListenerView> Listeners(DovecotConfig config, string service)
    {
        var configured = config.Services.GetValueOrDefault(service);
        var builtIn = BuiltInListeners.GetValueOrDefault(service) ?? [];
        foreach (var (name, port, ssl) in builtIn)
        {
            yield return new ListenerView(service, name, port, ssl, configured, configured?.InetListeners.FirstOrDefault(l => l.Name == name));
        }

        foreach (var l in configured?.InetListeners ?? [])
        {
            if (!builtIn.Any(b => b.Name == l.Name))
            {
                yield return new ListenerView(service, l.Name, 0, false, configured, l);
            }
        }
    }

    private static int? Port(ListenerView listener, Problems problems)
    {
        if (listener.Configured?.Settings.GetValueOrDefault("port") is not { } port)
        {
            return listener.DefaultPort;
        }

        if (int.TryParse(port.Value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p <= 65535)
        {
            return p;
        }

        problems.Add($"`port = {port.RawText}` is not a port number: Dovecot stops with a fatal error", port.Location);
        return null;
    }

    /// <summary>
    /// The global view, plus one per connection filter that changes TLS settings for this protocol. A
    /// <c>local_name</c> block that only names a certificate is not a variant: its certificate joins every endpoint.
    /// </summary>
    private static IEnumerable<DovecotFilter> Connections(DovecotConfig config, string protocol)
    {
        yield return DovecotFilter.Global;
        var seen = new HashSet<DovecotFilter>();
        foreach (var (filter, settings) in config.Filters)
        {
            var connection = filter.Connection;
            if (connection.IsGlobal || !filter.MatchesProtocol(protocol) || IsCertificateOnlySni(filter, settings) || IsLoopback(connection))
            {
                continue;
            }

            if (settings.Keys.Any(DovecotVocabulary.IsTlsRelevant) && seen.Add(connection))
            {
                yield return connection;
            }
        }
    }

    /// <summary>
    /// A filter for connections from or to the host itself: they never cross a network, and Dovecot counts them as
    /// secured anyway (mailcow's `remote 127.0.0.1 { disable_plaintext_auth = no }`).
    /// </summary>
    private static bool IsLoopback(DovecotFilter connection)
    {
        static bool Loopback(string? net) => net is not null
            && (net.StartsWith("127.", StringComparison.Ordinal) || net is "::1" or "::1/128" or "[::1]" or "localhost");
        return (connection.Remote is null || Loopback(connection.Remote)) && (connection.Local is null || Loopback(connection.Local))
            && (connection.Remote is not null || connection.Local is not null);
    }

    private static bool IsCertificateOnlySni(DovecotFilter filter, Dictionary<string, DovecotValue> settings) =>
        filter.LocalName is not null && filter.Local is null && filter.Remote is null
        && settings.Keys.Where(DovecotVocabulary.IsTlsRelevant).All(CertificateNames.Contains);

    private static TlsEndpoint? Server(DovecotConfig config, string protocol, string service, ListenerView listener, int port,
        DovecotFilter connection, Setting<string> protocols, SourceLocation entry, Problems problems)
    {
        var anchor = listener.Configured?.Location ?? listener.Service?.Location ?? (protocols.IsDefault ? entry : protocols.Location);
        var ctx = new DovecotContext(config, protocol, connection, entry);
        var handshake = HandshakeContext(ctx, config, protocol, connection, entry);
        var listenerSsl = ListenerSsl(listener, anchor, config.Version, problems);
        var ssl = ctx.Ssl();
        var sslValue = SslValue(ssl, problems);
        if (listenerSsl.Value && config.Global("ssl")?.Value.Trim() == "no")
        {
            return null; // master does not create implicit-TLS listeners while TLS is off globally
        }

        var hasLogin = protocol != "lmtp";
        var cleartext = CleartextAllowed(ctx, problems);
        var mechanisms = ctx.Get("auth_mechanisms");
        var mode = Mode(listenerSsl, ssl, sslValue, hasLogin, cleartext, mechanisms);
        var name = $"{service}/{listener.Name ?? port.ToString(CultureInfo.InvariantCulture)}" + (connection.IsGlobal ? string.Empty : $" [{connection}]");
        var settings = new Dictionary<string, Setting<string>>(StringComparer.Ordinal);
        var endpoint = Common(ctx, handshake, config, protocol, connection, problems) with
        {
            Name = name,
            Role = EndpointRole.Server,
            Ports = [port],
            Address = Address(listener, ctx),
            Anchor = anchor,
            Mode = mode,
            AuthEnabled = hasLogin ? mechanisms.Map(m => m.Trim().Length > 0) : null,
            AuthBeforeTls = hasLogin && mode.Value != TlsMode.Implicit ? cleartext.Map(allowed => allowed && sslValue != "required") : null,
            TlsExemptNetworks = hasLogin ? ExemptNetworks(ctx, sslValue) : null,
            TlsLogging = hasLogin ? ctx.Get("login_log_format_elements").Map(LogsCipher) : null,
        };

        // What the handshake starts with comes from the context without the SNI name, whatever the name's block says.
        foreach (var (key, value) in ctx.Used.Concat(handshake.Used.Where(u => u.Key != "ssl_cipher_list")))
        {
            settings[key] = value;
        }

        settings["inet_listener ssl"] = listenerSsl.Map(v => v ? "yes" : "no");
        return endpoint with { Settings = settings };
    }

    /// <summary>
    /// The settings a connection starts its handshake with. A client's SNI name arrives inside the handshake: the login
    /// process then looks its settings up again with that <c>local_name</c> and moves the connection to the name's
    /// SSL_CTX (<c>SSL_set_SSL_CTX</c>). That brings the name's certificate, key, CA, DH parameters and security level,
    /// and its TLS 1.2-and-older cipher list (the connection has no list of its own, and OpenSSL picks those suites after
    /// the SNI callback); but the versions, the TLS 1.3 suites (picked before the callback), curves and options were
    /// copied into the connection from the settings without the name. Seen live with Dovecot 2.3.19.1 and OpenSSL 3.0.
    /// </summary>
    private static DovecotContext HandshakeContext(DovecotContext ctx, DovecotConfig config, string protocol,
        DovecotFilter connection, SourceLocation entry) =>
        connection.LocalName is null ? ctx : new DovecotContext(config, protocol, connection with { LocalName = null }, entry);

    /// <summary>A value a <c>local_name</c> block writes that the handshake does not use (see <see cref="HandshakeContext"/>).</summary>
    private static Setting<string>? Ignored(DovecotContext ctx, DovecotContext handshake, string name)
    {
        if (ReferenceEquals(ctx, handshake))
        {
            return null;
        }

        // The endpoint's settings still show what applies: the handshake's values are merged over these.
        var written = ctx.Get(name);
        return written is { Origin: SettingOrigin.Explicit } && written.Location != handshake.Get(name).Location ? written : null;
    }

    /// <summary>The protocol setting of the release: 2.3+ <c>ssl_min_protocol</c>, 2.2 <c>ssl_protocols</c>.</summary>
    private static Setting<ProtocolSelection> Protocols(DovecotContext ctx) =>
        DovecotVersions.HasMinProtocol(ctx.Version)
            ? ctx.Get("ssl_min_protocol").Map(DovecotProtocols.FromMinimum)
            : ctx.Get("ssl_protocols").Map(DovecotProtocols.FromList);

    /// <summary>
    /// What every endpoint of a context shares: protocols, TLS 1.3 suites, curves and options from the
    /// <paramref name="handshake"/> context; the cipher list, certificates, CA, DH parameters and key password from
    /// <paramref name="ctx"/> (they differ only for a <c>local_name</c> variant, see <see cref="HandshakeContext"/>).
    /// </summary>
    private static TlsEndpoint Common(DovecotContext ctx, DovecotContext handshake, DovecotConfig config, string? protocol,
        DovecotFilter connection, Problems problems)
    {
        var v = config.Version;
        var protocols = Protocols(handshake);
        var written = ReferenceEquals(ctx, handshake) ? null : Protocols(ctx);
        var suites = v >= DovecotVersions.V2_3_15 ? handshake.Get("ssl_cipher_suites") : null;
        var curves = DovecotVersions.HasMinProtocol(v) ? handshake.Get("ssl_curve_list") : null;
        var dh = DovecotVersions.Is24(v) ? ctx.Get("ssl_server_dh_file", "ssl_dh") : ctx.Get("ssl_dh", "ssl_server_dh_file");
        var options = handshake.Get("ssl_options");
        var flags = SslOptions(options, v, problems);
        return new TlsEndpoint
        {
            Name = string.Empty,
            Product = Product.Dovecot,
            Role = EndpointRole.Server,
            Ports = [],
            Anchor = ctx.Default("ssl").Location,
            Mode = ctx.Default("ssl").Map(_ => TlsMode.None),
            Protocols = protocols,
            IgnoredProtocols = written is { Origin: SettingOrigin.Explicit } && written.Location != protocols.Location ? written : null,
            IgnoredTls13Ciphers = suites is null ? null : Ignored(ctx, handshake, "ssl_cipher_suites"),
            IgnoredCurves = curves is null ? null : Ignored(ctx, handshake, "ssl_curve_list"),
            Ciphers = ctx.Get("ssl_cipher_list").Map(CipherSelection.FromString),
            Tls13Ciphers = suites is { } s && s.Value.Trim().Length > 0 ? s : null,
            Curves = curves is { } c && c.Value.Trim().Length > 0 ? c : null,
            ServerCipherPreference = ServerPreference(handshake, problems),
            Certificates = Certificates(ctx, config, protocol, connection),
            CaFiles = CaFiles(ctx, config.Version, protocol),
            DhParameters = dh.Value.Trim().Length > 0 ? dh : null,
            DhParameterLength = DhLength(ctx, v, problems),
            Dhe = dh.Map(value => Dhe(value, dh.Name, v)),

            // "Failed to initialize SSL server context" in the login process: the listener stays, every handshake fails.
            OnKeyRefused = DovecotVersions.HasMinProtocol(v) ? new KeyRefusalHandling(KeyRefusal.TlsFails, KeyRefusal.TlsFails) : null,
            OwnProtocolBounds = DovecotVersions.HasMinProtocol(v)
                ? new ProtocolBounds(true, false, $"Dovecot {v} sets the minimum from `{protocols.Name}` on every context and leaves the maximum to OpenSSL")
                : null,
            PrivateKeyPassword = protocol is null ? null : LiteralPassword(ctx),
            Compression = options.Map(_ => Compresses(flags, v, problems.OpenSsl)),
            SessionTickets = options.Map(_ => !flags.Contains("no_ticket")),
        };
    }

    /// <summary>
    /// 2.3 and later load DH parameters only from <c>ssl_dh</c>; without it the DH callback they install returns
    /// nothing, so OpenSSL picks a DHE suite for a client that prefers one and the handshake then fails. 2.2 generates
    /// parameters itself.
    /// </summary>
    private static DheSupport Dhe(string value, string name, ProductVersion version)
    {
        if (!DovecotVersions.HasMinProtocol(version))
        {
            return new DheSupport(true, $"Dovecot {version} generates DH parameters itself");
        }

        return value.Trim().Length > 0
            ? new DheSupport(true, $"Dovecot loads DH parameters from `{name}`")
            : new DheSupport(false, $"Dovecot {version} has no DH parameters without `{name}`, and fails the handshake of a client that prefers a DHE suite");
    }

    /// <summary>
    /// How TLS is offered: an <c>ssl = yes</c> listener is implicit TLS; elsewhere <c>ssl = no</c> means none,
    /// <c>required</c> means no authentication before STARTTLS, and <c>yes</c> is optional STARTTLS unless the only
    /// mechanisms send passwords and cleartext authentication is off, so that nobody can log in before STARTTLS.
    /// </summary>
    private static Setting<TlsMode> Mode(Setting<bool> listenerSsl, Setting<string> ssl, string sslValue, bool hasLogin,
        Setting<bool> cleartext, Setting<string> mechanisms)
    {
        if (listenerSsl.Value)
        {
            // A protocol block with `ssl = no` leaves the implicit-TLS port open without a TLS context to serve it.
            return sslValue == "no" ? ssl.Map(_ => TlsMode.None) : listenerSsl.Map(_ => TlsMode.Implicit);
        }

        return ssl.Map(_ => sslValue switch
        {
            "no" => TlsMode.None,
            "required" => TlsMode.StartTlsRequired,
            _ when hasLogin && !cleartext.Value && OnlyPasswordMechanisms(mechanisms.Value) => TlsMode.StartTlsRequired,
            _ => TlsMode.StartTlsOptional,
        });
    }

    /// <summary>
    /// <c>login_trusted_networks</c> count as secured connections: in 2.3 even where <c>ssl = required</c>, in 2.4 only
    /// where TLS is not required (2.4 changed that).
    /// </summary>
    private static Setting<string>? ExemptNetworks(DovecotContext ctx, string sslValue)
    {
        var networks = ctx.Get("login_trusted_networks");
        if (networks.Value.Trim().Length == 0 || (DovecotVersions.Is24(ctx.Version) && sslValue == "required"))
        {
            return null;
        }

        return networks;
    }

    /// <summary><c>%k</c> (2.4: <c>%{ssl_security}</c>) logs the TLS version and cipher of each login.</summary>
    private static bool LogsCipher(string elements) =>
        elements.Contains("%k", StringComparison.Ordinal) || elements.Contains("%{ssl_security}", StringComparison.Ordinal);

    /// <summary>A key passphrase written as text (not <c>&lt;file</c>, not <c>$ENV:…</c>).</summary>
    private static Setting<string>? LiteralPassword(DovecotContext ctx)
    {
        var password = DovecotVersions.Is24(ctx.Version)
            ? ctx.Get("ssl_server_key_password", "ssl_key_password")
            : ctx.Get("ssl_key_password", "ssl_server_key_password");
        var raw = password.RawText.Trim();
        return password.IsDefault || raw.Length == 0 || raw.StartsWith('<') || raw.Contains("$ENV:", StringComparison.Ordinal)
            ? null
            : password;
    }

    private static bool OnlyPasswordMechanisms(string mechanisms)
    {
        var names = mechanisms.Split([' ', '\t', ','], StringSplitOptions.RemoveEmptyEntries);
        return names.Length > 0 && names.All(PlaintextMechanisms.Contains);
    }

    private static Setting<bool> ListenerSsl(ListenerView listener, SourceLocation anchor, ProductVersion version, Problems problems)
    {
        if (listener.Configured?.Settings.GetValueOrDefault("ssl") is { } ssl)
        {
            return new Setting<string>(ssl.Value, SettingOrigin.Explicit, ssl.Location, "ssl", ssl.RawText).Map(v => Bool(v, ssl, problems));
        }

        var text = listener.DefaultSsl ? "yes" : "no";
        return new Setting<bool>(listener.DefaultSsl, SettingOrigin.Default, anchor, "ssl", text, version);
    }

    private static string SslValue(Setting<string> ssl, Problems problems)
    {
        var value = ssl.Value.Trim();
        if (value is "yes" or "no" or "required")
        {
            return value;
        }

        problems.Add($"`ssl = {ssl.RawText}` is not `yes`, `no` or `required` (Dovecot compares case-sensitively): it stops with \"Invalid value\"", ssl.Location);
        return "yes";
    }

    /// <summary>2.4 <c>auth_allow_cleartext = yes</c>, or ≤ 2.3 <c>disable_plaintext_auth = no</c> (the inverse).</summary>
    private static Setting<bool> CleartextAllowed(DovecotContext ctx, Problems problems)
    {
        var s = DovecotVersions.Is24(ctx.Version)
            ? ctx.Get("auth_allow_cleartext", "disable_plaintext_auth")
            : ctx.Get("disable_plaintext_auth", "auth_allow_cleartext");
        var yes = s.IsDefault ? s.Value.Trim() == "yes" : Bool(s, problems);
        var inverted = s.Name == "disable_plaintext_auth";
        return s.Map(_ => inverted ? !yes : yes);
    }

    private static Setting<bool> ServerPreference(DovecotContext ctx, Problems problems)
    {
        var s = DovecotVersions.Is24(ctx.Version)
            ? ctx.Get("ssl_server_prefer_ciphers", "ssl_prefer_server_ciphers")
            : ctx.Get("ssl_prefer_server_ciphers", "ssl_server_prefer_ciphers");
        if (s.Name == "ssl_server_prefer_ciphers")
        {
            var v = s.Value.Trim();
            if (v is not ("server" or "client"))
            {
                problems.Add($"`ssl_server_prefer_ciphers = {s.RawText}` is not `server` or `client`: Dovecot stops with \"Invalid value\"", s.Location);
            }

            return s.Map(_ => v == "server");
        }

        return s.Map(_ => !s.IsDefault ? Bool(s, problems) : s.Value.Trim() == "yes");
    }

    private static Setting<int>? DhLength(DovecotContext ctx, ProductVersion version, Problems problems)
    {
        if (version >= DovecotVersions.V2_3 || version < DovecotVersions.V2_2_7)
        {
            return null;
        }

        var s = ctx.Get("ssl_dh_parameters_length");
        if (int.TryParse(s.Value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var bits))
        {
            return s.Map(_ => bits);
        }

        problems.Add($"`ssl_dh_parameters_length = {s.RawText}` is not a number of bits: Dovecot stops with a fatal error", s.Location);
        return null;
    }

    /// <summary>
    /// <c>ssl_options</c> flags. 2.2 compresses unless <c>no_compression</c>; 2.3 and later only with
    /// <c>compression</c>. An unknown flag is fatal.
    /// </summary>
    private static HashSet<string> SslOptions(Setting<string> options, ProductVersion version, Problems problems)
    {
        var flags = options.Value.Split([' ', '\t', ','], StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        foreach (var flag in flags)
        {
            var known = flag is "no_compression" or "no_ticket" || (flag == "compression" && DovecotVersions.HasMinProtocol(version));
            if (!known)
            {
                problems.Add($"`{flag}` in `ssl_options` is not a flag Dovecot {version} knows: it stops with \"ssl_options: unknown flag\"", options.Location);
            }
        }

        return flags;
    }

    /// <summary>
    /// 2.3 and later clear OpenSSL's "no compression" option only for <c>ssl_options = compression</c>; 2.2 leaves
    /// the library's default unless <c>no_compression</c>, and OpenSSL compresses by default only before 1.1.0.
    /// </summary>
    private static bool Compresses(HashSet<string> flags, ProductVersion version, ProductVersion openSsl) =>
        DovecotVersions.HasMinProtocol(version)
            ? flags.Contains("compression")
            : !flags.Contains("no_compression") && openSsl < new ProductVersion(1, 1, 0);

    private static List<CertificateReference> Certificates(DovecotContext ctx, DovecotConfig config, string? protocol, DovecotFilter connection)
    {
        var is24 = DovecotVersions.Is24(config.Version);
        var result = new List<CertificateReference>();
        if (protocol is null)
        {
            // Outgoing connections present the client certificate, if any.
            Pair(ctx, result, is24, "client", "ssl_client_cert_file", "ssl_client_cert", "ssl_client_key_file", "ssl_client_key");
            return result;
        }

        Pair(ctx, result, is24, "default", "ssl_server_cert_file", "ssl_cert", "ssl_server_key_file", "ssl_key");
        Pair(ctx, result, is24, "alt", "ssl_server_alt_cert_file", "ssl_alt_cert", "ssl_server_alt_key_file", "ssl_alt_key");

        foreach (var (filter, settings) in config.Filters)
        {
            if (filter.LocalName is null || filter.Local is not null || filter.Remote is not null || !filter.MatchesProtocol(protocol)
                || filter.LocalName == connection.LocalName
                || !settings.Keys.Any(k => k is "ssl_cert" or "ssl_server_cert_file"))
            {
                continue;
            }

            var sni = new DovecotContext(config, protocol, filter.Connection, ctx.Default("ssl").Location);
            Pair(sni, result, is24, "sni:" + filter.LocalName, "ssl_server_cert_file", "ssl_cert", "ssl_server_key_file", "ssl_key");
        }

        return result;
    }

    /// <summary>The CA file the server verifies client certificates with (<c>ssl_ca</c>), or outgoing connections their servers.</summary>
    private static List<Setting<string>> CaFiles(DovecotContext ctx, ProductVersion version, string? protocol)
    {
        var ca = protocol is null
            ? ctx.Get("ssl_client_ca_file")
            : DovecotVersions.Is24(version) ? ctx.Get("ssl_server_ca_file", "ssl_ca") : ctx.Get("ssl_ca", "ssl_server_ca_file");
        return ca.Value.Trim().Length == 0 ? [] : [ca.Map(v => v.Trim())];
    }

    private static void Pair(DovecotContext ctx, List<CertificateReference> result, bool is24, string kind,
        string cert24, string cert23, string key24, string key23)
    {
        var cert = is24 ? ctx.Get(cert24, cert23) : ctx.Get(cert23, cert24);
        if (cert.Value.Trim().Length == 0)
        {
            return;
        }

        var key = is24 ? ctx.Get(key24, key23) : ctx.Get(key23, key24);
        result.Add(new CertificateReference(cert.Map(v => v.Trim()), key.Value.Trim().Length == 0 ? null : key.Map(v => v.Trim()), kind));
    }

    private static string? Address(ListenerView listener, DovecotContext ctx)
    {
        if (listener.Configured?.Settings.GetValueOrDefault("address") is { } address && address.Value.Trim().Length > 0)
        {
            return address.Value.Trim();
        }

        var listen = ctx.Get("listen");
        return listen.IsDefault || listen.Value.Trim() is "*" or "*, ::" or "* ::" or "*, [::]" ? null : listen.Value.Trim();
    }

    /// <summary>
    /// Dovecot's outgoing TLS (proxying, imapc, pop3c, submission relay, doveadm) as one client endpoint, when the tree
    /// turns one of them on or writes an <c>ssl_client_*</c> setting.
    /// </summary>
    private static TlsEndpoint? Outgoing(DovecotConfig config, SourceLocation entry, Problems problems)
    {
        var globals = config.Filters[DovecotFilter.Global];
        var trigger = OutgoingSwitches.Select(globals.GetValueOrDefault)
            .FirstOrDefault(v => v is not null && v.Value.Trim() is not ("" or "no"))
            ?? globals.Values.Where(v => v.Name.StartsWith("ssl_client_", StringComparison.Ordinal)).MinBy(v => v.Sequence);
        if (trigger is null)
        {
            return null;
        }

        var ctx = new DovecotContext(config, null, DovecotFilter.Global, entry);
        var verify = ctx.Get("ssl_client_require_valid_cert");
        var endpoint = Common(ctx, ctx, config, null, DovecotFilter.Global, problems) with
        {
            Name = "outgoing",
            Role = EndpointRole.Client,
            Anchor = trigger.Location,
            Mode = new Setting<TlsMode>(TlsMode.StartTlsOptional, SettingOrigin.Inherited, trigger.Location, trigger.WrittenName, trigger.RawText),
            ServerCipherPreference = ctx.Default("ssl_prefer_server_ciphers").Map(_ => false),
            VerifyPeer = verify.Map(_ => verify.IsDefault ? verify.Value.Trim() == "yes" : Bool(verify, problems)),
        };
        return endpoint with { Settings = new Dictionary<string, Setting<string>>(ctx.Used) };
    }

    private static bool Bool(Setting<string> s, Problems problems) => Bool(s.Value, s, problems);

    private static bool Bool(string value, object source, Problems problems)
    {
        var v = value.Trim();
        if (v is "yes" or "no")
        {
            return v == "yes";
        }

        var (name, raw, at) = source switch
        {
            Setting<string> s => (s.Name, s.RawText, s.Location),
            DovecotValue d => (d.WrittenName, d.RawText, d.Location),
            _ => (string.Empty, value, default(SourceLocation)),
        };
        problems.Add($"`{name} = {raw}` is not `yes` or `no`: Dovecot stops with \"Invalid boolean value\"", at);
        return false;
    }

    /// <summary>A listener as the master process sees it: built-in values overlaid by the configured block, if any.</summary>
    private sealed record ListenerView(string ServiceName, string? Name, int DefaultPort, bool DefaultSsl, DovecotService? Service, DovecotListener? Configured);

    /// <summary>Value problems found while resolving, each reported once however many endpoints share the line.</summary>
    private sealed class Problems(List<ConfigDiagnostic> diagnostics, ProductVersion openSsl)
    {
        /// <summary>The assumed OpenSSL (carried here because every resolving step has this object at hand).</summary>
        public ProductVersion OpenSsl { get; } = openSsl;

        private readonly HashSet<(string, SourceLocation)> _seen = [];

        public void Add(string message, SourceLocation at)
        {
            if (at.File is not null && _seen.Add((message, at)))
            {
                diagnostics.Add(new ConfigDiagnostic(DiagnosticKind.ParseError, message, at, Fatal: true));
            }
        }
    }
}
