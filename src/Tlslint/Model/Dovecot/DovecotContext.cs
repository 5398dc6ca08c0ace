using Tlslint.Syntax.Dovecot;
using Tlslint.Text;

namespace Tlslint.Model.Dovecot;

/// <summary>
/// The settings one Dovecot connection sees: a protocol (null for outgoing connections), and optionally a connection
/// filter (<c>local</c>, <c>remote</c>, <c>local_name</c>) it matches. Every filter that fits contributes; the most
/// specific one that sets a name wins, whatever the file order, then the global value, then the release's default.
/// </summary>
internal sealed class DovecotContext
{
    private readonly DovecotConfig _config;
    private readonly List<DovecotFilter> _filters;
    private readonly SourceLocation _defaultLocation;
    private readonly Dictionary<string, Setting<string>> _used = new(StringComparer.Ordinal);

    public DovecotContext(DovecotConfig config, string? protocol, DovecotFilter connection, SourceLocation defaultLocation)
    {
        _config = config;
        _defaultLocation = defaultLocation;
        _filters = config.Filters.Keys
            .Where(f => f.FitsConnection(connection) && (protocol is null ? f.Protocol is null : f.MatchesProtocol(protocol)))
            .OrderByDescending(f => f.Specificity)
            .ToList();
    }

    /// <summary>Every setting this context was asked for, by name, with its effective value and origin.</summary>
    public IReadOnlyDictionary<string, Setting<string>> Used => _used;

    public ProductVersion Version => _config.Version;

    /// <summary>
    /// The effective value of <paramref name="name"/>; <paramref name="aliases"/> are other names for the same thing
    /// (the other release's name), so that a 2.3 file read as 2.4 (or the reverse) still says what it asks for.
    /// For a value read from a file (<c>&lt;path</c>) the value is the path.
    /// </summary>
    public Setting<string> Get(string name, params string[] aliases)
    {
        if (_used.TryGetValue(name, out var cached))
        {
            return cached;
        }

        var setting = Find(name, aliases) is var (value, filter)
            ? new Setting<string>(Value(value), filter.IsGlobal ? SettingOrigin.Inherited : SettingOrigin.Explicit,
                value.Location, value.WrittenName, value.RawText)
            : Default(name);
        _used[name] = setting;
        return setting;
    }

    /// <summary>
    /// The <c>ssl</c> switch: a global <c>ssl = no</c> turns TLS off everywhere, and Dovecot ignores <c>ssl = yes</c>
    /// in filters then (doveconf warns "SSL is disabled because global ssl=no").
    /// </summary>
    public Setting<string> Ssl()
    {
        var global = _config.Global("ssl");
        if (global is not null && global.Value.Trim() == "no")
        {
            var setting = new Setting<string>("no", SettingOrigin.Inherited, global.Location, global.WrittenName, global.RawText);
            _used["ssl"] = setting;
            return setting;
        }

        return Get("ssl");
    }

    /// <summary>Whether any filter that fits sets one of the names (used to tell written from defaulted values).</summary>
    public bool IsWritten(string name, params string[] aliases) => Find(name, aliases) is not null;

    public Setting<string> Default(string name) =>
        new(DovecotDefaults.For(name, _config.Version, _config.DebianProtocols) ?? string.Empty, SettingOrigin.Default,
            _defaultLocation, name, DovecotDefaults.For(name, _config.Version, _config.DebianProtocols) ?? string.Empty, _config.Version);

    private (DovecotValue Value, DovecotFilter Filter)? Find(string name, string[] aliases)
    {
        foreach (var filter in _filters)
        {
            var settings = _config.Filters[filter];
            var best = Latest(settings, name, aliases);
            if (best is null && _config.GroupReferences.TryGetValue(filter, out var groups))
            {
                // Settings a filter writes itself beat those of the groups it applies, whatever the order.
                foreach (var group in groups)
                {
                    if (_config.Groups.TryGetValue(group, out var groupSettings))
                    {
                        best = Later(best, Latest(groupSettings, name, aliases));
                    }
                }
            }

            if (best is not null)
            {
                return (best, filter);
            }
        }

        return null;
    }

    private static DovecotValue? Latest(Dictionary<string, DovecotValue> settings, string name, string[] aliases)
    {
        var best = settings.GetValueOrDefault(name);
        foreach (var alias in aliases)
        {
            best = Later(best, settings.GetValueOrDefault(alias));
        }

        return best;
    }

    private static DovecotValue? Later(DovecotValue? a, DovecotValue? b) =>
        a is null ? b : b is null ? a : b.Sequence > a.Sequence ? b : a;

    /// <summary>
    /// The value as the daemon uses it: a file value is its path; the variables that <c>doveconf -n</c> leaves alone
    /// (2.2/2.3 <c>$name</c>, 2.4 <c>$SET:name</c>) are replaced with the value of that setting here.
    /// </summary>
    private string Value(DovecotValue v)
    {
        if (v.Kind == DovecotValueKind.File || v.Value.StartsWith('<'))
        {
            return v.Value.TrimStart('<').TrimStart(' ', '\t');
        }

        if (v.Kind != DovecotValueKind.Variable)
        {
            return v.Value;
        }

        var prefix = DovecotVersions.Is24(_config.Version) ? "$SET:" : "$";
        var tokens = v.Value.Split(' ');
        for (var i = 0; i < tokens.Length; i++)
        {
            var t = tokens[i];
            if (t.StartsWith(prefix, StringComparison.Ordinal) && t.Length > prefix.Length && !t.StartsWith("$ENV:", StringComparison.Ordinal)
                && t[prefix.Length..] != v.Name && IsSettingName(t[prefix.Length..]) && !_resolving.Contains(t))
            {
                _resolving.Add(t);
                tokens[i] = Get(t[prefix.Length..]).Value;
                _resolving.Remove(t);
            }
        }

        return string.Join(' ', tokens);
    }

    private readonly HashSet<string> _resolving = new(StringComparer.Ordinal);

    private static bool IsSettingName(string name) => name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_' || c == '/');
}
