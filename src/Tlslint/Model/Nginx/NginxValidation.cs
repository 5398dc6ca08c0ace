using Tlslint.Analysis;
using Tlslint.Text;
using Tlslint.Tls.OpenSsl;

namespace Tlslint.Model.Nginx;

/// <summary>
/// One pass over the expanded configuration: every directive becomes a <see cref="Directive"/> (scoped to its block,
/// so that a file included twice makes two scopes), and the TLS directives get nginx's own checks that stop it at
/// start-up: the number of arguments, <c>on</c>/<c>off</c> values, and server-level ssl directives inside a location.
/// Bodies of data blocks (<c>map</c>, <c>types</c> …) hold no directives and are skipped.
/// </summary>
internal static class NginxValidation
{
    private static readonly HashSet<string> DataBlocks = new(StringComparer.Ordinal)
    {
        "map", "types", "geo", "split_clients", "charset_map", "match",
    };

    public static void Check(IReadOnlyList<NginxNode> top, ProductVersion version, List<Directive> directives, List<ConfigDiagnostic> diagnostics)
    {
        var fragment = !top.Any(n => n.IsBlock && n.Name is "http" or "mail" or "stream" or "events");
        var pending = new Stack<(NginxNode Node, NginxContext Context, string Scope, string Label)>();
        Push(pending, top, fragment ? NginxContext.Http : NginxContext.Main, "main", "main context");
        while (pending.Count > 0)
        {
            var (node, context, scope, label) = pending.Pop();
            if (node.IsBlock)
            {
                var inner = Inner(context, node.Name);
                if (inner != NginxContext.Data)
                {
                    Push(pending, node.Children!, inner, $"block#{node.Id}", $"{node.Name} block at {node.File.Path}:{node.Location.Line}");
                }

                continue;
            }

            var directive = node.Directive;
            var args = directive.Arguments;
            var valueRange = args.Count == 0
                ? new TextRange(directive.Name.Range.End, directive.Name.Range.End)
                : new TextRange(args[0].Range.Start, args[^1].Range.End);
            directives.Add(new Directive(node.Name, node.Value, scope, label, node.Location,
                new SourceLocation(node.File, directive.Name.Range), new SourceLocation(node.File, valueRange),
                NginxVocabulary.Lookup(node.Name, version))
            {
                Product = Product.Nginx,
            });

            if (NginxVocabulary.Info(node.Name) is { } info && (Problem(node, info, context) ?? ListenProblem(node, version)) is { } message)
            {
                diagnostics.Add(new ConfigDiagnostic(DiagnosticKind.ParseError, message, node.Location, Fatal: false));
            }
        }
    }

    private static void Push(Stack<(NginxNode, NginxContext, string, string)> pending, IReadOnlyList<NginxNode> nodes,
        NginxContext context, string scope, string label)
    {
        for (var i = nodes.Count - 1; i >= 0; i--)
        {
            pending.Push((nodes[i], context, scope, label));
        }
    }

    private static NginxContext Inner(NginxContext outer, string block) => (outer, block) switch
    {
        _ when DataBlocks.Contains(block) => NginxContext.Data,
        (NginxContext.Main, "http") => NginxContext.Http,
        (NginxContext.Main, "mail") => NginxContext.Mail,
        (NginxContext.Main, "stream") => NginxContext.Stream,
        (NginxContext.Http, "server") => NginxContext.HttpServer,
        (NginxContext.Mail, "server") => NginxContext.MailServer,
        (NginxContext.Stream, "server") => NginxContext.StreamServer,
        (NginxContext.HttpServer or NginxContext.Location, "location") => NginxContext.Location,
        (NginxContext.HttpServer or NginxContext.Location or NginxContext.LocationBlock, "if" or "limit_except") => NginxContext.LocationBlock,
        _ => NginxContext.Other,
    };

    /// <summary><c>listen … spdy</c>: nginx 1.9.5 replaced SPDY with HTTP/2 and rejects the parameter since.</summary>
    private static string? ListenProblem(NginxNode node, ProductVersion version) =>
        node.Name == "listen" && version >= new ProductVersion(1, 9, 5) && node.Arguments.Skip(1).Any(a => a.Value == "spdy")
            ? "`spdy` is no longer a `listen` parameter (nginx 1.9.5 replaced SPDY with HTTP/2): nginx stops with `invalid parameter \"spdy\"`; write `http2` instead"
            : null;

    private static string? Problem(NginxNode node, NginxDirectiveInfo info, NginxContext context)
    {
        var name = node.Name;
        var count = node.Arguments.Count;
        if (count < info.MinArguments || count > info.MaxArguments)
        {
            var expected = info.MinArguments == info.MaxArguments ? $"{info.MinArguments}"
                : info.MaxArguments == int.MaxValue ? $"at least {info.MinArguments}"
                : $"{info.MinArguments} to {info.MaxArguments}";
            var hint = name.EndsWith("ciphers", StringComparison.Ordinal) && count > 1
                ? "; join the cipher list with `:` or quote it"
                : string.Empty;
            return $"`{name}` takes {expected} argument{(expected == "1" ? string.Empty : "s")}, not {count}: nginx stops with `invalid number of arguments in \"{name}\" directive`{hint}";
        }

        if (info.IsFlag && node.Arguments[0].Value is var flag && !flag.Equals("on", StringComparison.OrdinalIgnoreCase)
            && !flag.Equals("off", StringComparison.OrdinalIgnoreCase))
        {
            return $"`{name} {node.Arguments[0].Raw}` is not `on` or `off`: nginx stops with `invalid value \"{flag}\" in \"{name}\" directive, it must be \"on\" or \"off\"`";
        }

        // Protocol commands OpenSSL refuses are the resolver's (they leave no version to offer: TLS103).
        if (name == "ssl_conf_command" && node.Arguments[0].Value is var command && !SslConfCommands.IsProtocolCommand(command)
            && SslConfCommands.Problem(command, node.Arguments[1].Value) is { } refused)
        {
            return $"`{name} {node.RawValue}`: {refused}: nginx stops when a TLS server uses it (`SSL_CONF_cmd(\"{command}\", \"{node.Arguments[1].Value}\") failed`)";
        }

        if (context is NginxContext.Location or NginxContext.LocationBlock && NginxVocabulary.IsServerLevelOnly(name))
        {
            return $"`{name}` is not allowed inside `location`: nginx stops with `\"{name}\" directive is not allowed here`; move it to the server block";
        }

        return null;
    }
}
