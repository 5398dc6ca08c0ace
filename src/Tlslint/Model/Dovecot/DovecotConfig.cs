using Tlslint.Analysis;
using Tlslint.Syntax.Dovecot;
using Tlslint.Text;

namespace Tlslint.Model.Dovecot;

/// <summary>
/// A Dovecot configuration as its config process holds it after parsing: settings by filter (global, <c>protocol</c>,
/// <c>local</c>, <c>local_name</c>, <c>remote</c>), services with their listeners, and (2.4) groups. Values are what
/// <c>doveconf -n</c> prints: self-references expanded, old names converted the way the assumed release converts them.
/// </summary>
public sealed class DovecotConfig
{
    internal DovecotConfig(ProductVersion version, bool debianProtocols)
    {
        Version = version;
        DebianProtocols = debianProtocols;
    }

    public ProductVersion Version { get; }

    /// <summary>True for Debian's tree (built with an empty <c>protocols</c> default, see <see cref="DovecotDefaults"/>).</summary>
    public bool DebianProtocols { get; }

    /// <summary>Settings written directly in each filter; <see cref="DovecotFilter.Global"/> holds the global ones.</summary>
    public Dictionary<DovecotFilter, Dictionary<string, DovecotValue>> Filters { get; } = new() { [DovecotFilter.Global] = new(StringComparer.Ordinal) };

    /// <summary>Where each filter was first opened.</summary>
    public Dictionary<DovecotFilter, SourceLocation> FilterLocations { get; } = new();

    public Dictionary<string, DovecotService> Services { get; } = new(StringComparer.Ordinal);

    /// <summary>2.4 groups: <c>@label name</c> → settings.</summary>
    public Dictionary<string, Dictionary<string, DovecotValue>> Groups { get; } = new(StringComparer.Ordinal);

    /// <summary>2.4 group references per filter (<c>@label = name</c>), as <c>@label name</c> keys of <see cref="Groups"/>.</summary>
    public Dictionary<DovecotFilter, List<string>> GroupReferences { get; } = new();

    /// <summary>Every section that opens and closes in one file, for suppression comments above its header.</summary>
    public List<ConfigBlock> Blocks { get; } = [];

    /// <summary>Every setting as written, for the document rules (unknown, obsolete, duplicate names).</summary>
    public List<Directive> Directives { get; } = [];

    /// <summary>The value in force in the global scope, or null when not written.</summary>
    public DovecotValue? Global(string name) => Filters[DovecotFilter.Global].GetValueOrDefault(name);
}
