using System.Globalization;
using System.Text;
using Tlslint.Analysis;
using Tlslint.Syntax.Dovecot;
using Tlslint.Text;

namespace Tlslint.Model.Dovecot;

/// <summary>
/// Replays the statements of a Dovecot tree in reading order against a section stack (a list, never recursion, so
/// 5,000 nested sections cost nothing) and fills a <see cref="DovecotConfig"/>: filters are merged by value, services
/// and listeners by name, 1.x and 2.2 names converted as the assumed release converts them, <c>$key</c>
/// self-references expanded where they stand.
/// </summary>
internal sealed class DovecotConfigBuilder
{
    private static readonly HashSet<string> FilterTypes = new(StringComparer.Ordinal) { "protocol", "local", "local_name", "remote" };
    private static readonly HashSet<string> ListenerTypes = new(StringComparer.Ordinal) { "inet_listener", "unix_listener", "fifo_listener" };

    /// <summary>2.4 named filters whose settings drop their prefix inside the block (<c>ssl_server { cert_file = … }</c>).</summary>
    private static readonly HashSet<string> NamedFilters = new(StringComparer.Ordinal) { "ssl_server", "ssl_client" };

    private readonly DovecotConfig _config;
    private readonly List<ConfigDiagnostic> _diagnostics;
    private readonly List<Frame> _stack = [];
    private readonly Dictionary<(int Parent, string Type, string Name), int> _scopeIds = new();
    private readonly Dictionary<DovecotFilter, int> _filterIds = new();
    private int _nextScope = 1;
    private int _sequence;

    private DovecotConfigBuilder(DovecotConfig config, List<ConfigDiagnostic> diagnostics)
    {
        _config = config;
        _diagnostics = diagnostics;
        _stack.Add(new Frame(FrameKind.Root, 0, DovecotFilter.Global, "global", null));
    }

    private ProductVersion Version => _config.Version;

    private bool Is24 => DovecotVersions.Is24(Version);

    public static DovecotConfig Build(IReadOnlyList<DovecotSourceStatement> statements, ProductVersion version,
        bool debianProtocols, List<ConfigDiagnostic> diagnostics)
    {
        var builder = new DovecotConfigBuilder(new DovecotConfig(version, debianProtocols), diagnostics);
        foreach (var s in statements)
        {
            builder.Apply(s);
        }

        builder.Finish();
        return builder._config;
    }

    private void Apply(DovecotSourceStatement placed)
    {
        var file = placed.File;
        switch (placed.Statement)
        {
            case DovecotSectionStart start:
                Open(file, start);
                break;
            case DovecotSectionEnd end:
                if (_stack.Count == 1)
                {
                    Error(new SourceLocation(file, end.Range), "`}` closes no section: Dovecot stops with \"Unexpected '}'\"; remove it or add the section header it belongs to");
                }
                else
                {
                    var closed = _stack[^1];
                    _stack.RemoveAt(_stack.Count - 1);
                    if (closed.Opened is { Range: { } header } opened && opened.File == file)
                    {
                        _config.Blocks.Add(new ConfigBlock(new SourceLocation(file, new TextRange(header.Start, end.Range.End)), closed.Label));
                    }
                }

                break;
            case DovecotAssignment assignment:
                Assign(file, assignment);
                break;
        }
    }

    private void Finish()
    {
        for (var i = _stack.Count - 1; i >= 1; i--)
        {
            var f = _stack[i];
            Error(f.Opened!.Value, $"`{f.Label} {{` is never closed: Dovecot stops with \"Missing '}}'\"; add the `}}` that ends it");
        }
    }

