namespace Tlslint.Model.Nginx;

/// <summary>What kind of block a scope is, for inheritance and for where nginx allows a directive.</summary>
internal enum NginxContext
{
    Main,
    Http,
    HttpServer,
    Location,

    /// <summary><c>if</c> or <c>limit_except</c> inside a location: inherits from it like a nested location.</summary>
    LocationBlock,
    Mail,
    MailServer,
    Stream,
    StreamServer,

    /// <summary>A block whose body holds data, not directives (<c>map</c>, <c>types</c>, <c>geo</c> …).</summary>
    Data,

    /// <summary>Any other block (upstream, events …).</summary>
    Other,
}

/// <summary>One block level: its own directives by name, and the level it inherits from.</summary>
internal sealed class NginxScope
{
    private readonly Dictionary<string, List<NginxNode>> _byName = new(StringComparer.Ordinal);

    public NginxScope(NginxNode? block, IReadOnlyList<NginxNode> children, NginxScope? parent, NginxContext context)
    {
        Block = block;
        Children = children;
        Parent = parent;
        Context = context;
        foreach (var child in children)
        {
            if (!_byName.TryGetValue(child.Name, out var list))
            {
                _byName[child.Name] = list = [];
            }

            list.Add(child);
        }
    }

    /// <summary>The block directive; null for the main level or a fragment's top level.</summary>
    public NginxNode? Block { get; }

    public IReadOnlyList<NginxNode> Children { get; }

    public NginxScope? Parent { get; }

    public NginxContext Context { get; }

    /// <summary>This level's simple directives of that name, in order.</summary>
    public IReadOnlyList<NginxNode> Own(string name) =>
        _byName.TryGetValue(name, out var list) ? list.Where(n => !n.IsBlock).ToList() : [];

    /// <summary>This level's blocks of that name, in order.</summary>
    public IEnumerable<NginxNode> Blocks(string name) =>
        _byName.TryGetValue(name, out var list) ? list.Where(n => n.IsBlock) : [];

    /// <summary>The innermost level (this one or an ancestor) that writes the directive, with its occurrences there.</summary>
    public (NginxScope Scope, IReadOnlyList<NginxNode> Nodes)? Innermost(string name)
    {
        for (var scope = this; scope is not null; scope = scope.Parent)
        {
            var own = scope.Own(name);
            if (own.Count > 0)
            {
                return (scope, own);
            }
        }

        return null;
    }

    public NginxScope Child(NginxNode block, NginxContext context) => new(block, block.Children ?? [], this, context);
}
