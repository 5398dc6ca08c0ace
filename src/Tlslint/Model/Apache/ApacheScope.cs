using Tlslint.Text;

namespace Tlslint.Model.Apache;

/// <summary>
/// A section that changes where directives apply: the main server, a virtual host, a per-request section. Read-time
/// conditionals (<c>&lt;IfModule&gt;</c> …) are not scopes: their bodies belong to the enclosing scope.
/// </summary>
public sealed class ApacheScope
{
    public ApacheScope(int id, ApacheScopeKind kind, string name, IReadOnlyList<string> arguments, SourceLocation open, ApacheScope? parent)
    {
        Id = id;
        Kind = kind;
        Name = name;
        Arguments = arguments;
        Open = open;
        Parent = parent;
    }

    /// <summary>Unique within one configuration, in reading order (the main server is 0).</summary>
    public int Id { get; }

    public ApacheScopeKind Kind { get; }

    /// <summary>The section name as written (<c>VirtualHost</c>), or <c>server</c> for the main server.</summary>
    public string Name { get; }

    /// <summary>The section's arguments after <c>${VAR}</c> substitution (a virtual host's addresses).</summary>
    public IReadOnlyList<string> Arguments { get; }

    /// <summary>The section start (for the main server, the entry file).</summary>
    public SourceLocation Open { get; }

    public ApacheScope? Parent { get; }

    /// <summary>The main server or virtual host this scope belongs to.</summary>
    public ApacheScope Server
    {
        get
        {
            var s = this;
            while (s.Kind is not (ApacheScopeKind.Server or ApacheScopeKind.VirtualHost) && s.Parent is not null)
            {
                s = s.Parent;
            }

            return s;
        }
    }

    public override string ToString() => Kind == ApacheScopeKind.Server ? "main server" : $"<{Name} {string.Join(" ", Arguments)}> ({Open})";
}
