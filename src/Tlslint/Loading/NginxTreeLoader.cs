using Tlslint.Analysis;
using Tlslint.Model;
using Tlslint.Model.Nginx;
using Tlslint.Syntax.Nginx;
using Tlslint.Text;

namespace Tlslint.Loading;

/// <summary>
/// Reads an nginx configuration from its main file (or from the output of <c>nginx -T</c>), expands includes and
/// resolves it into a tree. Relative paths start at the prefix: the directory of the main file, unless
/// <c>--nginx-prefix</c> names another; absolute paths move under <c>--root</c> when one is given.
/// </summary>
public static class NginxTreeLoader
{
    public static ConfigTree Load(DiscoveredTree tree, LoadContext context)
    {
        var diagnostics = new List<ConfigDiagnostic>();
        var entryPath = tree.Files[0];
        var entry = ConfigFileReader.Read(entryPath, context.Display(entryPath), diagnostics);
        if (entry is null)
        {
            return NginxResolver.Resolve(context.Display(entryPath), null, context.Assumptions, diagnostics);
        }

        INginxFileSource source;
        string mainPath;
        string prefix;
        if (NginxDump.LooksLikeDump(entry.Text))
        {
            var files = NginxDump.Split(entry);
            mainPath = Path.GetFullPath(files[0].FullPath);
            prefix = context.NginxPrefix ?? Path.GetDirectoryName(mainPath)!;
            source = new DumpSource(files, prefix);
        }
        else
        {
            mainPath = entryPath;
            prefix = context.NginxPrefix ?? Path.GetDirectoryName(entryPath)!;
            source = new DiskSource(context, prefix, entryPath, entry);
        }

        var (top, documents) = new NginxIncludeExpander(source, diagnostics).Expand(mainPath);
        var configuration = new NginxConfiguration(documents.Select(d => d.File).ToList(), documents, top, prefix)
        {
            MapPath = source.Resolve,
        };
        return NginxResolver.Resolve(context.Display(entryPath), configuration, context.Assumptions, diagnostics);
    }

    /// <summary>Files on disk; the entry file was already read to tell it from a dump.</summary>
    private sealed class DiskSource(LoadContext context, string prefix, string entryPath, SourceFile entry) : INginxFileSource
    {
        public string Resolve(string configured) => context.MapPath(configured, prefix);

        public string Display(string fullPath) => context.Display(fullPath);

        public bool Exists(string fullPath) =>
            File.Exists(fullPath) || Directory.Exists(fullPath) || new FileInfo(fullPath).LinkTarget is not null;

        public IReadOnlyList<string> Glob(string fullPattern) => NginxGlob.Expand(fullPattern);

        public NginxDocument? Read(string fullPath, List<ConfigDiagnostic> diagnostics)
        {
            var file = fullPath == entryPath ? entry : ConfigFileReader.Read(fullPath, context.Display(fullPath), diagnostics);
            return file is null ? null : NginxParser.Parse(file, StartsWithByteOrderMark(fullPath));
        }

        /// <summary>ConfigFileReader drops a UTF-8 BOM; nginx does not, so the parser needs to know it was there.</summary>
        private static bool StartsWithByteOrderMark(string path)
        {
            try
            {
                using var stream = File.OpenRead(path);
                Span<byte> head = stackalloc byte[3];
                return stream.ReadAtLeast(head, 3, throwOnEndOfStream: false) == 3 && head[0] == 0xEF && head[1] == 0xBB && head[2] == 0xBF;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return false;
            }
        }
    }

    /// <summary>The files of an <c>nginx -T</c> dump, by the paths nginx printed; nothing is read from disk.</summary>
    private sealed class DumpSource : INginxFileSource
    {
        private readonly Dictionary<string, SourceFile> _files = new(StringComparer.Ordinal);
        private readonly string _prefix;

        public DumpSource(IReadOnlyList<SourceFile> files, string prefix)
        {
            _prefix = prefix;
            foreach (var file in files)
            {
                _files.TryAdd(Path.GetFullPath(file.FullPath), file);
            }
        }

        public string Resolve(string configured) => Path.GetFullPath(configured, _prefix);

        public string Display(string fullPath) => fullPath;

        public bool Exists(string fullPath) => _files.ContainsKey(fullPath);

        public IReadOnlyList<string> Glob(string fullPattern) =>
            _files.Keys.Where(p => NginxGlob.MatchesPath(fullPattern, p)).Order(StringComparer.Ordinal).ToList();

        public NginxDocument? Read(string fullPath, List<ConfigDiagnostic> diagnostics) =>
            _files.TryGetValue(fullPath, out var file) ? NginxParser.Parse(file) : null;
    }
}
