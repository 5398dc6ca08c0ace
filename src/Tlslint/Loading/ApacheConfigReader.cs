using System.Text;
using System.Text.RegularExpressions;
using Tlslint.Analysis;
using Tlslint.Model;
using Tlslint.Model.Apache;
using Tlslint.Syntax.Apache;
using Tlslint.Text;

namespace Tlslint.Loading;

/// <summary>
/// Reads an httpd configuration tree the way httpd builds its configuration: statements in order, <c>${VAR}</c>
/// substituted, <c>Include</c>/<c>IncludeOptional</c> expanded in place (relative to ServerRoot, wildcards, directories
/// recursively, in alphabetical order), <c>Define</c>, <c>LoadModule</c> and <c>ServerRoot</c> applied when read, and
/// <c>&lt;IfModule&gt;</c>, <c>&lt;IfDefine&gt;</c>, <c>&lt;IfVersion&gt;</c>, <c>&lt;IfFile&gt;</c> decided as they
/// are met. Files are walked with an explicit stack: neither include chains nor nesting use the call stack.
/// </summary>
internal sealed class ApacheConfigReader
{
    /// <summary>httpd's AP_MAX_INCLUDE_DIR_DEPTH: directory includes nest at most this deep.</summary>
    private const int MaxDirectoryDepth = 128;

    /// <summary>Bounds the work on pathological trees (httpd itself stops a self-include after a few hundred levels).</summary>
    private const int MaxIncludeDepth = 128;

    private const int MaxFiles = 20_000;

    private readonly LoadContext _context;
    private readonly string _treeRoot;
    private readonly IReadOnlyDictionary<string, string> _environment;
    private readonly ProductVersion _version;
    private readonly List<ConfigDiagnostic> _diagnostics;
    private readonly Dictionary<string, ApacheDocument?> _documents = new(StringComparer.Ordinal);
    private readonly List<SourceFile> _files = [];
    private readonly List<ApacheIncludedFile> _includes = [];
    private readonly List<ApacheActiveDirective> _directives = [];
    private readonly List<ApacheScope> _virtualHosts = [];
    private readonly HashSet<string> _modules = new(ApacheModules.BuiltIn, StringComparer.Ordinal);
    private readonly HashSet<string> _defines = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _variables = new(StringComparer.Ordinal);
    private readonly HashSet<string> _active = new(StringComparer.Ordinal);
    private readonly Stack<(ApacheScope Scope, ApacheDocument Document, int End)> _scopes = new();
    private string _serverRoot;
    private bool _modulesKnown;
    private int _nextScope = 1;

    public ApacheConfigReader(LoadContext context, string serverRoot, IReadOnlyDictionary<string, string> environment,
        IEnumerable<string> defines, ProductVersion version, List<ConfigDiagnostic> diagnostics)
    {
        _context = context;
        _treeRoot = serverRoot;
        _serverRoot = serverRoot;
        _environment = environment;
        _version = version;
        _diagnostics = diagnostics;
        _defines.UnionWith(defines);
    }

    public ApacheConfiguration Read(string entryPath)
    {
        var entryDocument = Document(entryPath);
        var entryFile = entryDocument?.File ?? _files.FirstOrDefault()
            ?? new SourceFile(_context.Display(entryPath), entryPath, string.Empty);
        var server = new ApacheScope(0, ApacheScopeKind.Server, "server", [], new SourceLocation(entryFile, null), null);
        _scopes.Push((server, null!, -1));

        var frames = new Stack<Frame>();
        frames.Push(new Frame(entryPath, 0, null));
        while (frames.Count > 0)
        {
            var frame = frames.Peek();
            if (!frame.Started && !Start(frame))
            {
                frames.Pop();
                continue;
            }

            var document = frame.Document!;
            if (frame.Index >= document.Statements.Count)
            {
                // Sections left open by a broken file end with it (the parser has reported them).
                while (_scopes.Count > frame.ScopeHeight)
                {
                    _scopes.Pop();
                }

                _active.Remove(frame.RealPath!);
                frames.Pop();
                continue;
            }

            var index = frame.Index++;
            var statement = document.Statements[index];
            switch (statement.Kind)
            {
                case ApacheStatementKind.Directive:
                    Directive(frame, statement, frames);
                    break;
                case ApacheStatementKind.SectionOpen:
                    Open(frame, statement);
                    break;
                case ApacheStatementKind.SectionClose:
                    if (_scopes.Count > 1 && ReferenceEquals(_scopes.Peek().Document, document) && _scopes.Peek().End == index)
                    {
                        _scopes.Pop();
                    }

                    break;
            }
        }

        return new ApacheConfiguration(entryDocument?.File, _files, _includes, _directives, server, _virtualHosts,
            _modulesKnown, _modules, _diagnostics)
        {
            ServerRoot = _serverRoot,
            Variables = new Dictionary<string, string>(_variables),
        };
    }

