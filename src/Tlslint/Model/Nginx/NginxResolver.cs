using Tlslint.Analysis;
using Tlslint.Text;
using Tlslint.Tls;
using Tlslint.Tls.OpenSsl;

namespace Tlslint.Model.Nginx;

/// <summary>
/// Turns an expanded nginx configuration into endpoints: one server endpoint per <c>server</c> block that listens
/// with TLS (<c>listen … ssl</c> or <c>quic</c>, or a socket another server made TLS) in http, mail and stream; mail
/// servers with plaintext listeners get a STARTTLS endpoint; upstream TLS (<c>proxy_pass https://</c>,
/// <c>grpcs://</c>, <c>suwsgi://</c>, stream <c>proxy_ssl on</c>) gives client endpoints. Values follow nginx's merge
/// (http → server → location) and the defaults of the assumed release.
/// </summary>
public static class NginxResolver
{
    private static readonly ProductVersion SslDirectiveRemoved = new(1, 25, 1);
    private static readonly ProductVersion SniProtocols = new(1, 29, 2);
    private static readonly ProductVersion HeaderInheritControl = new(1, 29, 3);
    private static readonly ProductVersion TicketRotation = new(1, 23, 2);
    private static readonly HashSet<int> ImplicitTlsPorts = [443, 465, 993, 995];

    public static ConfigTree Resolve(string root, NginxConfiguration? configuration, Assumptions assumptions,
        IReadOnlyList<ConfigDiagnostic> loadDiagnostics)
    {
        var version = assumptions.Products[Product.Nginx];
        var diagnostics = new List<ConfigDiagnostic>(loadDiagnostics);
        if (configuration is null)
        {
            return new ConfigTree
            {
                Product = Product.Nginx,
                Root = root,
                Files = [],
                Directives = [],
                Endpoints = [],
                Diagnostics = diagnostics,
                Version = version,
            };
        }

        var directives = new List<Directive>();
        NginxValidation.Check(configuration.Top, version.Version, directives, diagnostics);

        var top = configuration.Top;
        var fragment = !top.Any(n => n.IsBlock && n.Name is "http" or "mail" or "stream" or "events");
        var endpoints = new List<TlsEndpoint>();
        var resolver = new Walker(version.Version, configuration, endpoints);
        if (fragment)
        {
            var file = configuration.Files.Count > 0 ? configuration.Files[0] : null;
            resolver.Http(new NginxScope(null, top, null, NginxContext.Http), file);
        }
        else
        {
            foreach (var module in top.Where(n => n.IsBlock))
            {
                var scope = new NginxScope(module, module.Children!, null, module.Name switch
                {
                    "http" => NginxContext.Http,
                    "mail" => NginxContext.Mail,
                    "stream" => NginxContext.Stream,
                    _ => NginxContext.Other,
                });
                switch (scope.Context)
                {
                    case NginxContext.Http:
                        resolver.Http(scope, null);
                        break;
                    case NginxContext.Mail:
                        resolver.Mail(scope);
                        break;
                    case NginxContext.Stream:
                        resolver.Stream(scope);
                        break;
                }
            }
        }

        var http = top.FirstOrDefault(n => n.IsBlock && n.Name == "http");
        return new ConfigTree
        {
            Product = Product.Nginx,
            Root = root,
            Files = configuration.Files,
            Directives = directives,
            Endpoints = endpoints,
            Diagnostics = Distinct(diagnostics),
            Version = version,
            GlobalScope = http?.Location ?? (configuration.Files.Count > 0 ? new SourceLocation(configuration.Files[0], null) : null),
            IsFragment = fragment,
            Blocks = Blocks(top),
        };
    }

    /// <summary>Every block (<c>http</c>, <c>server</c>, <c>location</c> …) from its header to its closing brace, for suppressions.</summary>
    private static List<ConfigBlock> Blocks(IReadOnlyList<NginxNode> top)
    {
        var result = new List<ConfigBlock>();
        var pending = new Stack<NginxNode>(top.Reverse());
        while (pending.Count > 0)
        {
            var node = pending.Pop();
            if (node.Children is not { } children)
            {
                continue;
            }

            result.Add(new ConfigBlock(new SourceLocation(node.File, node.Directive.Range), $"{node.Name} {node.Value}".TrimEnd()));
            foreach (var child in children.Reverse())
            {
                pending.Push(child);
            }
        }

        return result;
    }

    private static List<ConfigDiagnostic> Distinct(List<ConfigDiagnostic> diagnostics)
    {
        var seen = new HashSet<(DiagnosticKind, string, string, TextRange?)>();
        return diagnostics.Where(d => seen.Add((d.Kind, d.Message, d.Location.File.Path, d.Location.Range))).ToList();
    }

