using Tlslint.Analysis;
using Tlslint.Model.Dovecot;
using Tlslint.Syntax.Dovecot;
using Tlslint.Text;

namespace Tlslint.Loading;

/// <summary>
/// Reads a Dovecot tree from its <c>dovecot.conf</c>: every file is parsed once, and <c>!include</c>/<c>!include_try</c>
/// are followed where they stand (so a file included inside a section belongs to that section), with an explicit
/// stack instead of recursion. Globs resolve relative to the including file, absolute paths under <c>--root</c>.
/// Missing includes, cycles and unreadable files become diagnostics (TLS002, TLS003, TLS004); nothing throws.
/// </summary>
public static class DovecotTreeLoader
{
    /// <summary>More file inclusions than any real tree has: a guard against includes that multiply.</summary>
    private const int MaxInclusions = 5_000;

    private const int MaxStatements = 4_000_000;

    public static ConfigTree Load(DiscoveredTree tree, LoadContext context)
    {
        var (entry, statements, files, diagnostics) = Read(tree.Files[0], context);
        return DovecotResolver.Resolve(context.Display(tree.Files[0]), entry, statements, files, context.Assumptions, diagnostics);
    }

    /// <summary>Reads the tree of <paramref name="entryPath"/>: its statements in reading order, includes followed.</summary>
    internal static (SourceFile? Entry, List<DovecotSourceStatement> Statements, List<SourceFile> Files, List<ConfigDiagnostic> Diagnostics)
        Read(string entryPath, LoadContext context)
    {
        var diagnostics = new List<ConfigDiagnostic>();
        var documents = new Dictionary<string, DovecotDocument?>(StringComparer.Ordinal);
        var files = new List<SourceFile>();
        var statements = new List<DovecotSourceStatement>();
        var entry = Document(entryPath, context, documents, files, diagnostics);
        if (entry is not null)
        {
            Expand(entry, context, documents, files, statements, diagnostics);
        }

        return (entry?.File, statements, files, diagnostics);
    }

    private static void Expand(DovecotDocument entry, LoadContext context, Dictionary<string, DovecotDocument?> documents,
        List<SourceFile> files, List<DovecotSourceStatement> statements, List<ConfigDiagnostic> diagnostics)
    {
        var stack = new List<Frame> { new(entry, RealPath(entry.File.FullPath)) };
        var inclusions = 0;
        while (stack.Count > 0)
        {
            var frame = stack[^1];
            if (frame.Next >= frame.Document.Statements.Count)
            {
                stack.RemoveAt(stack.Count - 1);
                continue;
            }

            var statement = frame.Document.Statements[frame.Next++];
            if (statements.Count >= MaxStatements)
            {
                diagnostics.Add(new ConfigDiagnostic(DiagnosticKind.ParseError,
                    $"the includes expand to more than {MaxStatements:N0} lines, which no real configuration has; the rest was not read",
                    new SourceLocation(frame.Document.File, statement.Range), Fatal: true));
                return;
            }

            statements.Add(new DovecotSourceStatement(frame.Document.File, statement));
            if (statement is not DovecotInclude include)
            {
                continue;
            }

            var at = new SourceLocation(frame.Document.File, include.PatternRange);
            var matches = Matches(include, frame.Document.File, context);
            if (matches.Count == 0)
            {
                if (!include.Optional)
                {
                    diagnostics.Add(new ConfigDiagnostic(DiagnosticKind.IncludeNotFound,
                        $"`!include {include.Pattern}` matches no file: Dovecot stops with \"No matches\"; fix the path or use `!include_try` for an optional file",
                        at, Fatal: true));
                }

                continue;
            }

            var pushed = new List<Frame>();
            foreach (var path in matches)
            {
                var real = RealPath(path);
                if (stack.Any(f => f.RealPath == real))
                {
                    diagnostics.Add(new ConfigDiagnostic(DiagnosticKind.IncludeCycle,
                        $"`{include.Pattern}` includes `{context.Display(path)}`, which is already being read: Dovecot stops with \"Recursive include file\"; remove the include or narrow its pattern",
                        at, Fatal: true));
                    continue;
                }

                if (++inclusions > MaxInclusions)
                {
                    if (inclusions == MaxInclusions + 1)
                    {
                        diagnostics.Add(new ConfigDiagnostic(DiagnosticKind.ParseError,
                            $"more than {MaxInclusions:N0} files are included, which no real configuration does; the includes from here on were not followed",
                            at, Fatal: true));
                    }

                    break;
                }

                var document = Document(path, context, documents, files, diagnostics, at, include.Optional);
                if (document is not null)
                {
                    pushed.Add(new Frame(document, real));
                }
            }

            // The first match is read first: push in reverse.
            for (var i = pushed.Count - 1; i >= 0; i--)
            {
                stack.Add(pushed[i]);
            }
        }
    }

    /// <summary>config-parser.c fix_relative_path(): a relative pattern starts in the including file's directory.</summary>
    private static IReadOnlyList<string> Matches(DovecotInclude include, SourceFile from, LoadContext context)
    {
        var pattern = include.Pattern;
        var baseDirectory = Path.GetDirectoryName(from.FullPath) ?? ".";
        var mapped = context.MapPath(pattern, baseDirectory);
        return DovecotGlob.Expand(mapped);
    }

    private static DovecotDocument? Document(string path, LoadContext context, Dictionary<string, DovecotDocument?> documents,
        List<SourceFile> files, List<ConfigDiagnostic> diagnostics, SourceLocation? includedAt = null, bool optional = false)
    {
        var full = Path.GetFullPath(path);
        if (documents.TryGetValue(full, out var cached))
        {
            return cached;
        }

        var read = new List<ConfigDiagnostic>();
        var file = ConfigFileReader.Read(full, context.Display(full), read);

        // !include_try ignores a file it cannot open (a dangling link, no permission), as Dovecot does.
        if (!(optional && file is null && read.All(d => d.Kind == DiagnosticKind.Unreadable) && !File.Exists(full)))
        {
            // A file that cannot be read is fixed at the include that names it.
            diagnostics.AddRange(read.Select(d => includedAt is { } at && d.Kind == DiagnosticKind.Unreadable ? d with { Location = at } : d));
        }

        DovecotDocument? document = null;
        if (file is not null)
        {
            files.Add(file);
            document = DovecotParser.Parse(file);
            diagnostics.AddRange(document.Diagnostics);
        }

        documents[full] = document;
        return document;
    }

    private static string RealPath(string path)
    {
        try
        {
            var info = new FileInfo(path);
            return info.LinkTarget is null ? info.FullName : info.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? info.FullName;
        }
        catch (IOException)
        {
            return Path.GetFullPath(path);
        }
    }

    private sealed class Frame(DovecotDocument document, string realPath)
    {
        public DovecotDocument Document { get; } = document;

        public string RealPath { get; } = realPath;

        public int Next { get; set; }
    }
}