    /// <summary>Begins reading a file: cycle and depth checks, parse (once per path), and the DUMP_INCLUDES entry.</summary>
    private bool Start(Frame frame)
    {
        frame.Started = true;
        var real = RealPath(frame.Path);
        if (frame.IncludedBy is { } by)
        {
            if (_active.Contains(real))
            {
                _diagnostics.Add(new ConfigDiagnostic(DiagnosticKind.IncludeCycle,
                    $"`{by.Statement.Name} {by.Statement.ArgumentText}` includes `{_context.Display(frame.Path)}`, which is already being read: httpd includes it again and again until it gives up; remove the include or narrow its wildcard",
                    new SourceLocation(by.File, by.Statement.Range), Fatal: true));
                return false;
            }

            if (frame.Depth > MaxIncludeDepth || _includes.Count >= MaxFiles)
            {
                _diagnostics.Add(new ConfigDiagnostic(DiagnosticKind.IncludeCycle,
                    $"includes nest deeper than {MaxIncludeDepth} levels or read more than {MaxFiles} files here: httpd stops at such depth; look for a recursive include",
                    new SourceLocation(by.File, by.Statement.Range), Fatal: true));
                return false;
            }
        }

        var document = Document(frame.Path);
        if (document is null)
        {
            return false;
        }

        frame.Document = document;
        frame.RealPath = real;
        frame.ScopeHeight = _scopes.Count;
        _active.Add(real);
        _includes.Add(new ApacheIncludedFile(frame.Path, frame.Depth, frame.IncludedBy?.Statement.Range.End.Line));
        return true;
    }

    private ApacheDocument? Document(string path)
    {
        if (_documents.TryGetValue(path, out var cached))
        {
            return cached;
        }

        var file = ConfigFileReader.Read(path, _context.Display(path), _diagnostics);
        ApacheDocument? document = null;
        if (file is not null)
        {
            document = ApacheParser.Parse(file);
            _files.Add(file);
            _diagnostics.AddRange(document.Diagnostics);
        }

        _documents[path] = document;
        return document;
    }

    private void Directive(Frame frame, ApacheStatement statement, Stack<Frame> frames)
    {
        var file = frame.Document!.File;
        var arguments = Arguments(statement);
        var directive = new ApacheActiveDirective(statement.Name, arguments, statement, file, _scopes.Peek().Scope);
        _directives.Add(directive);
        switch (statement.Name.ToLowerInvariant())
        {
            case "include":
                Include(frame, directive, optional: false, frames);
                break;
            case "includeoptional":
                Include(frame, directive, optional: true, frames);
                break;
            case "define" when arguments.Count is 1 or 2 && !arguments[0].Contains(':'):
                _defines.Add(arguments[0]);
                if (arguments.Count == 2)
                {
                    _variables[arguments[0]] = arguments[1];
                }

                break;
            case "undefine" when arguments.Count == 1:
                _defines.Remove(arguments[0]);
                _variables.Remove(arguments[0]);
                break;
            case "loadmodule" when arguments.Count >= 1:
                _modules.Add(arguments[0]);
                _modulesKnown = true;
                break;
            case "serverroot" when arguments.Count == 1:
                ServerRoot(arguments[0]);
                break;
        }
    }