    /// <summary>Walks one module block (http, mail or stream) and adds its endpoints.</summary>
    private sealed class Walker(ProductVersion version, NginxConfiguration configuration, List<TlsEndpoint> endpoints)
    {
        public void Http(NginxScope http, SourceFile? fragmentFile)
        {
            var servers = http.Blocks("server").Select(s => new HttpServer(http.Child(s, NginxContext.HttpServer), version)).ToList();
            var sockets = Sockets(servers);
            var before = endpoints.Count;
            foreach (var server in servers)
            {
                var tlsListens = server.Listens.Where(l => l.Quic || server.SslOn is not null || sockets[l.SocketKey].Ssl).ToList();
                if (tlsListens.Count > 0)
                {
                    endpoints.Add(HttpEndpoint(server, tlsListens, sockets));
                }
                else if (PlainOnTlsPort(server) is { } plain)
                {
                    endpoints.Add(plain);
                }

                foreach (var client in Clients(server.Scope))
                {
                    endpoints.Add(client);
                }
            }

            if (endpoints.Skip(before).All(e => e.Role != EndpointRole.Server || !e.Mode.Value.UsesTls()))
            {
                AddProspective(http, "http", ApplicationProtocol.Http, fragmentFile);
            }
        }

        public void Mail(NginxScope mail)
        {
            var before = endpoints.Count;
            foreach (var block in mail.Blocks("server"))
            {
                var scope = mail.Child(block, NginxContext.MailServer);
                var listens = scope.Own("listen").Select(l => NginxListen.Parse(l, null)).ToList();
                var sslOn = SslOn(scope);
                var protocol = MailProtocol(scope, listens);
                var tls = listens.Where(l => l.Ssl || sslOn is not null).ToList();
                var plain = listens.Except(tls).ToList();
                if (tls.Count > 0)
                {
                    endpoints.Add(MailEndpoint(scope, tls, protocol, implicitTls: true, sslOn));
                }

                if (plain.Count > 0)
                {
                    endpoints.Add(MailEndpoint(scope, plain, protocol, implicitTls: false, null));
                }
            }

            if (endpoints.Skip(before).All(e => !e.Mode.Value.UsesTls()))
            {
                AddProspective(mail, "mail", null, null);
            }
        }

        public void Stream(NginxScope stream)
        {
            var before = endpoints.Count;
            foreach (var block in stream.Blocks("server"))
            {
                var scope = stream.Child(block, NginxContext.StreamServer);
                var listens = scope.Own("listen").Select(l => NginxListen.Parse(l, null)).ToList();
                var tls = listens.Where(l => l.Ssl).ToList();
                if (tls.Count > 0)
                {
                    var lookup = new NginxLookup(scope, block.Location, version);
                    var first = tls[0];
                    endpoints.Add(ServerEndpoint(lookup, $"stream :{Ports(tls)}", ApplicationProtocol.Stream,
                        lookup.At(first.Node, TlsMode.Implicit), tls, earlyData: false));
                }

                if (scope.Own("proxy_pass").FirstOrDefault() is { } pass)
                {
                    var lookup = new NginxLookup(scope, pass.Location, version);
                    var on = lookup.Flag("proxy_ssl");
                    if (on.Value)
                    {
                        endpoints.Add(ClientEndpoint(lookup, pass, "proxy_ssl", $"stream proxy_pass {pass.Value}",
                            on.Map(_ => TlsMode.Implicit)));
                    }
                }
            }

            if (endpoints.Skip(before).All(e => e.Role != EndpointRole.Server))
            {
                AddProspective(stream, "stream", ApplicationProtocol.Stream, null);
            }
        }

        /// <summary>Every TLS socket of the http block, with its servers in order and whether any listen made it TLS.</summary>
        private static Dictionary<string, Socket> Sockets(List<HttpServer> servers)
        {
            var sockets = new Dictionary<string, Socket>(StringComparer.Ordinal);
            foreach (var server in servers)
            {
                foreach (var listen in server.Listens)
                {
                    if (!sockets.TryGetValue(listen.SocketKey, out var socket))
                    {
                        sockets[listen.SocketKey] = socket = new Socket();
                    }

                    // nginx keeps one set of options per address:port: `ssl` on any of its listens makes it TLS for all.
                    socket.Ssl |= listen.Ssl;
                    if (!socket.Servers.Contains(server))
                    {
                        socket.Servers.Add(server);
                    }

                    if (listen.DefaultServer)
                    {
                        socket.Default ??= server;
                    }
                }
            }

            return sockets;
        }