    private void Open(SourceFile file, DovecotSectionStart start)
    {
        var parent = _stack[^1];
        var at = new SourceLocation(file, start.Range);
        var label = start.Header;
        if (FilterTypes.Contains(start.Type) && parent.Kind is FrameKind.Root or FrameKind.Filter)
        {
            var filter = NestFilter(parent.Filter, start, at);
            if (!_filterIds.TryGetValue(filter, out var id))
            {
                id = _nextScope++;
                _filterIds[filter] = id;
                _config.Filters[filter] = new Dictionary<string, DovecotValue>(StringComparer.Ordinal);
                _config.FilterLocations[filter] = at;
            }

            _stack.Add(new Frame(FrameKind.Filter, id, filter, filter.ToString(), at));
            return;
        }

        // Unnamed inet listeners of one service are one listener to Dovecot (their name is the empty string).
        var sectionName = start.Type == "inet_listener" && start.Name is null ? string.Empty : start.Name;
        var scope = ScopeId(parent.ScopeId, start.Type, start.Label is null ? sectionName : start.Label + " " + sectionName);
        if (start.Type == "service" && parent.Kind is FrameKind.Root && start.Name is not null)
        {
            if (!_config.Services.TryGetValue(start.Name, out var service))
            {
                service = new DovecotService(start.Name, at);
                _config.Services[start.Name] = service;
            }

            _stack.Add(new Frame(FrameKind.Service, scope, parent.Filter, label, at) { Service = service });
            return;
        }

        if (start.Type == "inet_listener" && parent is { Kind: FrameKind.Service, Service: { } owner })
        {
            var listener = owner.InetListeners.FirstOrDefault(l => l.Name == start.Name);
            if (listener is null)
            {
                listener = new DovecotListener(start.Name, at);
                owner.InetListeners.Add(listener);
            }

            _stack.Add(new Frame(FrameKind.Listener, scope, parent.Filter, $"{owner.Name} / {label}", at) { Listener = listener });
            return;
        }

        if (start is { Type: "group", Label: not null })
        {
            if (!Is24)
            {
                Error(at, $"`{label}` defines a group, which exists only in Dovecot 2.4 and later: Dovecot {Version} stops with a fatal error");
            }

            var key = start.Label + " " + start.Name;
            _config.Groups.TryAdd(key, new Dictionary<string, DovecotValue>(StringComparer.Ordinal));
            _stack.Add(new Frame(FrameKind.Group, scope, parent.Filter, label, at) { Group = key });
            return;
        }

        if (Is24 && start.Name is null && NamedFilters.Contains(start.Type) && parent.Kind is FrameKind.Root or FrameKind.Filter)
        {
            _stack.Add(new Frame(FrameKind.NamedFilter, scope, parent.Filter, label, at) { Prefix = start.Type + "_" });
            return;
        }

        if (Is24 && start is { Type: "protocols", Name: null } && parent.Kind is FrameKind.Root)
        {
            _stack.Add(new Frame(FrameKind.ProtocolList, scope, parent.Filter, label, at));
            return;
        }

        if (ListenerTypes.Contains(start.Type) || parent.Kind is not (FrameKind.Root or FrameKind.Filter))
        {
            _stack.Add(new Frame(FrameKind.Other, scope, parent.Filter, label, at));
            return;
        }

        _stack.Add(new Frame(FrameKind.Other, scope, parent.Filter, label, at));
    }

    /// <summary>
    /// The filter a nested <c>protocol</c>/<c>local</c>/<c>local_name</c>/<c>remote</c> block means. Dovecot requires the
    /// order local → local_name → remote → protocol from outside in, and stops with a fatal error otherwise.
    /// </summary>
    private DovecotFilter NestFilter(DovecotFilter parent, DovecotSectionStart start, SourceLocation at)
    {
        var value = start.Name ?? string.Empty;
        string? problem = start.Type switch
        {
            "protocol" when parent.Protocol is not null => "`protocol` must not be inside another `protocol`",
            "local" when parent.Remote is not null => "`local` must not be inside `remote`",
            "local" when parent.Protocol is not null => "`local` must not be inside `protocol` (write `local { protocol { … } }`)",
            "local" when parent.LocalName is not null => "`local` must not be inside `local_name`",
            "local_name" when parent.Remote is not null => "`local_name` must not be inside `remote`",
            "local_name" when parent.Protocol is not null => "`local_name` must not be inside `protocol` (write `local_name { protocol { … } }`)",
            "remote" when parent.Protocol is not null => "`remote` must not be inside `protocol` (write `remote { protocol { … } }`)",
            _ => null,
        };
        if (problem is not null)
        {
            Error(at, $"{problem}: Dovecot stops with a fatal error");
        }

        if (value.Length == 0)
        {
            Error(at, $"`{start.Type}` filter without a value: Dovecot stops with a fatal error; name what it matches");
        }

        return start.Type switch
        {
            "protocol" => parent with { Protocol = value },
            "local" => parent with { Local = value },
            "local_name" => parent with { LocalName = value },
            _ => parent with { Remote = value },
        };
    }

