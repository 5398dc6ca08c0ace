using Tlslint.Syntax.Postfix;
using Tlslint.Text;

namespace Tlslint.Model.Postfix;

/// <summary>
/// The parameter dictionary one Postfix process sees: main.cf, then the service's <c>-o</c> overrides, then built-in
/// defaults; values are expanded lazily against that same dictionary, as the daemons do.
/// </summary>
internal sealed class PostfixScope
{
    private readonly IReadOnlyDictionary<string, PostfixParameter> _main;
    private readonly IReadOnlyDictionary<string, PostfixParameter> _overrides;
    private readonly SourceFile? _mainFile;
    private readonly SourceFile? _masterFile;
    private readonly ProductVersion _version;
    private readonly SourceLocation _anchor;
    private readonly PostfixExpander _expander;
    private readonly Dictionary<string, Setting<string>> _used = new(StringComparer.Ordinal);

    public PostfixScope(IReadOnlyDictionary<string, PostfixParameter> main, SourceFile? mainFile,
        IReadOnlyDictionary<string, PostfixParameter> overrides, SourceFile? masterFile,
        ProductVersion version, SourceLocation anchor, string serviceName, string processName)
    {
        _main = main;
        _overrides = overrides;
        _mainFile = mainFile;
        _masterFile = masterFile;
        _version = version;
        _anchor = anchor;
        _expander = new PostfixExpander(name => name switch
        {
            "service_name" => serviceName,
            "process_name" => processName,
            _ => Raw(name),
        });
    }

    public List<(string Message, SourceLocation Location)> Problems { get; } = [];

    /// <summary>Every parameter this scope was asked for, with its effective value and origin.</summary>
    public IReadOnlyDictionary<string, Setting<string>> Used => _used;

    public string? Raw(string name)
    {
        if (_overrides.TryGetValue(name, out var o))
        {
            return o.Value;
        }

        if (_main.TryGetValue(name, out var m))
        {
            return m.Value;
        }

        return PostfixVocabulary.IsKnown(name, _version) || !PostfixVocabulary.IsLoaded
            ? PostfixDefaults.For(name, _version)
            : null;
    }

    /// <summary>The effective, expanded value of a parameter and where it came from.</summary>
    public Setting<string> Get(string name)
    {
        if (_used.TryGetValue(name, out var cached))
        {
            return cached;
        }

        Setting<string> setting;
        if (_overrides.TryGetValue(name, out var o))
        {
            var at = new SourceLocation(_masterFile!, o.Range);
            setting = new Setting<string>(Expand(name, o.Value, at), SettingOrigin.Explicit, at, name, o.Value);
        }
        else if (_main.TryGetValue(name, out var m))
        {
            var at = new SourceLocation(_mainFile!, m.Range);
            setting = new Setting<string>(Expand(name, m.Value, at), SettingOrigin.Inherited, at, name, m.Value);
        }
        else
        {
            var raw = PostfixDefaults.For(name, _version);
            setting = new Setting<string>(Expand(name, raw, _anchor), SettingOrigin.Default, _anchor, name, raw, _version);
        }

        _used[name] = setting;
        return setting;
    }

    /// <summary>A yes/no parameter; Postfix compares case-insensitively.</summary>
    public Setting<bool> GetBool(string name)
    {
        var s = Get(name);
        var value = s.Value.Trim();
        if (!value.Equals("yes", StringComparison.OrdinalIgnoreCase) && !value.Equals("no", StringComparison.OrdinalIgnoreCase))
        {
            Problems.Add(($"`{name} = {s.RawText}` is not `yes` or `no`: Postfix stops with a fatal error", s.Location));
        }

        return s.Map(v => v.Trim().Equals("yes", StringComparison.OrdinalIgnoreCase));
    }

    private string Expand(string name, string raw, SourceLocation at)
    {
        var value = _expander.Expand(raw, out var error);
        if (error is not null)
        {
            Problems.Add(($"`{name}`: {error}: Postfix stops with a fatal error", at));
        }

        return value ?? string.Empty;
    }
}
