using System.Globalization;
using System.Net;
using Tlslint.Analysis;
using Tlslint.Text;
using Tlslint.Tls;
using Tlslint.Tls.OpenSsl;

namespace Tlslint.Model.Apache;

/// <summary>
/// Turns what httpd read into endpoints: one server endpoint per <c>&lt;VirtualHost&gt;</c> (TLS when
/// <c>SSLEngine on</c> is set there or inherited from the main server), the main server when it serves ports no
/// virtual host takes, and a client endpoint wherever <c>SSLProxyEngine on</c> applies. mod_ssl values merge main
/// server → virtual host as ssl_config_server_merge() does (formats.md §4.4).
/// </summary>
public static class ApacheResolver
{
    private const string SslProtocol = "SSLProtocol";
    private const string SslCipherSuite = "SSLCipherSuite";
    private const string ConfCmd = "SSLOpenSSLConfCmd";
    private static readonly ProductVersion NoOptionalEngine = new(2, 4, 64);
    private static readonly ProductVersion EngineOverridesListen = new(2, 4, 10);

    public static ConfigTree Resolve(string root, ApacheConfiguration config, AssumedVersion version, Assumptions assumptions)
    {
        var httpd = version.Version;
        var openSsl = assumptions.OpenSsl.Version;
        var diagnostics = new List<ConfigDiagnostic>(config.Diagnostics);
        var byScope = config.Directives.GroupBy(d => d.Scope.Id).ToDictionary(g => g.Key, g => (IReadOnlyList<ApacheActiveDirective>)g.ToList());
        IReadOnlyList<ApacheActiveDirective> Of(ApacheScope scope) => byScope.TryGetValue(scope.Id, out var list) ? list : [];

        var server = Of(config.Server);
        var listens = ListenPorts(server);
        ModulesMissing(config, diagnostics);
        NotAllowedPerRequest(config, diagnostics);
        ApacheConfCommands.Check(config.Directives, openSsl, diagnostics);

        var endpoints = new List<TlsEndpoint>();
        var covered = new HashSet<int>();
        var wildcard = false;
        var firstOnAddress = new Dictionary<string, TlsEndpoint>(StringComparer.OrdinalIgnoreCase);
        foreach (var vhost in config.VirtualHosts)
        {
            var own = Of(vhost);
            var (ports, address, anyPort) = VirtualHostPorts(vhost.Arguments, listens);
            covered.UnionWith(ports);
            wildcard |= anyPort;
            var serverName = LastArgument(own, "ServerName");
            var name = serverName ?? $"<VirtualHost {string.Join(" ", vhost.Arguments)}>";
            var view = new ApacheView(own, server, vhost.Open, httpd, diagnostics);
            var index = endpoints.Count;
            AddEndpoints(endpoints, view, name, ports, address, vhost.Open, server, httpd, openSsl, ServerProtocol(view, vhost.Arguments, server));
            var shared = vhost.Arguments.Select(a => (Address: a, First: firstOnAddress.GetValueOrDefault(a))).FirstOrDefault(f => f.First is not null);
            foreach (var a in vhost.Arguments)
            {
                firstOnAddress.TryAdd(a, endpoints[index]);
            }

            if (shared.First is { } first && first.Mode.Value != TlsMode.None)
            {
                endpoints[index] = WithDefaultHostOptions(endpoints[index], first, shared.Address);
            }
        }

        var mainPorts = config.VirtualHosts.Count == 0 ? listens : wildcard ? [] : listens.Where(p => !covered.Contains(p)).ToList();
        if (config.VirtualHosts.Count == 0 || mainPorts.Count > 0)
        {
            var engine = server.LastOrDefault(d => d.Is("SSLEngine"));
            var anchor = engine?.Location ?? config.Server.Open;
            var serverName = LastArgument(server, "ServerName");
            var view = new ApacheView(server, [], anchor, httpd, diagnostics);
            AddEndpoints(endpoints, view, serverName is null ? "main server" : $"main server {serverName}", mainPorts, null, anchor,
                server, httpd, openSsl, ServerProtocol(view, null, server));
        }

        return new ConfigTree
        {
            Product = Product.Apache,
            Root = root,
            Files = config.Files,
            Directives = Directives(config, httpd),
            Endpoints = endpoints,
            Diagnostics = diagnostics,
            Version = version,
            GlobalScope = config.Entry is null ? null : new SourceLocation(config.Entry, null),
            Blocks = config.VirtualHosts.Where(v => v.Block is not null)
                .Select(v => new ConfigBlock(v.Block!.Value, $"<VirtualHost {string.Join(" ", v.Arguments)}>"))
                .ToList(),
            ReferenceBase = ReferenceBase(config),
        };
    }