    private int ScopeId(int parent, string type, string? name)
    {
        if (name is null)
        {
            return _nextScope++; // unnamed sections are never merged
        }

        if (!_scopeIds.TryGetValue((parent, type, name), out var id))
        {
            id = _nextScope++;
            _scopeIds[(parent, type, name)] = id;
        }

        return id;
    }

    private void Assign(SourceFile file, DovecotAssignment a)
    {
        var frame = _stack[^1];
        var at = new SourceLocation(file, a.Range);
        var name = frame.Kind == FrameKind.NamedFilter && !a.Key.StartsWith(frame.Prefix, StringComparison.Ordinal)
            ? frame.Prefix + a.Key
            : a.Key;
        var value = Expand(frame, name, a);
        var selfReference = value != a.Written && a.Kind == DovecotValueKind.Variable;
        AddDirective(file, a, frame, name, selfReference);

        UnknownVariables(a, at);
        var stored = new DovecotValue(name, value, name, a.Written, a.Kind, at, _sequence++);
        switch (frame.Kind)
        {
            case FrameKind.Root or FrameKind.Filter or FrameKind.NamedFilter:
                if (name.StartsWith('@'))
                {
                    GroupReference(frame, a, at);
                    return;
                }

                Store(_config.Filters[frame.Filter], Convert(stored));
                break;
            case FrameKind.Service:
                frame.Service!.Settings[name] = stored;
                break;
            case FrameKind.Listener:
                frame.Listener!.Settings[name] = stored;
                break;
            case FrameKind.Group:
                _config.Groups[frame.Group!][name] = stored;
                break;
            case FrameKind.ProtocolList:
                ProtocolListEntry(stored);
                break;
        }
    }

    private void AddDirective(SourceFile file, DovecotAssignment a, Frame frame, string name, bool selfReference)
    {
        var judged = frame.Kind is FrameKind.Root or FrameKind.Filter or FrameKind.NamedFilter or FrameKind.Listener or FrameKind.Group;
        var knowledge = judged && !name.StartsWith('@') ? DovecotVocabulary.Lookup(name, a.Value, Version) : NameInfo.Known(false);

        // `protocols = $protocols imap` adds to the value before it instead of replacing it: not a duplicate.
        var scope = selfReference ? $"{frame.ScopeId}+{_sequence}" : frame.ScopeId.ToString(CultureInfo.InvariantCulture);
        _config.Directives.Add(new Directive(name, a.Written, scope, frame.Label,
            new SourceLocation(file, a.Range), new SourceLocation(file, a.KeyRange), new SourceLocation(file, a.ValueRange), knowledge)
        {
            Product = Product.Dovecot,
        });
    }

    private static void Store(Dictionary<string, DovecotValue> settings, DovecotValue? value)
    {
        if (value is not null)
        {
            settings[value.Name] = value;
        }
    }