    /// <summary>
    /// A ServerRoot that exists (under <c>--root</c> when given) is used as httpd would; one that does not exist on
    /// this machine (a copied tree) leaves the tree's own directory as the root, so that its includes still resolve.
    /// </summary>
    private void ServerRoot(string configured)
    {
        var mapped = _context.MapPath(configured, _serverRoot);
        _serverRoot = Directory.Exists(mapped) ? mapped.TrimEnd('/') : _treeRoot;
    }

    private void Open(Frame frame, ApacheStatement statement)
    {
        var document = frame.Document!;
        var arguments = Arguments(statement);
        var name = statement.Name.ToLowerInvariant();
        bool? condition = name switch
        {
            "ifmodule" => Negatable(arguments, IsModuleLoaded),
            "ifdefine" => Negatable(arguments, _defines.Contains),
            "ifversion" => IfVersion(arguments),
            "iffile" => Negatable(arguments, FileExists),
            // Whether a directive or section exists depends on every module's tables: assume it does.
            "ifdirective" or "ifsection" => Negatable(arguments, _ => true),
            // A macro body is a template, read only where `Use` expands it.
            "macro" => false,
            _ => null,
        };
        if (condition is { } holds)
        {
            if (!holds)
            {
                frame.Index = statement.Match >= 0 ? statement.Match + 1 : document.Statements.Count;
            }

            return;
        }

        var parent = _scopes.Peek().Scope;
        var end = statement.Match >= 0 ? document.Statements[statement.Match].Range.End : statement.Range.End;
        var scope = new ApacheScope(_nextScope++, KindOf(name), statement.Name, arguments,
            new SourceLocation(document.File, statement.Range), parent)
        {
            Block = new SourceLocation(document.File, new TextRange(statement.Range.Start, end)),
        };
        if (scope.Kind == ApacheScopeKind.VirtualHost)
        {
            _virtualHosts.Add(scope);
        }

        _scopes.Push((scope, document, statement.Match));
    }

    private static ApacheScopeKind KindOf(string lowerName) => lowerName switch
    {
        "virtualhost" => ApacheScopeKind.VirtualHost,
        "directory" or "directorymatch" => ApacheScopeKind.Directory,
        "location" or "locationmatch" => ApacheScopeKind.Location,
        "files" or "filesmatch" => ApacheScopeKind.Files,
        "proxy" or "proxymatch" => ApacheScopeKind.Proxy,
        "if" or "elseif" or "else" => ApacheScopeKind.If,
        _ => ApacheScopeKind.Other,
    };

    private static bool Negatable(IReadOnlyList<string> arguments, Func<string, bool> test)
    {
        if (arguments.Count == 0)
        {
            return false;
        }

        var word = arguments[0];
        return word.StartsWith('!') ? !test(word[1..]) : test(word);
    }

    /// <summary>In a tree that loads no module at all (a fragment), every module is taken as loaded.</summary>
    private bool IsModuleLoaded(string name) => !_modulesKnown || ApacheModules.IsLoaded(name, _modules);

    private bool FileExists(string path)
    {
        var full = Resolve(path);
        return File.Exists(full) || Directory.Exists(full);
    }