    /// <summary>
    /// httpd opens relative file names (certificates, keys, CA and DH files) from ServerRoot. The reader's ServerRoot is
    /// already a path on this machine (under <c>--root</c> when given), so it is handed on relative to the entry file's
    /// directory, where the file checks start relative bases, and is not mapped a second time.
    /// </summary>
    private static string? ReferenceBase(ApacheConfiguration config) =>
        config.Files.Count == 0 || config.ServerRoot.Length == 0
            ? null
            : Path.GetRelativePath(Path.GetDirectoryName(config.Files[0].FullPath)!, config.ServerRoot);

    private static void AddEndpoints(List<TlsEndpoint> endpoints, ApacheView view, string name, IReadOnlyList<int> ports,
        string? address, SourceLocation anchor, IReadOnlyList<ApacheActiveDirective> server, ProductVersion httpd, ProductVersion openSsl,
        ServedProtocol protocol)
    {
        var endpoint = Server(view, name, ports, address, anchor, server, httpd, openSsl, protocol);
        endpoints.Add(endpoint);
        var proxy = view.Flag("SSLProxyEngine", false);
        if (proxy.Value)
        {
            endpoints.Add(Client(view, $"proxy of {name}", proxy, httpd, openSsl));
        }
    }

    private static TlsEndpoint Server(ApacheView view, string name, IReadOnlyList<int> ports, string? address, SourceLocation anchor,
        IReadOnlyList<ApacheActiveDirective> server, ProductVersion httpd, ProductVersion openSsl, ServedProtocol protocol)
    {
        var certificates = Certificates(view);
        var mode = Mode(view, httpd, protocol, certificates.Count > 0);
        var commands = Commands(view);
        var stapling = view.Flag("SSLUseStapling", false);
        var staplingCache = server.LastOrDefault(d => d.Is("SSLStaplingCache"));
        var ticketKey = view.Find("SSLSessionTicketKeyFile").Directive;
        var tickets = WithOption(view, commands, "SessionTicket", view.Flag("SSLSessionTickets", true));
        var dhCommand = LastCommand(view, commands, "DHParameters");
        return new TlsEndpoint
        {
            Name = name,
            Product = Product.Apache,
            Role = EndpointRole.Server,
            Ports = ports,
            Address = address,
            Anchor = anchor,
            Mode = mode,
            Protocols = Protocols(view, SslProtocol, commands, httpd, openSsl),
            Ciphers = Ciphers(view, SslCipherSuite, commands, httpd),
            ServerCipherPreference = WithOption(view, commands, "ServerPreference", view.Flag("SSLHonorCipherOrder", false)),
            Certificates = certificates,
            CaFiles = CaFiles(view, "SSLCACertificateFile"),
            Compression = Compression(view, httpd, openSsl),
            SessionTickets = tickets,
            // mod_ssl never rotates ticket keys: one key (random, or from SSLSessionTicketKeyFile) serves until restart.
            SessionTicketKeyRotation = ticketKey is null
                ? tickets.Map(_ => false)
                : new Setting<bool>(false, SettingOrigin.Explicit, ticketKey.Location, "SSLSessionTicketKeyFile", ticketKey.ArgumentText),
            InsecureRenegotiation = WithOption(view, commands, "UnsafeLegacyRenegotiation", view.Flag("SSLInsecureRenegotiation", false)),
            Tls13Ciphers = Tls13Ciphers(view, commands),
            Curves = LastCommand(view, commands, "Curves", "Groups", "ECDHParameters"),
            // Without the OpenSSL command, mod_ssl looks for DH parameters appended to the first certificate file.
            DhParameters = dhCommand ?? certificates.FirstOrDefault()?.Certificate,
            Dhe = dhCommand is not null
                ? dhCommand.Map(_ => new DheSupport(true, "mod_ssl loads DH parameters from `SSLOpenSSLConfCmd DHParameters`"))
                : mode.Map(_ => new DheSupport(true, "mod_ssl uses DH parameters appended to the certificate file, or else automatic ones")),
            OwnProtocolBounds = OwnBounds(SslProtocol),

            // A refused certificate or DHParameters command stops httpd (AH02562, AH02407); parameters appended to the
            // certificate file that OpenSSL refuses are dropped and automatic ones used instead.
            OnKeyRefused = new KeyRefusalHandling(KeyRefusal.ServerDoesNotStart, dhCommand is null ? KeyRefusal.Ignored : KeyRefusal.ServerDoesNotStart),
            Hsts = Hsts(view),
            OcspStapling = stapling,
            OcspStaplingMissing = stapling.Value && staplingCache is null
                ? "`SSLStaplingCache` in the main server configuration (httpd refuses to start with \"SSLStapling: no stapling cache available\")"
                : null,
            Settings = new Dictionary<string, Setting<string>>(view.Used),
        };
    }