    /// <summary>
    /// What the assumed release's parser makes of an old name (old-set-parser.c): 1.x names become their 2.x
    /// successors; 2.3 turns <c>ssl_protocols</c> into <c>ssl_min_protocol</c> and drops the DH length settings.
    /// 2.4 converts nothing (it rejects the old names), but tlslint keeps what they ask for.
    /// </summary>
    private DovecotValue? Convert(DovecotValue v)
    {
        switch (v.Name)
        {
            case "ssl_disable":
                return v with { Name = "ssl", Value = v.Value.Trim() == "yes" ? "no" : "yes" };
            case "ssl_cert_file" or "ssl_key_file" or "ssl_ca_file":
                return v with { Name = v.Name[..^"_file".Length], Value = "<" + v.Value };
            case "protocols":
                return v with { Value = ConvertProtocols(v) };
            case "ssl_protocols" when DovecotVersions.HasMinProtocol(Version) && !Is24:
                return MinProtocolFrom(v);
            case "ssl_dh_parameters_length" or "ssl_parameters_regenerate" when DovecotVersions.HasMinProtocol(Version) && !Is24:
                return null;
            default:
                return v;
        }
    }

    /// <summary>1.x <c>imaps</c>/<c>pop3s</c> become <c>imap</c>/<c>pop3</c>; listed alone, the cleartext listener is closed.</summary>
    private string ConvertProtocols(DovecotValue v)
    {
        var names = v.Value.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries).ToList();
        if (Is24 || !names.Any(n => n is "imaps" or "pop3s"))
        {
            return v.Value;
        }

        var result = new List<string>();
        foreach (var n in names)
        {
            var plain = n is "imaps" or "pop3s" ? n[..^1] : n;
            if (n is "imaps" or "pop3s" && !names.Contains(plain))
            {
                var service = Service(plain + "-login", v.Location);
                var listener = service.InetListeners.FirstOrDefault(l => l.Name == plain);
                if (listener is null)
                {
                    listener = new DovecotListener(plain, v.Location);
                    service.InetListeners.Add(listener);
                }

                listener.Settings["port"] = v with { Name = "port", Value = "0" };
            }

            if (!result.Contains(plain))
            {
                result.Add(plain);
            }
        }

