using Tlslint.Text;

namespace Tlslint.Model.Nginx;

/// <summary>
/// The values one endpoint sees: a directive written at the endpoint's own level, else at the nearest enclosing level
/// (nginx's merge: server from http, location from server), else the built-in default of the assumed release. Array
/// directives (<c>ssl_certificate</c>, <c>ssl_conf_command</c>) are taken whole from the innermost level that has any;
/// bitmask directives (<c>ssl_protocols</c>) repeated in one level add up.
/// </summary>
internal sealed class NginxLookup
{
    private readonly NginxScope _own;
    private readonly SourceLocation _anchor;
    private readonly ProductVersion _version;
    private readonly Dictionary<string, Setting<string>> _used = new(StringComparer.Ordinal);

    public NginxLookup(NginxScope own, SourceLocation anchor, ProductVersion version)
    {
        _own = own;
        _anchor = anchor;
        _version = version;
    }

    public NginxScope Own => _own;

    public SourceLocation Anchor => _anchor;

    public ProductVersion Version => _version;

    /// <summary>Every directive this endpoint was asked for, with its effective value and origin.</summary>
    public IReadOnlyDictionary<string, Setting<string>> Used => _used;

    /// <summary>The occurrences that apply (innermost level that writes any), and whether that level is the endpoint's own.</summary>
    public (IReadOnlyList<NginxNode> Nodes, SettingOrigin Origin) Nodes(string name)
    {
        var found = _own.Innermost(name);
        return found is { } f
            ? (f.Nodes, f.Scope == _own ? SettingOrigin.Explicit : SettingOrigin.Inherited)
            : ([], SettingOrigin.Default);
    }

    /// <summary>The effective value as text: all words of the occurrences at the level that applies, or the default.</summary>
    public Setting<string> Get(string name)
    {
        if (_used.TryGetValue(name, out var cached))
        {
            return cached;
        }

        var (nodes, origin) = Nodes(name);
        Setting<string> setting;
        if (nodes.Count == 0)
        {
            var raw = NginxDefaults.For(name, _version);
            setting = new Setting<string>(raw, SettingOrigin.Default, _anchor, name, raw, _version);
        }
        else
        {
            setting = new Setting<string>(string.Join(' ', nodes.Select(n => n.Value)), origin, nodes[0].Location, name,
                string.Join(' ', nodes.Select(n => n.RawValue)));
        }

        _used[name] = setting;
        return setting;
    }

    /// <summary>An <c>on</c>/<c>off</c> directive (nginx compares case-insensitively; other words are reported by validation).</summary>
    public Setting<bool> Flag(string name) => Get(name).Map(IsOn);

    /// <summary>Records a value for <c>tlslint endpoints</c> that did not come from <see cref="Get"/>.</summary>
    public void Note(string name, Setting<string> setting) => _used[name] = setting;

    public Setting<T> At<T>(NginxNode node, T value, string? name = null) =>
        new(value, Origin(node), node.Location, name ?? node.Name, node.RawValue);

    public SettingOrigin Origin(NginxNode node) => _own.Children.Contains(node) ? SettingOrigin.Explicit : SettingOrigin.Inherited;

    public static bool IsOn(string value) => value.Trim().Equals("on", StringComparison.OrdinalIgnoreCase);
}