    /// <summary>
    /// With OpenSSL 1.1 and later mod_ssl turns the protocol set into a floor and a ceiling and sets both on every
    /// context (ssl_init_ctx_protocol), so a system <c>openssl.cnf</c> MinProtocol/MaxProtocol never applies.
    /// </summary>
    private static ProtocolBounds OwnBounds(string directive) =>
        new(true, true, $"mod_ssl sets both bounds from `{directive}` on every context");

    private static TlsEndpoint Client(ApacheView view, string name, Setting<bool> engine, ProductVersion httpd, ProductVersion openSsl)
    {
        var verify = view.Get("SSLProxyVerify", "none");
        var level = verify.Value.Split(' ', 2)[0].ToLowerInvariant();
        if (!verify.IsDefault && level is not ("none" or "optional" or "require" or "optional_no_ca"))
        {
            view.Problem($"`SSLProxyVerify {verify.RawText}` is not `none`, `optional`, `require` or `optional_no_ca`: httpd refuses to start", verify.Location);
        }

        return new TlsEndpoint
        {
            Name = name,
            Product = Product.Apache,
            Role = EndpointRole.Client,
            Ports = [],
            Anchor = engine.Location,
            Mode = engine.Map(_ => TlsMode.Implicit),
            Protocols = Protocols(view, "SSLProxyProtocol", [], httpd, openSsl),
            OwnProtocolBounds = OwnBounds("SSLProxyProtocol"),
            Ciphers = Ciphers(view, "SSLProxyCipherSuite", [], httpd),
            ServerCipherPreference = new Setting<bool>(false, SettingOrigin.Default, engine.Location, "SSLHonorCipherOrder", "off", httpd),
            VerifyPeer = verify.Map(_ => level is "require" or "optional"),
            VerifyPeerName = view.Flag("SSLProxyCheckPeerName", true),
            CaFiles = CaFiles(view, "SSLProxyCACertificateFile"),
            Settings = new Dictionary<string, Setting<string>>(view.Used),
        };
    }

    /// <summary>
    /// A name-based virtual host's connection starts in the context of the first virtual host of its address, and when
    /// SNI picks another host mod_ssl only adds that host's OpenSSL options (SSL_set_options ORs them): server cipher
    /// order, no session tickets and unsafe legacy renegotiation set by the first host stay in force for every name
    /// on the address. Its protocols and ciphers are its own (the live httpd 2.4.71 showed both).
    /// </summary>
    private static TlsEndpoint WithDefaultHostOptions(TlsEndpoint endpoint, TlsEndpoint first, string address)
    {
        var settings = new Dictionary<string, Setting<string>>(endpoint.Settings);
        Setting<bool> Take(Setting<bool> theirs, string key)
        {
            var taken = new Setting<bool>(theirs.Value, SettingOrigin.Inherited, theirs.Location, theirs.Name,
                $"{theirs.RawText} (in force for every name on `{address}`: {first.Name} is its first virtual host)");
            settings[key] = taken.Map(v => v ? "on" : "off");
            return taken;
        }

        var order = endpoint.ServerCipherPreference;
        if (!order.Value && first.ServerCipherPreference.Value)
        {
            order = Take(first.ServerCipherPreference, "SSLHonorCipherOrder");
        }

        var tickets = endpoint.SessionTickets;
        if (tickets is { Value: true } && first.SessionTickets is { Value: false } noTickets)
        {
            tickets = Take(noTickets, "SSLSessionTickets");
        }

        var renegotiation = endpoint.InsecureRenegotiation;
        if (renegotiation is { Value: false } && first.InsecureRenegotiation is { Value: true } unsafeRenegotiation)
        {
            renegotiation = Take(unsafeRenegotiation, "SSLInsecureRenegotiation");
        }

        return endpoint with
        {
            ServerCipherPreference = order,
            SessionTickets = tickets,
            InsecureRenegotiation = renegotiation,
            Settings = settings,
        };
    }