        private TlsEndpoint HttpEndpoint(HttpServer server, List<NginxListen> tlsListens, Dictionary<string, Socket> sockets)
        {
            var lookup = new NginxLookup(server.Scope, server.Scope.Block!.Location, version);
            var mode = tlsListens.FirstOrDefault(l => l.Ssl || l.Quic) is { } ssl
                ? lookup.At(ssl.Node, TlsMode.Implicit)
                : server.SslOn is { } on ? on.Map(_ => TlsMode.Implicit)
                : lookup.At(tlsListens[0].Node, TlsMode.Implicit);
            var shared = tlsListens.Select(l => sockets[l.SocketKey]).Where(s => s.Servers.Count > 1).ToList();
            var isDefault = shared.Any(s => s.DefaultServer == server);
            var name = $"{Label(server, tlsListens)}{(isDefault ? " (default server)" : string.Empty)}";
            var endpoint = ServerEndpoint(lookup, name, ApplicationProtocol.Http, mode, tlsListens, earlyData: true);

            var (hsts, gaps) = Hsts(server.Scope);
            endpoint = endpoint with { Hsts = hsts, HstsGaps = gaps };
            if (tlsListens.All(l => l.Quic))
            {
                // QUIC (HTTP/3) is TLS 1.3 by definition (RFC 9001), whatever ssl_protocols says.
                var quic = tlsListens[0].Node;
                var only13 = ProtocolSelection.Valid(TlsVersionSet.Of(TlsVersion.TlsV1_3), endpoint.Protocols.Value.Recommended);
                return endpoint with { Protocols = lookup.At(quic, only13) };
            }

            // Before 1.29.2 nginx selects the server by SNI in OpenSSL's servername callback, which runs after OpenSSL
            // has settled the version and, for TLS 1.3, the suite with the default server's context; the connection
            // also keeps the groups it copied from that context. SNI switches the rest (certificate, the TLS <= 1.2
            // cipher list, the security level). 1.29.2 moved to the ClientHello callback.
            var defaults = shared.Select(s => s.DefaultServer).Where(d => d != server).Distinct().ToList();
            if (version < SniProtocols && defaults.Count > 0)
            {
                var owner = defaults[0];
                var ownerLookup = new NginxLookup(owner.Scope, owner.Scope.Block!.Location, version);
                var applied = Protocols(ownerLookup, "ssl_protocols", "ssl_conf_command");
                if (applied.Location != endpoint.Protocols.Location)
                {
                    endpoint = endpoint with { IgnoredProtocols = endpoint.Protocols, Protocols = applied };
                }

                var ownerCommands = Commands(ownerLookup, "ssl_conf_command");
                var suites = Command(ownerCommands, "Ciphersuites");
                if (suites?.Location != endpoint.Tls13Ciphers?.Location)
                {
                    endpoint = endpoint with { IgnoredTls13Ciphers = endpoint.Tls13Ciphers, Tls13Ciphers = suites };
                }

                var groups = Command(ownerCommands, "Groups") ?? Command(ownerCommands, "Curves") ?? ownerLookup.Get("ssl_ecdh_curve");
                if (groups.Location != endpoint.Curves?.Location)
                {
                    endpoint = endpoint with { IgnoredCurves = endpoint.Curves, Curves = groups };
                }
            }

            return endpoint;
        }

        /// <summary>
        /// A server on an implicit-TLS port (443) without TLS, or with a certificate but no TLS listen: an endpoint
        /// with mode none, so that TLS404 can point at the listen that lacks <c>ssl</c>.
        /// </summary>
        private TlsEndpoint? PlainOnTlsPort(HttpServer server)
        {
            var lookup = new NginxLookup(server.Scope, server.Scope.Block!.Location, version);
            var onTlsPort = server.Listens.FirstOrDefault(l => l.Port is { } p && ImplicitTlsPorts.Contains(p));
            var certificate = server.Scope.Own("ssl_certificate").FirstOrDefault();
            Setting<TlsMode> mode;
            if (onTlsPort is not null)
            {
                mode = lookup.At(onTlsPort.Node, TlsMode.None);
            }
            else if (certificate is not null && server.Listens.Count > 0)
            {
                mode = lookup.At(certificate, TlsMode.None);
            }
            else
            {
                return null;
            }

            var plainPorts = server.Listens.Where(l => l.Port is not null).ToList();
            return Minimal(lookup, Label(server, plainPorts), EndpointRole.Server, mode, ApplicationProtocol.Http)
                with { Ports = plainPorts.Select(l => l.Port!.Value).Distinct().ToList() };
        }

        private TlsEndpoint MailEndpoint(NginxScope scope, List<NginxListen> listens, ApplicationProtocol? protocol, bool implicitTls,
            Setting<bool>? sslOn)
        {
            var lookup = new NginxLookup(scope, scope.Block!.Location, version);
            Setting<TlsMode> mode;
            if (implicitTls)
            {
                mode = listens.FirstOrDefault(l => l.Ssl) is { } ssl ? lookup.At(ssl.Node, TlsMode.Implicit) : sslOn!.Map(_ => TlsMode.Implicit);
            }
            else
            {
                var starttls = lookup.Get("starttls");
                mode = starttls.Map(v => v.Trim().ToLowerInvariant() switch
                {
                    "on" => TlsMode.StartTlsOptional,
                    "only" => TlsMode.StartTlsRequired,
                    _ => TlsMode.None,
                });
            }

            var label = protocol?.ToString().ToLowerInvariant() ?? "mail";
            var endpoint = ServerEndpoint(lookup, $"mail {label}:{Ports(listens)}", protocol, mode, listens, earlyData: false);
            var (enabled, beforeTls) = MailAuth(lookup, protocol, mode);
            return endpoint with { AuthEnabled = enabled, AuthBeforeTls = beforeTls };
        }

