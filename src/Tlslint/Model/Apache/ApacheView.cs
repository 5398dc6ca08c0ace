using Tlslint.Analysis;
using Tlslint.Text;

namespace Tlslint.Model.Apache;

/// <summary>
/// The directives one server sees: its own (a virtual host's, or the main server's), then what it inherits from the
/// main server, then mod_ssl's defaults. Records every setting asked for, for <c>tlslint endpoints</c>.
/// </summary>
internal sealed class ApacheView
{
    private readonly IReadOnlyList<ApacheActiveDirective> _own;
    private readonly IReadOnlyList<ApacheActiveDirective> _server;
    private readonly List<ConfigDiagnostic> _problems;
    private readonly Dictionary<string, Setting<string>> _used = new(StringComparer.Ordinal);

    public ApacheView(IReadOnlyList<ApacheActiveDirective> own, IReadOnlyList<ApacheActiveDirective> server,
        SourceLocation anchor, ProductVersion version, List<ConfigDiagnostic> problems)
    {
        _own = own;
        _server = server;
        Anchor = anchor;
        Version = version;
        _problems = problems;
    }

    /// <summary>Where a missing directive would be written: the virtual host, or the main server's file.</summary>
    public SourceLocation Anchor { get; }

    public ProductVersion Version { get; }

    public IReadOnlyDictionary<string, Setting<string>> Used => _used;

    /// <summary>The directive in force and whether the server itself or the main server wrote it.</summary>
    public (ApacheActiveDirective? Directive, SettingOrigin Origin) Find(string name, Func<ApacheActiveDirective, bool>? filter = null)
    {
        var own = Last(_own, name, filter);
        if (own is not null)
        {
            return (own, SettingOrigin.Explicit);
        }

        var inherited = Last(_server, name, filter);
        return inherited is null ? (null, SettingOrigin.Default) : (inherited, SettingOrigin.Inherited);
    }

    /// <summary>A directive's arguments as one string, or <paramref name="defaultText"/> at the anchor when unset.</summary>
    public Setting<string> Get(string name, string defaultText, Func<ApacheActiveDirective, bool>? filter = null, string? key = null)
    {
        var (directive, origin) = Find(name, filter);
        var setting = directive is null
            ? new Setting<string>(defaultText, SettingOrigin.Default, Anchor, name, defaultText, Version)
            : new Setting<string>(directive.ArgumentText, origin, directive.Location, name, directive.ArgumentText);
        _used[key ?? name] = setting;
        return setting;
    }

    /// <summary>An On/Off directive (FLAG: case-insensitive, extra words ignored, anything else refused by httpd).</summary>
    public Setting<bool> Flag(string name, bool defaultValue)
    {
        var setting = Get(name, defaultValue ? "on" : "off");
        if (setting.IsDefault)
        {
            return setting.Map(_ => defaultValue);
        }

        var word = setting.Value.Split(' ', 2)[0];
        if (word.Equals("on", StringComparison.OrdinalIgnoreCase))
        {
            return setting.Map(_ => true);
        }

        if (!word.Equals("off", StringComparison.OrdinalIgnoreCase))
        {
            Problem($"`{name} {setting.RawText}` must be `on` or `off`: httpd refuses to start", setting.Location);
        }

        return setting.Map(_ => false);
    }

    /// <summary>Directives whose values add up, main server first (SSLOpenSSLConfCmd, Header).</summary>
    public IEnumerable<(ApacheActiveDirective Directive, SettingOrigin Origin)> Appended(string name) =>
        _server.Where(d => d.Is(name)).Select(d => (d, SettingOrigin.Inherited))
            .Concat(_own.Where(d => d.Is(name)).Select(d => (d, SettingOrigin.Explicit)));

    /// <summary>
    /// A list merged by position (SSLCertificateFile, SSLCertificateKeyFile): the server's own entries replace the
    /// main server's at the same index, the main server's remaining ones follow.
    /// </summary>
    public List<(ApacheActiveDirective Directive, SettingOrigin Origin)> Positional(string name)
    {
        var own = _own.Where(d => d.Is(name)).ToList();
        var server = _server.Where(d => d.Is(name)).ToList();
        var result = own.Select(d => (d, SettingOrigin.Explicit)).ToList();
        result.AddRange(server.Skip(own.Count).Select(d => (d, SettingOrigin.Inherited)));
        return result;
    }

    public void Record(string key, Setting<string> setting) => _used[key] = setting;

    public void Problem(string message, SourceLocation location)
    {
        if (!_problems.Any(p => p.Message == message && p.Location == location))
        {
            _problems.Add(new ConfigDiagnostic(DiagnosticKind.ParseError, message, location, Fatal: true));
        }
    }

    private static ApacheActiveDirective? Last(IReadOnlyList<ApacheActiveDirective> list, string name, Func<ApacheActiveDirective, bool>? filter)
    {
        for (var i = list.Count - 1; i >= 0; i--)
        {
            if (list[i].Is(name) && (filter is null || filter(list[i])))
            {
                return list[i];
            }
        }

        return null;
    }
}