    /// <summary>
    /// OpenSSL 1.1.0 and later are built without compression methods (Debian's too), and mod_ssl then refuses
    /// <c>SSLCompression on</c> when it reads the configuration.
    /// </summary>
    private static Setting<bool> Compression(ApacheView view, ProductVersion httpd, ProductVersion openSsl)
    {
        var compression = view.Flag("SSLCompression", ApacheDefaults.Compression(httpd));
        if (compression.Value && !compression.IsDefault && openSsl >= new ProductVersion(1, 1, 0))
        {
            view.Problem($"`SSLCompression {compression.RawText}`: OpenSSL {openSsl} has no compression methods, so httpd refuses to start (\"cannot enable SSLCompression\"); remove the line", compression.Location);
        }

        return compression;
    }

    /// <summary>
    /// <c>SSLEngine</c>, or when neither the server nor the main server sets it, mod_ssl's own default: on for a server
    /// whose protocol is <c>https</c> and that has a certificate (ssl_init_Module), off otherwise. Before 2.4.10 the
    /// <c>https</c> protocol turned TLS on even over <c>SSLEngine off</c>.
    /// </summary>
    private static Setting<TlsMode> Mode(ApacheView view, ProductVersion httpd, ServedProtocol protocol, bool hasCertificate)
    {
        var engine = view.Get("SSLEngine", "off");
        if (protocol is { IsHttps: true, Source: { } source } && (httpd < EngineOverridesListen || (engine.IsDefault && hasCertificate)))
        {
            var on = new Setting<TlsMode>(TlsMode.Implicit, SettingOrigin.Default, source.Location, "SSLEngine",
                $"on (`{source.Name} {source.ArgumentText}`)", httpd);
            view.Record("SSLEngine", on.Map(_ => "on"));
            return on;
        }

        var word = engine.Value.Split(' ', 2)[0].ToLowerInvariant();
        return engine.Map(_ => word switch
        {
            "on" => TlsMode.Implicit,
            "off" => TlsMode.None,
            "optional" when httpd < NoOptionalEngine => TlsMode.StartTlsOptional,
            _ => Refused(view, engine),
        });
    }

    private static TlsMode Refused(ApacheView view, Setting<string> engine)
    {
        view.Problem($"`SSLEngine {engine.RawText}` must be `on` or `off`: httpd refuses to start", engine.Location);
        return TlsMode.None;
    }

    /// <summary>
    /// <c>SSLOpenSSLConfCmd Options</c> after mod_ssl's own flag: OpenSSL applies the commands last, so an option
    /// named in the comma-separated list (names compared case-insensitively, <c>-</c> clears) replaces what
    /// SSLHonorCipherOrder, SSLSessionTickets or SSLInsecureRenegotiation set. Seen on the live httpd for
    /// <c>ServerPreference</c> and <c>SessionTicket</c>.
    /// </summary>
    private static Setting<bool> WithOption(ApacheView view, List<(ApacheActiveDirective Directive, SettingOrigin Origin)> commands,
        string option, Setting<bool> flag)
    {
        foreach (var (command, origin) in commands.Where(c => c.Directive.Arguments[0].Equals("Options", StringComparison.OrdinalIgnoreCase)))
        {
            foreach (var item in command.Arguments[1].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var off = item.StartsWith('-');
                if (item.TrimStart('-', '+').Equals(option, StringComparison.OrdinalIgnoreCase))
                {
                    flag = new Setting<bool>(!off, origin, command.Location, ConfCmd, command.ArgumentText);
                    view.Record($"{ConfCmd} Options {option}", flag.Map(v => v ? "on" : "off"));
                }
            }
        }

        return flag;
    }

    /// <summary>SSLOpenSSLConfCmd name/value pairs in the order OpenSSL applies them: main server first.</summary>
    private static List<(ApacheActiveDirective Directive, SettingOrigin Origin)> Commands(ApacheView view) =>
        view.Appended(ConfCmd).Where(c => c.Directive.Arguments.Count == 2).ToList();

