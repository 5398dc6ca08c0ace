using Tlslint.Analysis;
using Tlslint.Model.Apache;

namespace Tlslint.Tests.Apache;

/// <summary>
/// Runs Debian's real httpd (<c>apache2 -d DIR -f FILE -t -D DUMP_INCLUDES -D DUMP_VHOSTS</c>, after sourcing the
/// tree's <c>envvars</c> as apache2ctl does) over every Apache tree in fixtures/ and the corpus, and compares the
/// files it reads, in order, and its virtual hosts with what tlslint read; a tree httpd refuses must be one where
/// tlslint reports a fatal problem, and the other way round.
/// </summary>
public sealed class ApacheDifferentialTests
{
    private const string Modules = "/usr/lib/apache2/modules";

    /// <summary>Loaded for trees that load no module themselves, which tlslint reads as fragments with every module present.</summary>
    private static readonly string[] FragmentModules =
    [
        "mpm_event", "ssl", "headers", "socache_shmcb", "proxy", "proxy_http", "rewrite", "alias", "mime", "dir",
        "authz_core", "setenvif",
    ];

    /// <summary>Corpus trees httpd cannot read as they are stored, and why.</summary>
    private static readonly Dictionary<string, string> NotComparable = new(StringComparer.Ordinal)
    {
        ["public/h5bp__server-configs-apache"] =
            "sets `ServerRoot /usr/local/apache2` (absent here, httpd refuses) and includes files the corpus did not take",
    };

    private static readonly Lazy<string?> Httpd = new(() =>
        new[] { "/usr/sbin/apache2", "/usr/sbin/httpd" }.FirstOrDefault(File.Exists));

    public static IEnumerable<TestCaseData> Trees()
    {
        foreach (var dir in FixtureTrees())
        {
            yield return new TestCaseData("fixtures", dir).SetName($"httpd agrees: fixtures/{Path.GetRelativePath(TestPaths.Fixtures, dir)}");
        }

        var example = Path.Combine(TestPaths.Fixtures, "_examples", "apache");
        if (Directory.Exists(example))
        {
            yield return new TestCaseData("fixtures", example).SetName("httpd agrees: fixtures/_examples/apache");
        }

        if (TestPaths.Corpus is { } corpus)
        {
            foreach (var tree in new[] { "debian12/apache2", "debian12/variants/apache2-a2enmod-ssl", "public/h5bp__server-configs-apache" })
            {
                yield return new TestCaseData("corpus", tree).SetName($"httpd agrees: corpus/{tree}");
            }
        }
    }

    /// <summary>Every fixture case folder of an Apache rule that holds an entry file.</summary>
    internal static IEnumerable<string> FixtureTrees() =>
        Directory.Exists(TestPaths.Fixtures)
            ? Directory.EnumerateDirectories(TestPaths.Fixtures, "apache", SearchOption.AllDirectories)
                .SelectMany(Directory.EnumerateDirectories)
                .Where(d => EntryFile(d) is not null)
                .Order(StringComparer.Ordinal)
            : [];

    [TestCaseSource(nameof(Trees))]
    public void Httpd_reads_the_same_files_and_virtual_hosts(string source, string tree)
    {
        var httpd = RequireHttpd();
        if (NotComparable.TryGetValue(tree, out var why))
        {
            Assert.Ignore($"{tree}: {why}");
        }

        using var copy = source == "corpus" ? CorpusCopy.Materialize(Path.Combine(TestPaths.Corpus!, tree)) : null;
        var dir = copy?.Root ?? tree;
        var entry = EntryFile(dir)!;
        var config = ApacheTreeFacts.Read(entry);
        var output = RunHttpd(httpd, entry, config);
        var refused = output.Contains("Syntax error", StringComparison.Ordinal) || output.Contains("AH00526", StringComparison.Ordinal);
        var fatal = ApacheTreeFacts.Refusals(entry);

        if (refused)
        {
            Assert.That(fatal, Is.Not.Empty, "httpd refuses the tree but tlslint reports nothing fatal:\n" + output);
            return;
        }

        Assert.That(fatal, Is.Empty, "tlslint reports a fatal problem in a tree httpd accepts:\n" + output);
        Assert.That(ApacheTreeFacts.IncludeLines(config), Is.EqualTo(ApacheTreeFacts.OracleIncludeLines(output)), "include order:\n" + output);
        Assert.That(ApacheTreeFacts.VirtualHosts(config), Is.EqualTo(ApacheTreeFacts.OracleVirtualHosts(output)), "virtual hosts:\n" + output);
    }

    private static string? EntryFile(string dir) =>
        new[] { "apache2.conf", "httpd.conf", "conf/httpd.conf" }.Select(f => Path.Combine(dir, f)).FirstOrDefault(File.Exists);

    /// <summary>
    /// httpd in a shell that first does what apache2ctl does: source envvars (from the entry file's directory) and
    /// create the run, lock and log directories it names. Nothing is started: <c>-t</c> only reads the configuration.
    /// </summary>
    private static string RunHttpd(string httpd, string entry, ApacheConfiguration config)
    {
        var directory = Path.GetDirectoryName(entry)!;
        var serverRoot = Path.GetFileName(directory) == "conf" ? Path.GetDirectoryName(directory)! : directory;
        var args = new List<string>
        {
            "-c",
            """
            cd "$1"; shift
            if [ -f ./envvars ]; then
              export APACHE_CONFDIR="$PWD"; . ./envvars
              for d in "$APACHE_RUN_DIR" "$APACHE_LOCK_DIR" "$APACHE_LOG_DIR"; do [ -n "$d" ] && mkdir -p "$d" 2>/dev/null; done
            fi
            exec "$@" 2>&1
            """,
            "sh", directory, httpd, "-d", serverRoot, "-f", entry, "-t", "-D", "DUMP_INCLUDES", "-D", "DUMP_VHOSTS",
            "-C", "ServerName localhost", "-C", "ErrorLog /dev/null",
        };
        if (!config.ModulesKnown)
        {
            foreach (var module in FragmentModules)
            {
                args.AddRange(["-C", $"LoadModule {module}_module {Modules}/mod_{module}.so"]);
            }
        }

        var (_, output, error) = ExternalTool.Run("/bin/sh", args, TimeSpan.FromSeconds(60));
        return output + error;
    }

    private static string RequireHttpd()
    {
        if (Httpd.Value is { } path)
        {
            return path;
        }

        if (Environment.GetEnvironmentVariable("CI") == "true")
        {
            Assert.Fail("apache2 is not installed; .ci/run installs the Debian package apache2 for this test");
        }

        Assert.Ignore("apache2 is not installed (apt-get install apache2): the differential test needs the real httpd");
        return null!;
    }
}