        /// <summary>
        /// The login methods the mail server offers (<c>imap_auth</c>, <c>pop3_auth</c>, <c>smtp_auth</c>), and whether a
        /// cleartext one (<c>plain</c>, <c>login</c>) is offered before TLS: always without STARTTLS, and with
        /// <c>starttls on</c> (only <c>starttls only</c> withholds them until TLS is up).
        /// </summary>
        private static (Setting<bool>? Enabled, Setting<bool>? BeforeTls) MailAuth(NginxLookup lookup, ApplicationProtocol? protocol, Setting<TlsMode> mode)
        {
            var directive = protocol switch
            {
                ApplicationProtocol.Imap => "imap_auth",
                ApplicationProtocol.Pop3 => "pop3_auth",
                ApplicationProtocol.Smtp => "smtp_auth",
                _ => null,
            };
            if (directive is null)
            {
                return (null, null);
            }

            var methods = lookup.Get(directive);
            var words = methods.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => w.ToLowerInvariant()).ToList();
            var enabled = methods.Map(_ => words.Any(w => w != "none"));
            var cleartext = words.Any(w => w is "plain" or "login");
            if (!cleartext || mode.Value is TlsMode.Implicit or TlsMode.StartTlsRequired)
            {
                return (enabled, mode.Map(_ => false));
            }

            return (enabled, mode.Map(_ => true));
        }

        private static ApplicationProtocol? MailProtocol(NginxScope scope, List<NginxListen> listens)
        {
            var written = scope.Own("protocol").FirstOrDefault()?.Value.ToLowerInvariant();
            if (written is not null)
            {
                return written switch
                {
                    "imap" => ApplicationProtocol.Imap,
                    "pop3" => ApplicationProtocol.Pop3,
                    "smtp" => ApplicationProtocol.Smtp,
                    _ => null,
                };
            }

            // ngx_mail_core_listen: without `protocol`, the well-known ports decide.
            foreach (var port in listens.Select(l => l.Port))
            {
                switch (port)
                {
                    case 143 or 993:
                        return ApplicationProtocol.Imap;
                    case 110 or 995:
                        return ApplicationProtocol.Pop3;
                    case 25 or 465 or 587:
                        return ApplicationProtocol.Smtp;
                }
            }

            return null;
        }

        /// <summary>The server-side TLS values common to http, mail and stream.</summary>
        private TlsEndpoint ServerEndpoint(NginxLookup lookup, string name, ApplicationProtocol? application, Setting<TlsMode> mode,
            List<NginxListen> listens, bool earlyData)
        {
            var commands = Commands(lookup, "ssl_conf_command");
            var preference = lookup.Flag("ssl_prefer_server_ciphers");
            if (Option(commands, "ServerPreference") is { } serverPreference)
            {
                preference = serverPreference;
            }

            var tickets = lookup.Flag("ssl_session_tickets");
            if (Option(commands, "SessionTicket") is { } ticketOption)
            {
                tickets = ticketOption;
            }

            var reject = lookup.Flag("ssl_reject_handshake");
            var stapling = lookup.Flag("ssl_stapling");
            var addresses = listens.Select(l => l.Address).Distinct().ToList();
            var dhparam = lookup.Get("ssl_dhparam");
            var dh = Command(commands, "DHParameters") ?? NonEmpty(dhparam).MapPath(configuration);
            return new TlsEndpoint
            {
                Name = name,
                Product = Product.Nginx,
                Role = EndpointRole.Server,
                Ports = listens.Where(l => l.Port is not null).Select(l => l.Port!.Value).Distinct().ToList(),
                Address = addresses.Count == 1 ? addresses[0] : null,
                Anchor = lookup.Anchor,
                Mode = mode,
                Application = application,
                Protocols = Protocols(lookup, "ssl_protocols", "ssl_conf_command"),
                Ciphers = Ciphers(lookup, "ssl_ciphers", commands),
                ServerCipherPreference = preference,
                Certificates = Certificates(lookup, "ssl_certificate", "ssl_certificate_key", "server"),
                SessionTickets = tickets,
                DhParameters = dh,

                // nginx 1.11.0 and later set no DH parameters of their own: without a file OpenSSL offers no DHE suite.
                Dhe = dh is not null
                    ? dh.Map(_ => new DheSupport(true, $"nginx loads DH parameters from `{dh.Name}`"))
                    : dhparam.Map(_ => new DheSupport(false, "nginx sets no DH parameters without `ssl_dhparam`")),
                OwnProtocolBounds = OwnBounds("ssl_protocols"),

                // SSL_CTX_use_certificate / SSL_CTX_set_tmp_dh failing is an [emerg]: nginx does not start.
                OnKeyRefused = new KeyRefusalHandling(KeyRefusal.ServerDoesNotStart, KeyRefusal.ServerDoesNotStart),
                Curves = Command(commands, "Groups") ?? Command(commands, "Curves") ?? lookup.Get("ssl_ecdh_curve"),
                Tls13Ciphers = Command(commands, "Ciphersuites"),
                EarlyData = earlyData ? lookup.Flag("ssl_early_data") : null,
                Compression = Option(commands, "Compression"),
                InsecureRenegotiation = Option(commands, "UnsafeLegacyRenegotiation"),
                RejectsHandshakes = reject.Value ? reject : null,
                SessionTicketKeyRotation = TicketKeyRotation(lookup),
                OcspStapling = stapling,
                OcspStaplingMissing = stapling.Value ? StaplingMissing(lookup) : null,
                CaFiles = Files(lookup, "ssl_trusted_certificate", "ssl_client_certificate"),
                Settings = new Dictionary<string, Setting<string>>(lookup.Used),
            };
        }