    /// <summary><c>&lt;IfVersion [[!]op] version&gt;</c> against the assumed httpd version (mod_version).</summary>
    private bool IfVersion(IReadOnlyList<string> arguments)
    {
        if (arguments.Count == 0)
        {
            return false;
        }

        var (op, wanted) = arguments.Count == 1 ? ("=", arguments[0]) : (arguments[0], arguments[1]);
        var negate = op.StartsWith('!');
        if (negate)
        {
            op = op[1..];
        }

        var actual = $"{_version.Major}.{_version.Minor}.{_version.Patch}";
        bool result;
        if (op == "~" || (op is "=" or "==" && wanted.Length > 1 && wanted.StartsWith('/') && wanted.EndsWith('/')))
        {
            var pattern = op == "~" ? wanted : wanted[1..^1];
            try
            {
                result = Regex.IsMatch(actual, pattern, RegexOptions.None, TimeSpan.FromSeconds(1));
            }
            catch (ArgumentException)
            {
                return false;
            }
        }
        else
        {
            var parts = wanted.Split('.');
            var numbers = new int[3];
            for (var i = 0; i < Math.Min(3, parts.Length); i++)
            {
                if (!int.TryParse(parts[i], out numbers[i]))
                {
                    return false;
                }
            }

            var c = _version.CompareTo(new ProductVersion(numbers[0], numbers[1], numbers[2]));
            result = op switch
            {
                "=" or "==" => c == 0,
                ">" => c > 0,
                ">=" => c >= 0,
                "<" => c < 0,
                "<=" => c <= 0,
                _ => false,
            };
        }

        return negate ? !result : result;
    }

    /// <summary>The arguments after <c>${VAR}</c> substitution, split again when a variable changed the line.</summary>
    private IReadOnlyList<string> Arguments(ApacheStatement statement)
    {
        if (!statement.HasVariables)
        {
            return statement.Arguments.Select(a => a.Value).ToList();
        }

        return ApacheParser.Words(Substitute(statement.ArgumentText)).Select(w => w.Token.Value).ToList();
    }

    /// <summary>ap_resolve_env(): <c>${NAME}</c> from Define, then from envvars; an unknown name stays as written.</summary>
    private string Substitute(string text)
    {
        var result = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            var start = text.IndexOf("${", i, StringComparison.Ordinal);
            var end = start < 0 ? -1 : text.IndexOf('}', start + 2);
            if (end < 0)
            {
                result.Append(text, i, text.Length - i);
                break;
            }

            result.Append(text, i, start - i);
            var name = text[(start + 2)..end];
            if (_variables.TryGetValue(name, out var value) || _environment.TryGetValue(name, out value))
            {
                result.Append(value);
            }
            else
            {
                result.Append(text, start, end + 1 - start);
            }

            i = end + 1;
        }