    private static Setting<ProtocolSelection> Protocols(ApacheView view, string directive,
        List<(ApacheActiveDirective Directive, SettingOrigin Origin)> commands, ProductVersion httpd, ProductVersion openSsl)
    {
        var written = view.Get(directive, ApacheDefaults.Protocol(httpd));
        var (found, _) = view.Find(directive);
        var words = found?.Arguments ?? written.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var setting = written.Map(_ => ApacheProtocols.Parse(words, httpd, openSsl, directive));
        if (!setting.Value.IsValid)
        {
            view.Problem($"`{directive} {written.RawText}`: {setting.Value.Problem}; write e.g. `{setting.Value.Recommended}`", written.Location);
            return setting;
        }

        foreach (var (command, origin) in commands.Where(c => SslConfCommands.IsProtocolCommand(c.Directive.Arguments[0])))
        {
            var enabled = ApacheProtocols.ApplyCommand(setting.Value.Enabled, command.Arguments[0], command.Arguments[1]);
            setting = new Setting<ProtocolSelection>(setting.Value with { Enabled = enabled }, origin, command.Location, ConfCmd,
                command.ArgumentText);
            view.Record($"{ConfCmd} {command.Arguments[0]}", setting.Map(s => s.Enabled.ToString()));
        }

        return setting;
    }

    /// <summary>
    /// <c>SSLCipherSuite [SSL] spec</c> (httpd appends <c>:!aNULL:!eNULL:!EXP</c> since 2.4.7); a later
    /// <c>SSLOpenSSLConfCmd CipherString</c> replaces it as OpenSSL receives it, with the same words appended since 2.4.17.
    /// </summary>
    private static Setting<CipherSelection> Ciphers(ApacheView view, string directive,
        List<(ApacheActiveDirective Directive, SettingOrigin Origin)> commands, ProductVersion httpd)
    {
        foreach (var wrong in view.Appended(directive).Select(d => d.Directive)
                     .Where(d => d.Arguments.Count == 2 && d.Arguments[0] is not ("SSL" or "TLSv1.3")))
        {
            view.Problem($"`{directive} {wrong.ArgumentText}`: httpd knows only the protocol words `SSL` and `TLSv1.3` (case matters) and refuses to start", wrong.Location);
        }

        var written = view.Get(directive, ApacheDefaults.CipherSuite(httpd), IsTls12Suite);
        var spec = written.IsDefault ? written.Value : view.Find(directive, IsTls12Suite).Directive!.Arguments[^1] + ApacheDefaults.CipherSuffix(httpd);
        var setting = written.Map(_ => CipherSelection.FromString(spec));
        var command = commands.LastOrDefault(c => c.Directive.Arguments[0].Equals("CipherString", StringComparison.OrdinalIgnoreCase));
        if (command.Directive is { } c)
        {
            var handed = c.Arguments[1] + ApacheDefaults.ConfCmdCipherSuffix(httpd);
            setting = new Setting<CipherSelection>(CipherSelection.FromString(handed), command.Origin, c.Location, ConfCmd, c.ArgumentText);
        }

        return setting;
    }

    private static bool IsTls12Suite(ApacheActiveDirective d) => d.Arguments.Count == 1 || (d.Arguments.Count == 2 && d.Arguments[0] == "SSL");

    private static Setting<string>? Tls13Ciphers(ApacheView view, List<(ApacheActiveDirective Directive, SettingOrigin Origin)> commands)
    {
        var command = commands.LastOrDefault(c => c.Directive.Arguments[0].Equals("Ciphersuites", StringComparison.OrdinalIgnoreCase));
        if (command.Directive is { } c)
        {
            var fromCommand = new Setting<string>(c.Arguments[1], command.Origin, c.Location, ConfCmd, c.ArgumentText);
            view.Record($"{ConfCmd} Ciphersuites", fromCommand);
            return fromCommand;
        }

        var (directive, origin) = view.Find(SslCipherSuite, d => d.Arguments.Count == 2 && d.Arguments[0] == "TLSv1.3");
        if (directive is null)
        {
            return null;
        }

        var setting = new Setting<string>(directive.Arguments[1], origin, directive.Location, SslCipherSuite, directive.ArgumentText);
        view.Record($"{SslCipherSuite} TLSv1.3", setting);
        return setting;
    }