        /// <summary>
        /// nginx 1.23.2 and later rotate the ticket key themselves when the session cache is in shared memory; before,
        /// or with <c>ssl_session_ticket_key</c> files, one key serves until the next reload.
        /// </summary>
        private static Setting<bool> TicketKeyRotation(NginxLookup lookup)
        {
            var cache = lookup.Get("ssl_session_cache");
            var keys = lookup.Get("ssl_session_ticket_key");
            if (!keys.IsDefault)
            {
                return keys.Map(_ => false);
            }

            return cache.Map(v => lookup.Version >= TicketRotation && v.Split(' ').Any(w => w.StartsWith("shared:", StringComparison.Ordinal)));
        }

        /// <summary>What OCSP stapling lacks: nginx resolves the responder named in the certificate at run time, so it needs a <c>resolver</c> unless <c>ssl_stapling_file</c> gives the response.</summary>
        private static string? StaplingMissing(NginxLookup lookup)
        {
            var resolver = lookup.Get("resolver");
            var file = lookup.Get("ssl_stapling_file");
            return resolver.IsDefault && file.IsDefault
                ? "a `resolver` (nginx looks up the OCSP responder's name at run time and, without one, staples nothing)"
                : null;
        }

        /// <summary>Upstream TLS for each <c>proxy_pass https://</c>, <c>grpc_pass grpcs://</c> and <c>uwsgi_pass suwsgi://</c> under a server.</summary>
        private IEnumerable<TlsEndpoint> Clients(NginxScope server)
        {
            var pending = new Stack<NginxScope>();
            pending.Push(server);
            while (pending.Count > 0)
            {
                var scope = pending.Pop();
                foreach (var (pass, scheme, prefix) in new[] { ("proxy_pass", "https://", "proxy_ssl"), ("grpc_pass", "grpcs://", "grpc_ssl"), ("uwsgi_pass", "suwsgi://", "uwsgi_ssl") })
                {
                    foreach (var node in scope.Own(pass).Where(n => n.Value.StartsWith(scheme, StringComparison.OrdinalIgnoreCase)))
                    {
                        var lookup = new NginxLookup(scope, node.Location, version);
                        var where = scope.Block is { Name: "location" } location ? $" (location {location.Value})" : string.Empty;
                        yield return ClientEndpoint(lookup, node, prefix, $"{pass} {node.Value}{where}", lookup.At(node, TlsMode.Implicit));
                    }
                }

                foreach (var child in scope.Children.Where(c => c.IsBlock && c.Name is "location" or "if" or "limit_except").Reverse())
                {
                    if (scope.Context == NginxContext.HttpServer && child.Name != "location")
                    {
                        continue;
                    }

                    pending.Push(scope.Child(child, child.Name == "location" ? NginxContext.Location : NginxContext.LocationBlock));
                }
            }
        }

        private TlsEndpoint ClientEndpoint(NginxLookup lookup, NginxNode pass, string prefix, string name, Setting<TlsMode> mode)
        {
            var commands = Commands(lookup, $"{prefix}_conf_command");
            var verify = lookup.Flag($"{prefix}_verify");
            lookup.Get($"{prefix}_trusted_certificate");
            lookup.Get($"{prefix}_server_name");
            lookup.Get($"{prefix}_name");
            return Minimal(lookup, name, EndpointRole.Client, mode, null) with
            {
                Protocols = Protocols(lookup, $"{prefix}_protocols", $"{prefix}_conf_command"),
                OwnProtocolBounds = OwnBounds($"{prefix}_protocols"),
                Ciphers = Ciphers(lookup, $"{prefix}_ciphers", commands),
                Certificates = Certificates(lookup, $"{prefix}_certificate", $"{prefix}_certificate_key", "client"),
                Tls13Ciphers = Command(commands, "Ciphersuites"),
                Curves = Command(commands, "Groups") ?? Command(commands, "Curves"),
                CaFiles = Files(lookup, $"{prefix}_trusted_certificate"),
                VerifyPeer = verify,
                VerifyPeerName = verify,
                Upstream = lookup.At(pass, pass.Value),
                Settings = new Dictionary<string, Setting<string>>(lookup.Used),
            };
        }

