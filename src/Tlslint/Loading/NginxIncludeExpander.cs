using Tlslint.Analysis;
using Tlslint.Model.Nginx;
using Tlslint.Syntax.Nginx;
using Tlslint.Text;

namespace Tlslint.Loading;

/// <summary>
/// Expands <c>include</c> the way ngx_conf_include() does: the path (or glob, matches in sorted order) is taken
/// relative to the prefix, each file is parsed in the context of the including block. A glob that matches nothing is
/// fine; a plain path that names nothing stops nginx (TLS002). nginx has no cycle check (it recurses until it runs out
/// of file descriptors); tlslint reports the cycle (TLS003) and does not follow it. Depth and size are bounded.
/// </summary>
internal sealed class NginxIncludeExpander
{
    /// <summary>Blocks plus include levels; deeper directives are dropped with a diagnostic.</summary>
    public const int MaxDepth = NginxParser.MaxDepth;

    /// <summary>Directives in the expanded tree; a file included over and over cannot make it larger.</summary>
    public const int MaxNodes = 2_000_000;

    private readonly INginxFileSource _source;
    private readonly List<ConfigDiagnostic> _diagnostics;
    private readonly Dictionary<string, NginxDocument?> _parsed = new(StringComparer.Ordinal);
    private readonly List<NginxDocument> _order = [];
    private readonly List<string> _chain = [];
    private int _nodes;
    private int _ids;
    private bool _depthReported;
    private bool _sizeReported;

    public NginxIncludeExpander(INginxFileSource source, List<ConfigDiagnostic> diagnostics)
    {
        _source = source;
        _diagnostics = diagnostics;
    }

    /// <summary>Expands the main file; returns its directives and every document read, in first-read order.</summary>
    public (IReadOnlyList<NginxNode> Top, IReadOnlyList<NginxDocument> Documents) Expand(string mainPath)
    {
        var main = Read(mainPath);
        var top = new List<NginxNode>();
        if (main is not null)
        {
            _chain.Add(mainPath);
            Expand(main.Directives, main.File, null, 0, top);
        }

        return (top, _order);
    }

    private NginxDocument? Read(string path)
    {
        if (_parsed.TryGetValue(path, out var known))
        {
            return known;
        }

        var document = _source.Read(path, _diagnostics);
        _parsed[path] = document;
        if (document is not null)
        {
            _order.Add(document);
            _diagnostics.AddRange(document.Diagnostics);
        }

        return document;
    }

    private void Expand(IReadOnlyList<NginxDirective> directives, SourceFile file, NginxNode? via, int depth, List<NginxNode> output)
    {
        foreach (var directive in directives)
        {
            if (++_nodes > MaxNodes)
            {
                Report(ref _sizeReported, directive, file,
                    $"the configuration expands to more than {MaxNodes:N0} directives here (a file included over and over?): tlslint does not read further", fatal: false);
                return;
            }

            if (directive.Name.Value == "include" && !directive.IsBlock)
            {
                Include(directive, file, via, depth, output);
                continue;
            }

            List<NginxNode>? children = null;
            if (directive.Children is { } inner)
            {
                children = [];
                if (depth + 1 >= MaxDepth)
                {
                    Report(ref _depthReported, directive, file,
                        $"`{directive.Name.Value}` is nested more than {MaxDepth} levels deep (blocks and includes together): tlslint does not read what lies deeper", fatal: false);
                }
                else
                {
                    Expand(inner, file, via, depth + 1, children);
                }
            }

            output.Add(new NginxNode(file, directive, children, via, ++_ids));
        }
    }

    private void Include(NginxDirective directive, SourceFile file, NginxNode? via, int depth, List<NginxNode> output)
    {
        var node = new NginxNode(file, directive, null, via, ++_ids);
        var location = node.Location;
        if (directive.Arguments.Count != 1)
        {
            _diagnostics.Add(new ConfigDiagnostic(DiagnosticKind.ParseError,
                $"`include` takes one file name or pattern, not {directive.Arguments.Count}: nginx stops with `invalid number of arguments in \"include\" directive`",
                location, Fatal: true));
            return;
        }

        var configured = directive.Arguments[0].Value;
        var target = _source.Resolve(configured);
        IReadOnlyList<string> paths;
        if (NginxGlob.IsPattern(configured))
        {
            paths = _source.Glob(target);
        }
        else if (!_source.Exists(target))
        {
            _diagnostics.Add(new ConfigDiagnostic(DiagnosticKind.IncludeNotFound,
                $"`include {directive.Arguments[0].Raw}` names `{target}`, which does not exist: nginx stops with `open() \"{target}\" failed (2: No such file or directory)`; fix the path, or use a pattern if the file is optional",
                location, Fatal: true));
            return;
        }
        else
        {
            paths = [target];
        }

        if (depth + 1 >= MaxDepth && paths.Count > 0)
        {
            Report(ref _depthReported, directive, file,
                $"`include {directive.Arguments[0].Raw}` is nested more than {MaxDepth} levels deep (blocks and includes together): tlslint does not read what lies deeper", fatal: false);
            return;
        }

        foreach (var path in paths)
        {
            var cycleAt = _chain.IndexOf(path);
            if (cycleAt >= 0)
            {
                var names = _chain.Skip(cycleAt).Append(path).Select(Path.GetFileName);
                _diagnostics.Add(new ConfigDiagnostic(DiagnosticKind.IncludeCycle,
                    $"`include {directive.Arguments[0].Raw}` reads `{_source.Display(path)}` again while that file is still being read ({string.Join(" → ", names)}): nginx recurses until it runs out of open files; remove the include",
                    location, Fatal: true));
                continue;
            }

            var document = Read(path);
            if (document is null)
            {
                continue;
            }

            _chain.Add(path);
            Expand(document.Directives, document.File, node, depth + 1, output);
            _chain.RemoveAt(_chain.Count - 1);
        }
    }

    private void Report(ref bool reported, NginxDirective directive, SourceFile file, string message, bool fatal)
    {
        if (reported)
        {
            return;
        }

        reported = true;
        _diagnostics.Add(new ConfigDiagnostic(DiagnosticKind.ParseError, message,
            new SourceLocation(file, directive.HeaderRange), fatal));
    }
}

/// <summary>Where included files come from: the disk (with <c>--root</c>) or an <c>nginx -T</c> dump.</summary>
internal interface INginxFileSource
{
    /// <summary>The full path a configured include path (or pattern) names.</summary>
    string Resolve(string configured);

    bool Exists(string fullPath);

    IReadOnlyList<string> Glob(string fullPattern);

    /// <summary>The path shown in messages for a full path.</summary>
    string Display(string fullPath);

    /// <summary>The parsed file, or null after recording why it cannot be read.</summary>
    NginxDocument? Read(string fullPath, List<ConfigDiagnostic> diagnostics);
}