    private static Setting<string>? LastCommand(ApacheView view, List<(ApacheActiveDirective Directive, SettingOrigin Origin)> commands,
        params string[] names)
    {
        var command = commands.LastOrDefault(c => names.Contains(c.Directive.Arguments[0], StringComparer.OrdinalIgnoreCase));
        if (command.Directive is not { } c)
        {
            return null;
        }

        var setting = new Setting<string>(c.Arguments[1], command.Origin, c.Location, ConfCmd, c.ArgumentText);
        view.Record($"{ConfCmd} {c.Arguments[0]}", setting);
        return setting;
    }

    /// <summary>
    /// Certificate and key files paired by position after the positional merge; a certificate without its key file
    /// holds the key itself. The one chain file (SSLCertificateChainFile) goes with every certificate.
    /// </summary>
    private static List<CertificateReference> Certificates(ApacheView view)
    {
        var (chainDirective, chainOrigin) = view.Find("SSLCertificateChainFile");
        var chain = chainDirective is null ? null : PathSetting(chainDirective, chainOrigin, "SSLCertificateChainFile");
        if (chain is not null)
        {
            view.Record("SSLCertificateChainFile", chain);
        }

        var result = new List<CertificateReference>();
        var certificates = view.Positional("SSLCertificateFile");
        var keys = view.Positional("SSLCertificateKeyFile");
        for (var i = 0; i < certificates.Count; i++)
        {
            var (cert, certOrigin) = certificates[i];
            var key = i < keys.Count ? PathSetting(keys[i].Directive, keys[i].Origin, "SSLCertificateKeyFile") : null;
            var certificate = PathSetting(cert, certOrigin, "SSLCertificateFile");
            view.Record($"SSLCertificateFile #{i + 1}", certificate);
            if (key is not null)
            {
                view.Record($"SSLCertificateKeyFile #{i + 1}", key);
            }

            result.Add(new CertificateReference(certificate, key, $"certificate {i + 1}") { Chain = chain });
        }

        return result;
    }

    /// <summary>The CA file peers are verified against (a directory in the …Path directives is not a file and is not modelled).</summary>
    private static List<Setting<string>> CaFiles(ApacheView view, string name)
    {
        var (directive, origin) = view.Find(name);
        if (directive is null)
        {
            return [];
        }

        var setting = PathSetting(directive, origin, name);
        view.Record(name, setting);
        return [setting];
    }

    /// <summary>
    /// A file directive's value as written: relative paths start at ServerRoot (<see cref="ConfigTree.ReferenceBase"/>),
    /// which the file checks apply; URIs (<c>pkcs11:</c>) are not files.
    /// </summary>
    private static Setting<string> PathSetting(ApacheActiveDirective d, SettingOrigin origin, string name)
    {
        var written = d.Arguments.Count > 0 ? d.Arguments[0] : string.Empty;
        return new Setting<string>(written, origin, d.Location, name, d.ArgumentText);
    }