        /// <summary>
        /// A stand-in for the servers a module block would give TLS to, when it writes server-side TLS directives but no
        /// server uses TLS: findings on it are notes (rules.md, context rule 7).
        /// </summary>
        private void AddProspective(NginxScope module, string label, ApplicationProtocol? application, SourceFile? fragmentFile)
        {
            if (!module.Children.Any(c => !c.IsBlock && NginxVocabulary.IsServerLevelOnly(c.Name) && c.Name != "ssl"))
            {
                return;
            }

            var anchor = module.Block?.Location ?? new SourceLocation(fragmentFile ?? module.Children[0].File, null);
            var lookup = new NginxLookup(module, anchor, version);
            var mode = new Setting<TlsMode>(TlsMode.Implicit, SettingOrigin.Default, anchor, "listen", "… ssl");
            endpoints.Add(ServerEndpoint(lookup, $"{label} {{}} (no TLS server yet)", application, mode, [], earlyData: application == ApplicationProtocol.Http)
                with { Prospective = true });
        }

        private TlsEndpoint Minimal(NginxLookup lookup, string name, EndpointRole role, Setting<TlsMode> mode, ApplicationProtocol? application)
        {
            var anchor = lookup.Anchor;
            return new TlsEndpoint
            {
                Name = name,
                Product = Product.Nginx,
                Role = role,
                Ports = [],
                Anchor = anchor,
                Mode = mode,
                Application = application,
                Protocols = Protocols(lookup, "ssl_protocols", "ssl_conf_command"),
                Ciphers = Ciphers(lookup, "ssl_ciphers", []),
                ServerCipherPreference = new Setting<bool>(false, SettingOrigin.Default, anchor, "ssl_prefer_server_ciphers", "off", version),
                Settings = new Dictionary<string, Setting<string>>(lookup.Used),
            };
        }

        /// <summary>
        /// The protocol list and what <c>*_conf_command Protocol/MinProtocol/MaxProtocol</c> leave of it. When the
        /// commands change a written list, that is a contradiction (TLS104); when the list is not written, the
        /// commands alone decide and the setting points at them.
        /// </summary>
        private static Setting<ProtocolSelection> Protocols(NginxLookup lookup, string directive, string commandDirective)
        {
            var list = lookup.Get(directive);
            var selection = NginxProtocols.Parse(list.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries), directive, lookup.Version);
            var setting = list.Map(_ => selection);
            if (!selection.IsValid)
            {
                return setting;
            }

            var (nodes, origin) = lookup.Nodes(commandDirective);
            var protocolCommands = nodes.Where(n => n.Arguments.Count == 2 && SslConfCommands.IsProtocolCommand(n.Arguments[0].Value)).ToList();
            if (protocolCommands.Count == 0)
            {
                return setting;
            }

            // OpenSSL refuses the value at start-up, and nginx stops: no protocol is ever offered.
            foreach (var node in protocolCommands)
            {
                var (name, value) = (node.Arguments[0].Value, node.Arguments[1].Value);
                if (SslConfCommands.Problem(name, value) is { } problem)
                {
                    var refused = ProtocolSelection.Invalid($"{problem}: nginx stops with `SSL_CONF_cmd(\"{name}\", \"{value}\") failed`", selection.Recommended);
                    return new Setting<ProtocolSelection>(refused, origin, node.Location, commandDirective, node.RawValue);
                }
            }

            var effective = NginxProtocols.ApplyCommands(selection.Enabled, protocolCommands.Select(n => (n.Arguments[0].Value, n.Arguments[1].Value)));
            if (list.IsDefault)
            {
                var first = protocolCommands[0];
                return new Setting<ProtocolSelection>(selection with { Enabled = effective }, origin, first.Location,
                    commandDirective, first.RawValue);
            }

            if (effective == selection.Enabled)
            {
                return setting;
            }