        // doveconf lists the converted names after the others.
        return string.Join(' ', result.Where(n => !names.Contains(n + "s") || names.Contains(n)).Concat(result.Where(n => names.Contains(n + "s") && !names.Contains(n))));
    }

    private DovecotService Service(string name, SourceLocation at)
    {
        if (!_config.Services.TryGetValue(name, out var service))
        {
            service = new DovecotService(name, at);
            _config.Services[name] = service;
        }

        return service;
    }

    /// <summary>2.3 turns <c>ssl_protocols</c> into <c>ssl_min_protocol</c>, or drops it when that fails (TLS006 says which).</summary>
    private static DovecotValue? MinProtocolFrom(DovecotValue v) =>
        DovecotProtocols.MinimumFromList(v.Value, out _) is { } min ? v with { Name = "ssl_min_protocol", Value = min } : null;

    private void GroupReference(Frame frame, DovecotAssignment a, SourceLocation at)
    {
        if (!Is24)
        {
            Error(at, $"`{a.Key} = {a.Value}` applies a group, which exists only in Dovecot 2.4 and later: Dovecot {Version} stops with a fatal error");
            return;
        }

        if (a.Value.Contains('$'))
        {
            Error(at, "a group reference cannot hold variables: Dovecot stops with \"Include groups cannot contain $variables\"");
            return;
        }

        if (!_config.GroupReferences.TryGetValue(frame.Filter, out var list))
        {
            list = [];
            _config.GroupReferences[frame.Filter] = list;
        }

        list.Add(a.Key + " " + a.Value.Trim());
    }

    /// <summary>2.4 <c>protocols { imap = yes }</c>: each entry adds or removes one protocol.</summary>
    private void ProtocolListEntry(DovecotValue entry)
    {
        var global = _config.Filters[DovecotFilter.Global];
        var current = global.TryGetValue("protocols", out var p)
            ? p.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList()
            : DovecotDefaults.For("protocols", Version, _config.DebianProtocols)!.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        current.Remove(entry.Name);
        if (entry.Value.Trim() == "yes")
        {
            current.Add(entry.Name);
        }

        global["protocols"] = entry with { Name = "protocols", Value = string.Join(' ', current) };
    }

    /// <summary>
    /// Parse-time expansion, which <c>doveconf -n</c> shows: 2.2/2.3 replace a whitespace-separated <c>$key</c> token
    /// that names the setting being assigned with its value so far (2.4: <c>$SET:key</c>). Other variables stay as
    /// written until the daemon starts.
    /// </summary>
    private string Expand(Frame frame, string name, DovecotAssignment a)
    {
        if (a.Kind != DovecotValueKind.Variable)
        {
            return a.Written;
        }

        var self = (Is24 ? "$SET:" : "$") + name;
        var value = a.Value;
        var sb = new StringBuilder(value.Length);
        var i = 0;
        var changed = false;
        while (i < value.Length)
        {
            var tokenStart = i;
            while (i < value.Length && value[i] is not (' ' or '\t'))
            {
                i++;
            }

            var token = value[tokenStart..i];
            if (token == self)
            {
                sb.Append(CurrentValue(frame, name));
                changed = true;
            }
            else
            {
                sb.Append(token);
            }

            while (i < value.Length && value[i] is ' ' or '\t')
            {
                sb.Append(value[i++]);
            }
        }

        return changed ? sb.ToString() : a.Written;
    }

    /// <summary>
    /// A 2.2/2.3 variable token takes everything up to the next space as the name, so <c>$ssl_cipher_list:!MD5</c>
    /// looks for a setting called <c>ssl_cipher_list:!MD5</c>. <c>doveconf -n</c> does not notice; the daemon stops
    /// with "Unknown variable" when it starts.
    /// </summary>
    private void UnknownVariables(DovecotAssignment a, SourceLocation at)
    {
        if (a.Kind != DovecotValueKind.Variable || Is24)
        {
            return;
        }

        foreach (var token in a.Value.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
        {
            var name = token.StartsWith('$') ? token[1..] : null;
            if (name is null || name.StartsWith("ENV:", StringComparison.Ordinal) || name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
            {
                continue;
            }

            var plain = new string(name.TakeWhile(c => char.IsAsciiLetterOrDigit(c) || c == '_').ToArray());
            _diagnostics.Add(new ConfigDiagnostic(DiagnosticKind.ParseError,
                $"`{token}` is read as a variable named `{name}`, which no setting is: doveconf -n accepts it, but Dovecot stops with \"Unknown variable\" when it starts; separate the variable with a space (`${plain} {name[plain.Length..].TrimStart(':')}`)",
                at, Fatal: false));
        }
    }

    /// <summary>The value a setting has at this point of reading: this scope, then the enclosing filters, then the default.</summary>
    private string CurrentValue(Frame frame, string name)
    {
        switch (frame.Kind)
        {
            case FrameKind.Service when frame.Service!.Settings.TryGetValue(name, out var s):
                return s.Value;
            case FrameKind.Listener when frame.Listener!.Settings.TryGetValue(name, out var l):
                return l.Value;
        }

        for (var i = _stack.Count - 1; i >= 0; i--)
        {
            if (_config.Filters.TryGetValue(_stack[i].Filter, out var settings) && settings.TryGetValue(name, out var v))
            {
                return v.Value;
            }
        }

        return DovecotDefaults.For(name, Version, _config.DebianProtocols) ?? string.Empty;
    }

    private void Error(SourceLocation at, string message) =>
        _diagnostics.Add(new ConfigDiagnostic(DiagnosticKind.ParseError, message, at, Fatal: true));

    private enum FrameKind
    {
        Root,
        Filter,
        NamedFilter,
        Service,
        Listener,
        Group,
        ProtocolList,
        Other,
    }

    private sealed record Frame(FrameKind Kind, int ScopeId, DovecotFilter Filter, string Label, SourceLocation? Opened)
    {
        public DovecotService? Service { get; init; }

        public DovecotListener? Listener { get; init; }

        public string? Group { get; init; }

        public string Prefix { get; init; } = string.Empty;
    }
}