        return result.ToString();
    }

    /// <summary>A configured path as httpd resolves it: relative to ServerRoot, absolute ones under <c>--root</c>.</summary>
    private string Resolve(string configured) => _context.MapPath(configured, _serverRoot);

    private void Include(Frame frame, ApacheActiveDirective directive, bool optional, Stack<Frame> frames)
    {
        if (directive.Arguments.Count != 1)
        {
            _diagnostics.Add(new ConfigDiagnostic(DiagnosticKind.ParseError,
                $"`{directive.Name}` takes exactly one path: httpd refuses the file",
                directive.Location, Fatal: true));
            return;
        }

        var pattern = directive.Arguments[0];
        var files = Expand(Resolve(pattern), optional, out var problem);
        if (problem is not null)
        {
            _diagnostics.Add(new ConfigDiagnostic(DiagnosticKind.IncludeNotFound,
                $"`{directive.Name} {pattern}`: {problem}, so httpd refuses to start; fix the path or use `IncludeOptional`",
                directive.ArgumentsLocation, Fatal: true));
            return;
        }

        var by = new IncludeSite(directive.Statement, directive.File);
        for (var i = files.Count - 1; i >= 0; i--)
        {
            frames.Push(new Frame(files[i], frame.Depth + 1, by));
        }
    }

    /// <summary>The files an include names, in the order httpd reads them, or a reason why httpd fails.</summary>
    private List<string> Expand(string path, bool optional, out string? problem)
    {
        problem = null;
        var result = new List<string>();
        if (!ApacheFnmatch.HasWildcard(path))
        {
            if (Directory.Exists(path))
            {
                problem = DirectoryFiles(path, 0, result);
            }
            else if (FileProbe.KindOf(path) != FileKind.Missing || new FileInfo(path).LinkTarget is not null)
            {
                result.Add(path);
            }
            else if (!optional)
            {
                problem = $"`{_context.Display(path)}` does not exist";
            }

            return result;
        }

        var parts = path.Split('/');
        var first = Array.FindIndex(parts, ApacheFnmatch.HasWildcard);
        var prefix = string.Join('/', parts[..first]);
        if (prefix.Length == 0)
        {
            prefix = "/";
        }

        if (!Directory.Exists(prefix))
        {
            if (!optional)
            {
                problem = $"directory `{_context.Display(prefix)}` does not exist";
            }

            return result;
        }

        var current = new List<string> { prefix };
        for (var k = first; k < parts.Length; k++)
        {
            var component = parts[k];
            var last = k == parts.Length - 1;
            var next = new List<string>();
            foreach (var dir in current)
            {
                if (!ApacheFnmatch.HasWildcard(component))
                {
                    var candidate = Path.Join(dir, component);
                    if (!last && !Directory.Exists(candidate))
                    {
                        continue;
                    }

                    next.Add(candidate);
                    continue;
                }

                var matches = Entries(dir)
                    .Where(e => Fnmatch.IsMatch(component, Path.GetFileName(e)))
                    .Where(e => last || Directory.Exists(e))
                    .ToList();
                if (matches.Count == 0 && !optional)
                {
                    problem = $"no file matches the wildcard `{component}` in `{_context.Display(dir)}`";
                    return [];
                }

                next.AddRange(matches);
            }

            current = next;
        }

        foreach (var match in current)
        {
            if (Directory.Exists(match))
            {
                problem = DirectoryFiles(match, 0, result);
                if (problem is not null)
                {
                    return [];
                }
            }
            else if (FileProbe.KindOf(match) != FileKind.Missing || new FileInfo(match).LinkTarget is not null)
            {
                result.Add(match);
            }
            else if (!optional)
            {
                problem = $"`{_context.Display(match)}` does not exist";
                return [];
            }
        }

        return result;
    }

    /// <summary>Every entry of a directory, dot files included, subdirectories read in place, sorted like strcmp.</summary>
    private string? DirectoryFiles(string directory, int depth, List<string> result)
    {
        if (depth > MaxDirectoryDepth)
        {
            return $"directories nest deeper than {MaxDirectoryDepth} levels below `{_context.Display(directory)}` (a symbolic link loop?)";
        }

        foreach (var entry in Entries(directory))
        {
            if (Directory.Exists(entry))
            {
                if (DirectoryFiles(entry, depth + 1, result) is { } problem)
                {
                    return problem;
                }
            }
            else
            {
                result.Add(entry);
            }
        }

        return null;
    }

    private static List<string> Entries(string directory)
    {
        try
        {
            return Directory.EnumerateFileSystemEntries(directory)
                .Select(e => Path.Join(directory, Path.GetFileName(e)))
                .Order(StringComparer.Ordinal)
                .ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    private static string RealPath(string path)
    {
        try
        {
            var info = new FileInfo(path);
            var target = info.LinkTarget is null ? null : info.ResolveLinkTarget(returnFinalTarget: true);
            var full = target?.FullName ?? info.FullName;
            var dir = Path.GetDirectoryName(full);
            if (dir is null)
            {
                return full;
            }

            var realDir = new DirectoryInfo(dir);
            var resolvedDir = realDir.LinkTarget is null ? realDir.FullName : realDir.ResolveLinkTarget(true)?.FullName ?? realDir.FullName;
            return Path.Join(resolvedDir, Path.GetFileName(full));
        }
        catch (IOException)
        {
            return path;
        }
    }

    private sealed class Frame(string path, int depth, IncludeSite? includedBy)
    {
        public string Path { get; } = path;

        public int Depth { get; } = depth;

        public IncludeSite? IncludedBy { get; } = includedBy;

        public bool Started { get; set; }

        public ApacheDocument? Document { get; set; }

        public string? RealPath { get; set; }

        public int Index { get; set; }

        public int ScopeHeight { get; set; }
    }

    private sealed record IncludeSite(ApacheStatement Statement, SourceFile File);
}