            var commandText = string.Join(", ", protocolCommands.Select(n => $"`{commandDirective} {n.RawValue}`"));
            var dropped = selection.Enabled.Except(effective);
            var added = effective.Except(selection.Enabled);
            var what = !dropped.IsEmpty
                ? $"{commandText} overrides it, so `{dropped}` {(dropped.Versions.Count() == 1 ? "is" : "are")} never offered"
                : $"{commandText} overrides it and enables `{added}` as well";
            return list.Map(_ => selection with
            {
                Enabled = effective,
                Contradictions = [.. selection.Contradictions, $"{what}; state the versions in `{directive}` alone"],
            });
        }

        private static Setting<CipherSelection> Ciphers(NginxLookup lookup, string directive, IReadOnlyList<NginxNode> commands)
        {
            if (Command(commands, "CipherString") is { } fromCommand)
            {
                lookup.Get(directive);
                return fromCommand.Map(CipherSelection.FromString);
            }

            return lookup.Get(directive).Map(v => CipherSelection.FromString(v.Trim()));
        }

        /// <summary>Certificate and key lists, each from the innermost level that writes it (nginx merges them separately), paired in order.</summary>
        private List<CertificateReference> Certificates(NginxLookup lookup, string certificateDirective, string keyDirective, string kind)
        {
            var (certificates, _) = lookup.Nodes(certificateDirective);
            var (keys, _) = lookup.Nodes(keyDirective);
            lookup.Get(certificateDirective);
            lookup.Get(keyDirective);
            var result = new List<CertificateReference>();
            for (var i = 0; i < certificates.Count; i++)
            {
                var certificate = lookup.At(certificates[i], MapPath(certificates[i].Value));
                var key = i < keys.Count ? lookup.At(keys[i], MapPath(keys[i].Value)) : null;
                result.Add(new CertificateReference(certificate, key, certificates.Count == 1 ? kind : $"{kind} #{i + 1}"));
            }

            return result;
        }

        /// <summary>The files the directives name (each from the level that applies), mapped like certificates.</summary>
        private List<Setting<string>> Files(NginxLookup lookup, params string[] directives) =>
            directives.Select(lookup.Get).Where(s => !s.IsDefault && s.Value.Length > 0).Select(s => s with { Value = MapPath(s.Value) }).ToList();

        /// <summary>A path as the server opens it: relative to the prefix, under <c>--root</c>; variables and <c>data:</c> left alone.</summary>
        private string MapPath(string configured) =>
            configured.Length == 0 || configured.Contains('$') || configured.StartsWith("data:", StringComparison.Ordinal)
                ? configured
                : configuration.MapPath(configured);

        private static IReadOnlyList<NginxNode> Commands(NginxLookup lookup, string directive)
        {
            var (nodes, _) = lookup.Nodes(directive);
            lookup.Get(directive);
            return nodes;
        }

        /// <summary>The value of the last <c>ssl_conf_command NAME value</c> (OpenSSL applies them in order), or null.</summary>
        private static Setting<string>? Command(IReadOnlyList<NginxNode> commands, string name)
        {
            var node = commands.LastOrDefault(n => n.Arguments.Count == 2 && n.Arguments[0].Value.Equals(name, StringComparison.OrdinalIgnoreCase));
            return node is null
                ? null
                : new Setting<string>(node.Arguments[1].Value, SettingOrigin.Explicit, node.Location, node.Name, node.RawValue);
        }

        /// <summary>An OpenSSL <c>Options</c> flag set (<c>Compression</c>) or cleared (<c>-Compression</c>) by a conf command, or null.</summary>
        private static Setting<bool>? Option(IReadOnlyList<NginxNode> commands, string option)
        {
            Setting<bool>? result = null;
            foreach (var node in commands.Where(n => n.Arguments.Count == 2 && n.Arguments[0].Value.Equals("Options", StringComparison.OrdinalIgnoreCase)))
            {
                foreach (var item in node.Arguments[1].Value.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries))
                {
                    if (item.TrimStart('-').Equals(option, StringComparison.OrdinalIgnoreCase))
                    {
                        result = new Setting<bool>(!item.StartsWith('-'), SettingOrigin.Explicit, node.Location, node.Name, node.RawValue);
                    }
                }
            }

            return result;
        }

        private static Setting<string>? NonEmpty(Setting<string> setting) => setting.Value.Length > 0 ? setting : null;

        /// <summary>
        /// ngx_ssl_create clears the minimum and sets the maximum to the newest version on every context, then switches
        /// versions off with options: a system <c>openssl.cnf</c> MinProtocol/MaxProtocol never applies.
        /// </summary>
        private static ProtocolBounds OwnBounds(string directive) =>
            new(true, true, $"nginx resets both bounds on every context and enables versions from `{directive}` alone");

        private Setting<bool>? SslOn(NginxScope scope)
        {
            if (version >= SslDirectiveRemoved)
            {
                return null;
            }

            var lookup = new NginxLookup(scope, scope.Block!.Location, version);
            var on = lookup.Flag("ssl");
            return on.Value ? on : null;
        }

        /// <summary>
        /// The server's Strict-Transport-Security header, and the locations below it that lose it: nginx inherits
        /// <c>add_header</c> only into a level that has none of its own (from 1.29.3 <c>add_header_inherit</c> can change that).
        /// </summary>
        private (Setting<HstsHeader>? Hsts, IReadOnlyList<SourceLocation> Gaps) Hsts(NginxScope server)
        {
            var serverHeaders = Headers(server);
            var hsts = Sts(serverHeaders, server);
            var gaps = new List<SourceLocation>();
            if (hsts is null)
            {
                return (null, gaps);
            }

            var pending = new Stack<(NginxScope Scope, bool ParentHas)>();
            foreach (var location in server.Blocks("location").Reverse())
            {
                pending.Push((server.Child(location, NginxContext.Location), true));
            }

            while (pending.Count > 0)
            {
                var (scope, parentHas) = pending.Pop();
                var has = Sts(Headers(scope), scope) is not null;
                if (parentHas && !has)
                {
                    gaps.Add(scope.Block!.Location);
                }

                foreach (var child in scope.Children.Where(c => c.IsBlock && c.Name is "location" or "if").Reverse())
                {
                    pending.Push((scope.Child(child, child.Name == "location" ? NginxContext.Location : NginxContext.LocationBlock), has));
                }
            }

            return (hsts, gaps);
        }

        /// <summary>The <c>add_header</c> directives in effect at a level.</summary>
        private IReadOnlyList<NginxNode> Headers(NginxScope scope)
        {
            var own = scope.Own("add_header");
            var mode = version >= HeaderInheritControl
                ? scope.Innermost("add_header_inherit")?.Nodes[0].Value.ToLowerInvariant() ?? "on"
                : "on";
            if (scope.Parent is null || mode == "off")
            {
                return own;
            }

            if (mode == "merge")
            {
                return [.. Headers(scope.Parent), .. own];
            }

            return own.Count > 0 ? own : Headers(scope.Parent);
        }

        private static Setting<HstsHeader>? Sts(IReadOnlyList<NginxNode> headers, NginxScope at)
        {
            var node = headers.LastOrDefault(h => h.Arguments.Count >= 2
                && h.Arguments[0].Value.Equals("Strict-Transport-Security", StringComparison.OrdinalIgnoreCase));
            if (node is null)
            {
                return null;
            }

            var always = node.Arguments.Count == 3 && node.Arguments[2].Value == "always";
            var origin = at.Children.Contains(node) ? SettingOrigin.Explicit : SettingOrigin.Inherited;
            return new Setting<HstsHeader>(new HstsHeader(node.Arguments[1].Value, always), origin, node.Location, node.Name, node.RawValue);
        }

        /// <summary>How messages name an http server: <c>www.example.org:443</c>, or <c>the server on port 443</c> without a name.</summary>
        private static string Label(HttpServer server, IEnumerable<NginxListen> listens) =>
            server.Name.Length > 0 ? $"{server.Name}:{Ports(listens)}" : $"the server on port {Ports(listens)}";

        private static string Ports(IEnumerable<NginxListen> listens)
        {
            var ports = listens.Select(l => l.Port?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? l.Address ?? "?").Distinct().ToList();
            return ports.Count == 0 ? "(no port)" : string.Join(",", ports);
        }
    }

    /// <summary>An http server block: its scope, listens (nginx's default when none), first name and <c>ssl on</c>.</summary>
    private sealed class HttpServer
    {
        public HttpServer(NginxScope scope, ProductVersion version)
        {
            Scope = scope;
            Listens = scope.Own("listen").Select(l => NginxListen.Parse(l, 80)).ToList();
            Name = scope.Own("server_name").SelectMany(n => n.Arguments).Select(a => a.Value).FirstOrDefault(v => v.Length > 0) ?? string.Empty;
            if (version < SslDirectiveRemoved)
            {
                var on = new NginxLookup(scope, scope.Block!.Location, version).Flag("ssl");
                SslOn = on.Value ? on : null;
            }
        }

        public NginxScope Scope { get; }

        public List<NginxListen> Listens { get; }

        public string Name { get; }

        public Setting<bool>? SslOn { get; }
    }

    /// <summary>One address:port of the http block: whether it is TLS, and its servers (the default first if marked, else the first).</summary>
    private sealed class Socket
    {
        public bool Ssl { get; set; }

        public List<HttpServer> Servers { get; } = [];

        public HttpServer? Default { get; set; }

        public HttpServer DefaultServer => Default ?? Servers[0];
    }
}

/// <summary>Helpers for nginx settings.</summary>
internal static class NginxSettingExtensions
{
    /// <summary>A file setting with its value mapped to where the server opens it (relative to the prefix, under --root).</summary>
    public static Setting<string>? MapPath(this Setting<string>? setting, NginxConfiguration configuration) =>
        setting is null || setting.Value.Contains('$') ? setting : setting with { Value = configuration.MapPath(setting.Value) };
}