    /// <summary>
    /// mod_headers keeps two tables, <c>onsuccess</c> (2xx) and <c>always</c> (every response), and runs the actions
    /// of the main server, then of the virtual host, in order; <c>unset</c> removes only from its own table.
    /// </summary>
    private static Setting<HstsHeader>? Hsts(ApacheView view)
    {
        Setting<HstsHeader>? onSuccess = null;
        Setting<HstsHeader>? always = null;
        foreach (var (header, origin) in view.Appended("Header"))
        {
            var args = header.Arguments;
            var i = 0;
            var isAlways = false;
            if (args.Count > 0 && args[0].ToLowerInvariant() is "always" or "onsuccess")
            {
                isAlways = args[0].Equals("always", StringComparison.OrdinalIgnoreCase);
                i = 1;
            }

            if (args.Count < i + 2 || !args[i + 1].Equals("Strict-Transport-Security", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var action = args[i].ToLowerInvariant();
            Setting<HstsHeader>? next;
            if (action == "unset")
            {
                next = null;
            }
            else if (action is "set" or "add" or "append" or "merge" or "setifempty" && args.Count > i + 2)
            {
                next = new Setting<HstsHeader>(new HstsHeader(args[i + 2], isAlways), origin, header.Location, "Header", header.ArgumentText);
            }
            else
            {
                continue;
            }

            if (isAlways)
            {
                always = next;
            }
            else
            {
                onSuccess = next;
            }
        }

        var result = always ?? onSuccess;
        if (result is not null)
        {
            view.Record("Header Strict-Transport-Security", result.Map(h => h.Value));
        }

        return result;
    }

    private static string? LastArgument(IReadOnlyList<ApacheActiveDirective> directives, string name) =>
        directives.LastOrDefault(d => d.Is(name) && d.Arguments.Count > 0)?.Arguments[0];

    /// <summary>
    /// The protocol httpd gives a server (ap_setup_listeners): its own or the main server's <c>Protocol</c>, else, for a
    /// virtual host, that of the first <c>Listen</c> whose address and port equal one of the host's addresses
    /// (<c>Listen</c> without a protocol word: <c>https</c> on port 443, <c>http</c> elsewhere), else <c>http</c>. Only
    /// literal IP addresses are compared: <c>*</c>, <c>_default_</c> and names are left out (httpd resolves them, and
    /// <c>*</c> did not match a wildcard <c>Listen</c> in the live test); the main server never takes a listener's.
    /// </summary>
    private static ServedProtocol ServerProtocol(ApacheView view, IReadOnlyList<string>? vhostAddresses,
        IReadOnlyList<ApacheActiveDirective> server)
    {
        var (written, _) = view.Find("Protocol", d => d.Arguments.Count > 0);
        if (written is not null)
        {
            return new ServedProtocol(written.Arguments[0].ToLowerInvariant(), written);
        }

        foreach (var text in vhostAddresses ?? [])
        {
            var (host, port) = SplitAddress(text, portOnly: false);
            if (port is null || !IPAddress.TryParse(host.Trim('[', ']'), out var ip))
            {
                continue;
            }

            foreach (var listen in server.Where(d => d.Is("Listen") && d.Arguments.Count > 0))
            {
                var (listenHost, listenPort) = SplitAddress(listen.Arguments[0], portOnly: true);
                if (listenPort == port && IPAddress.TryParse(listenHost.Trim('[', ']'), out var listenIp) && listenIp.Equals(ip))
                {
                    var name = listen.Arguments.Count > 1 ? listen.Arguments[1].ToLowerInvariant() : port == 443 ? "https" : "http";
                    return new ServedProtocol(name, listen);
                }
            }
        }

        return new ServedProtocol("http", null);
    }

    /// <summary>A server's protocol name and the <c>Protocol</c> or <c>Listen</c> directive it comes from, if any.</summary>
    private sealed record ServedProtocol(string Name, ApacheActiveDirective? Source)
    {
        public bool IsHttps => Name == "https";
    }

    /// <summary>Ports named by <c>Listen [address:]port [protocol]</c> in the main server.</summary>
    private static List<int> ListenPorts(IReadOnlyList<ApacheActiveDirective> server)
    {
        var ports = new List<int>();
        foreach (var listen in server.Where(d => d.Is("Listen") && d.Arguments.Count > 0))
        {
            var (_, port) = SplitAddress(listen.Arguments[0], portOnly: true);
            if (port is { } p && !ports.Contains(p))
            {
                ports.Add(p);
            }
        }

        return ports;
    }

    /// <summary>A virtual host's ports: those its addresses name; an address without a port (or <c>:*</c>) takes every Listen port.</summary>
    private static (List<int> Ports, string? Address, bool AnyPort) VirtualHostPorts(IReadOnlyList<string> addresses, List<int> listens)
    {
        var ports = new List<int>();
        var any = false;
        string? first = null;
        foreach (var text in addresses)
        {
            var (host, port) = SplitAddress(text, portOnly: false);
            first ??= host is "*" or "_default_" ? null : host;
            if (port is { } p)
            {
                if (!ports.Contains(p))
                {
                    ports.Add(p);
                }
            }
            else
            {
                any = true;
            }
        }

        if (any)
        {
            ports.AddRange(listens.Where(p => !ports.Contains(p)));
        }

        return (ports, first, any);
    }

    private static (string Host, int? Port) SplitAddress(string text, bool portOnly)
    {
        string host = text, port = string.Empty;
        if (text.StartsWith('['))
        {
            var close = text.IndexOf(']');
            host = close < 0 ? text : text[..(close + 1)];
            port = close >= 0 && close + 1 < text.Length && text[close + 1] == ':' ? text[(close + 2)..] : string.Empty;
        }
        else if (text.LastIndexOf(':') is var colon and >= 0 && text.IndexOf(':') == colon)
        {
            host = text[..colon];
            port = text[(colon + 1)..];
        }
        else if (portOnly)
        {
            port = text;
        }

        return (host, int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p is > 0 and < 65536 ? p : null);
    }

    /// <summary>
    /// In a tree that loads its modules, a mod_ssl or mod_headers directive without its module stops httpd ("Invalid
    /// command"); reported once per module.
    /// </summary>
    private static void ModulesMissing(ApacheConfiguration config, List<ConfigDiagnostic> diagnostics)
    {
        if (!config.ModulesKnown)
        {
            return;
        }

        Check("ssl_module", "mod_ssl", "`LoadModule ssl_module …` (on Debian: `a2enmod ssl`)",
            d => ApacheVocabulary.Canonical(d.Name) is not null);
        Check("headers_module", "mod_headers", "`LoadModule headers_module …` (on Debian: `a2enmod headers`)",
            d => d.Is("Header"));

        void Check(string module, string label, string how, Func<ApacheActiveDirective, bool> needs)
        {
            if (config.Modules.Contains(module))
            {
                return;
            }

            var first = config.Directives.FirstOrDefault(needs);
            if (first is not null)
            {
                diagnostics.Add(new ConfigDiagnostic(DiagnosticKind.ParseError,
                    $"`{first.Name}` comes from {label}, which this configuration does not load: httpd stops with \"Invalid command '{first.Name}'\"; load it with {how} or put the directive inside `<IfModule {module}>`",
                    first.NameLocation, Fatal: true));
            }
        }
    }

    /// <summary>
    /// Most mod_ssl directives belong to the server or a virtual host: inside <c>&lt;Directory&gt;</c>,
    /// <c>&lt;Location&gt;</c>, <c>&lt;Files&gt;</c> or <c>&lt;If&gt;</c> httpd refuses them ("not allowed here"), and
    /// <c>SSLCipherSuite TLSv1.3</c> as well.
    /// </summary>
    private static void NotAllowedPerRequest(ApacheConfiguration config, List<ConfigDiagnostic> diagnostics)
    {
        foreach (var d in config.Directives)
        {
            if (d.Scope.Kind is not (ApacheScopeKind.Directory or ApacheScopeKind.Location or ApacheScopeKind.Files or ApacheScopeKind.If)
                || ApacheVocabulary.Canonical(d.Name) is not { } name)
            {
                continue;
            }

            if (!ApacheVocabulary.IsAllowedPerDirectory(name))
            {
                diagnostics.Add(new ConfigDiagnostic(DiagnosticKind.ParseError,
                    $"`{d.Name}` is not allowed inside `<{d.Scope.Name}>`: httpd refuses to start; move it to the virtual host or the main server",
                    d.NameLocation, Fatal: true));
            }
            else if (name == SslCipherSuite && d.Arguments.Count == 2 && d.Arguments[0] == "TLSv1.3")
            {
                diagnostics.Add(new ConfigDiagnostic(DiagnosticKind.ParseError,
                    $"`SSLCipherSuite TLSv1.3` cannot be set inside `<{d.Scope.Name}>`: httpd refuses to start; move it to the virtual host or the main server",
                    d.Location, Fatal: true));
            }
        }
    }

    /// <summary>Every directive in force, for the name rules; a repeated single-valued mod_ssl directive shares its scope key.</summary>
    private static List<Directive> Directives(ApacheConfiguration config, ProductVersion httpd)
    {
        var result = new List<Directive>(config.Directives.Count);
        for (var i = 0; i < config.Directives.Count; i++)
        {
            var d = config.Directives[i];
            var canonical = ApacheVocabulary.Canonical(d.Name) ?? d.Name;
            var qualifier = canonical switch
            {
                SslCipherSuite or "SSLProxyCipherSuite" when d.Arguments.Count == 2 => " " + d.Arguments[0],
                _ => string.Empty,
            };
            var scope = ApacheVocabulary.IsSingleValued(d.Name)
                ? $"{d.Scope.Id}:{canonical}{qualifier}"
                : $"{d.Scope.Id}:{canonical}:{i}";
            result.Add(new Directive(canonical, d.ArgumentText, scope, d.Scope.ToString(), d.Location, d.NameLocation,
                d.ArgumentsLocation, ApacheVocabulary.Lookup(d.Name, httpd))
            {
                Product = Product.Apache,
            });
        }

        return result;
    }
}
