using Tlslint.Loading;
using Tlslint.Model;

namespace Tlslint.Analysis;

/// <summary>The pipeline: discovery → parsing → resolution → rules → findings. No console I/O.</summary>
public static class Linter
{
    /// <summary>One loader per product: reads, parses and resolves a discovered tree. Adding a product means adding it here.</summary>
    private static readonly Dictionary<Product, Func<DiscoveredTree, LoadContext, ConfigTree>> Loaders = new()
    {
        [Product.Postfix] = PostfixTreeLoader.Load,
        [Product.Dovecot] = DovecotTreeLoader.Load,
        [Product.Apache] = ApacheTreeLoader.Load,
        [Product.Nginx] = NginxTreeLoader.Load,
    };

    /// <summary>The products whose configurations tlslint can read so far: exactly those with a loader below.</summary>
    public static Products SupportedProducts { get; } = Loaders.Keys.Aggregate((Products)0, (set, p) => set | p.AsSet());

    public static LintResult Run(LintRequest request)
    {
        var errors = RuleSelection.Problems(request.Rules, request.Select, request.Ignore).ToList();

        var rules = RuleSelection.Apply(request.Rules, request.Select, request.Ignore);
        if (request.ReportUnusedSuppressions && !rules.Any(r => r.Descriptor.Id == SuppressionComment.RuleId)
            && request.Rules.FirstOrDefault(r => r.Descriptor.Id == SuppressionComment.RuleId) is { } reporter
            && RuleSelection.Apply([reporter], [], request.Ignore).Count == 1)
        {
            // Asking for unused suppressions runs the rule that reports them, unless it is ignored outright.
            rules = [.. rules, reporter];
        }

        var discovered = Discovery.Find(request.Paths, request.Excludes, request.WorkingDirectory, errors, SupportedProducts,
            quietAboutStrayFiles: request.OnlyGivenFiles);
        var trees = new ConfigTree[discovered.Count];
        var findings = new List<Finding>[discovered.Count];
        var suppressed = new List<Finding>[discovered.Count];
        var done = 0;
        var files = FileCheckSettings.For(request);
        Parallel.For(0, discovered.Count, i =>
        {
            try
            {
                Lint(i);
            }
            finally
            {
                request.Progress?.Invoke(Interlocked.Increment(ref done), discovered.Count);
            }
        });

        void Lint(int i)
        {
            var tree = Load(discovered[i], request, files.Files);
            trees[i] = tree = tree with { Suppressions = SuppressionReader.Read(tree) };
            var found = Relevel(Check(tree, rules, request.Assumptions, files), request.LevelOverrides);
            (findings[i], suppressed[i]) = SuppressionFilter.Apply(tree, found, rules, request.ReportUnusedSuppressions);
        }

        var focus = request.OnlyGivenFiles ? Focus(request) : _ => true;
        return new LintResult(trees, Ordered(findings).Where(f => focus(f.Location.File)).ToList(), errors, rules, request.Assumptions)
        {
            Suppressed = Ordered(suppressed).Where(f => focus(f.Location.File)).ToList(),
            InFocus = focus,
        };
    }

    /// <summary>A test for "this file is one of the paths given, or under one of the directories given" (real paths).</summary>
    private static Func<Text.SourceFile, bool> Focus(LintRequest request)
    {
        var files = new HashSet<string>(StringComparer.Ordinal);
        var directories = new List<string>();
        foreach (var path in request.Paths)
        {
            var full = Discovery.Canonical(Path.GetFullPath(path, request.WorkingDirectory));
            if (Directory.Exists(full))
            {
                directories.Add(full.TrimEnd('/') + "/");
            }
            else
            {
                files.Add(full);
            }
        }

        var cache = new System.Collections.Concurrent.ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        return file => cache.GetOrAdd(file.FullPath, p =>
        {
            var real = Discovery.Canonical(p);
            return files.Contains(real) || directories.Any(d => real.StartsWith(d, StringComparison.Ordinal));
        });
    }

    /// <summary>Applies the user's per-rule levels (a rule keeps choosing which findings it reports).</summary>
    private static List<Finding> Relevel(List<Finding> findings, IReadOnlyDictionary<string, Level> overrides)
    {
        if (overrides.Count == 0)
        {
            return findings;
        }

        return findings.Select(f =>
            overrides.TryGetValue(f.Rule.Id, out var level) || overrides.TryGetValue(f.Rule.Name, out level)
                ? f with { Level = level }
                : f).ToList();
    }

    private static List<Finding> Ordered(IEnumerable<List<Finding>> findings) =>
        findings.SelectMany(f => f)
            .OrderBy(f => f.Location.File.Path, StringComparer.Ordinal)
            .ThenBy(f => f.Location.Line)
            .ThenBy(f => f.Location.Column)
            .ThenBy(f => f.Rule.Id, StringComparer.Ordinal)
            .ToList();

    /// <summary>Runs the given rules over one tree (used by the run itself and by tests that check one rule).</summary>
    public static List<Finding> Check(ConfigTree tree, IReadOnlyList<Rule> rules, Assumptions assumptions,
        FileCheckSettings? files = null)
    {
        files ??= new FileCheckSettings(new Files.TlsFileStore(), DateTimeOffset.UtcNow, LintRequest.DefaultExpiryDays);
        var sink = new List<Finding>();
        foreach (var rule in rules)
        {
            if (!rule.Descriptor.AppliesTo.Contains(tree.Product))
            {
                continue;
            }

            var context = new RuleContext(rule, tree, assumptions, sink, files);
            switch (rule)
            {
                case TreeRule treeRule:
                    treeRule.Check(tree, context);
                    break;
                case EndpointRule endpointRule:
                    foreach (var endpoint in tree.Endpoints)
                    {
                        endpointRule.Check(endpoint, context);
                    }

                    break;
            }
        }

        return Deduplicate(sink);
    }

    /// <summary>Several endpoints can inherit one bad main.cf line: report it once, naming every endpoint.</summary>
    private static List<Finding> Deduplicate(List<Finding> findings)
    {
        var result = new List<Finding>(findings.Count);
        var seen = new Dictionary<(string, SourceLocationKey, string, Level), int>();
        foreach (var f in findings)
        {
            var key = (f.Rule.Id, new SourceLocationKey(f.Location.File.Path, f.Location.Range), f.Message, f.Level);
            if (seen.TryGetValue(key, out var index))
            {
                var first = result[index];
                var related = first.Related.Concat(f.Related.Where(r => !first.Related.Contains(r))).ToList();
                result[index] = first with { Related = related };
                continue;
            }

            seen[key] = result.Count;
            result.Add(f);
        }

        return result;
    }

    private static ConfigTree Load(DiscoveredTree tree, LintRequest request, Files.TlsFileStore files)
    {
        string Display(string path)
        {
            var relative = Path.GetRelativePath(request.WorkingDirectory, path);
            return (relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? path : relative)
                .Replace('\\', '/');
        }

        var prefix = request.NginxPrefix is null ? null : Path.GetFullPath(request.NginxPrefix, request.WorkingDirectory);
        var context = new LoadContext(Display, request.Assumptions, request.Root) { Defines = request.Defines, NginxPrefix = prefix };
        var loaded = Loaders[tree.Product](tree, context);

        // What OpenSSL does with what every product hands it: one pass for all products, with the system openssl.cnf.
        var diagnostics = new List<ConfigDiagnostic>();
        var system = OpenSslConfigReader.Find(tree, context, diagnostics);
        if (system is not null || diagnostics.Count > 0)
        {
            loaded = loaded with { OpenSslConfig = system, Diagnostics = [.. loaded.Diagnostics, .. diagnostics] };
        }

        // The certificates' key types decide which suites a server can negotiate: read them through the run's store,
        // which the certificate rules use afterwards, so each file is read once.
        return EffectiveTlsResolver.Attach(loaded, request.Assumptions, files);
    }

    private readonly record struct SourceLocationKey(string Path, Text.TextRange? Range);
}
