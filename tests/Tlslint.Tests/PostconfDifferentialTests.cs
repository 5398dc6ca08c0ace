using Tlslint.Model;
using Tlslint.Model.Postfix;

namespace Tlslint.Tests;

/// <summary>
/// Runs the real <c>postconf -n</c> and <c>postconf -P</c> (Debian package postfix) over every Postfix directory in
/// fixtures/ and the corpus, and compares parameter by parameter with what tlslint parsed.
/// </summary>
public sealed class PostconfDifferentialTests
{
    private static readonly Lazy<string?> Postconf = new(() =>
        new[] { "/usr/sbin/postconf", "/usr/bin/postconf" }.FirstOrDefault(File.Exists));

    private static readonly Lazy<ProductVersion> InstalledVersion = new(() =>
    {
        var empty = Path.Combine(Path.GetTempPath(), "tlslint-postconf-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(empty);
        File.WriteAllText(Path.Combine(empty, "main.cf"), string.Empty);
        try
        {
            return ProductVersion.Parse(Run(Postconf.Value!, "-c", empty, "-dh", "mail_version").Output.Trim());
        }
        finally
        {
            Directory.Delete(empty, recursive: true);
        }
    });

    public static IEnumerable<TestCaseData> Directories()
    {
        var roots = new List<(string Label, string Root)> { ("fixtures", TestPaths.Fixtures) };
        if (TestPaths.Corpus is { } corpus)
        {
            roots.Add(("corpus", corpus));
        }

        foreach (var (label, root) in roots)
        {
            foreach (var dir in PostfixTreeFacts.PostfixDirectories(root))
            {
                if (!new[] { "main.cf", "master.cf" }.Select(f => Path.Combine(dir, f)).Where(File.Exists).All(TestPaths.IsReadableFile))
                {
                    continue; // a broken link (fixtures/TLS004) is about reading files, not about parsing them
                }

                yield return new TestCaseData(dir).SetName($"postconf agrees: {label}/{Path.GetRelativePath(root, dir)}");
            }
        }
    }

    [TestCaseSource(nameof(Directories))]
    public void Postconf_n_and_P_agree_with_the_parser(string dir)
    {
        var postconf = RequirePostconf();
        var work = WithMainCf(dir);
        try
        {
            var version = InstalledVersion.Value;
            var main = PostfixTreeFacts.MainCf(work)!;
            var master = PostfixTreeFacts.MasterCf(work);
            var n = Run(postconf, "-c", work, "-n");
            if (n.ExitCode != 0)
            {
                // postconf -n reads master.cf too, so a fatal error in either file stops it.
                Assert.That(PostfixTreeFacts.HasFatalSyntaxError(main.Diagnostics.Concat(master?.Diagnostics ?? [])), Is.True,
                    $"postconf -n failed but tlslint found no fatal error:\n{n.Error}");
                return;
            }

            Assert.That(PostfixTreeFacts.HasFatalSyntaxError(main.Diagnostics), Is.False,
                "tlslint reports a fatal main.cf error that postconf accepts: " + string.Join("; ", main.Diagnostics.Select(d => d.Message)));
            var oracle = PostfixTreeFacts.ParsePostconfOutput(n.Output);
            oracle.Remove("config_directory");
            var ours = PostfixTreeFacts.MainValues(main);
            Assert.That(ours.Where(kv => oracle.ContainsKey(kv.Key)), Is.EquivalentTo(oracle), "values differ from postconf -n");
            Assert.That(ours.Keys.Where(k => !oracle.ContainsKey(k) && PostfixVocabulary.IsKnown(k, version)), Is.Empty,
                "tlslint calls these names known to Postfix, but postconf -n does not print them");

            if (master is null)
            {
                return;
            }

            var p = Run(postconf, "-c", work, "-P");
            if (p.ExitCode != 0)
            {
                Assert.That(PostfixTreeFacts.HasFatalSyntaxError(master.Diagnostics), Is.True,
                    $"postconf -P failed but tlslint found no fatal master.cf error:\n{p.Error}");
                return;
            }

            var services = PostfixTreeFacts.ParsePostconfOutput(p.Output);
            Assert.That(PostfixTreeFacts.ServiceValues(master), Is.EquivalentTo(services), "-o values differ from postconf -P");
        }
        finally
        {
            if (work != dir)
            {
                Directory.Delete(work, recursive: true);
            }
        }
    }

    private static string RequirePostconf()
    {
        if (Postconf.Value is { } path)
        {
            return path;
        }

        if (Environment.GetEnvironmentVariable("CI") == "true")
        {
            Assert.Fail("postconf is not installed; .ci/run installs the Debian package postfix for this test");
        }

        Assert.Ignore("postconf is not installed (apt-get install postfix): the differential test needs the real Postfix");
        return null!;
    }

    /// <summary>postconf needs a main.cf: a directory with only master.cf is copied beside an empty one.</summary>
    private static string WithMainCf(string dir)
    {
        if (TestPaths.IsReadableFile(Path.Combine(dir, "main.cf")))
        {
            return dir;
        }

        var copy = Path.Combine(Path.GetTempPath(), "tlslint-postconf-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(copy);
        File.WriteAllText(Path.Combine(copy, "main.cf"), string.Empty);
        File.Copy(Path.Combine(dir, "master.cf"), Path.Combine(copy, "master.cf"));
        return copy;
    }

    private static (int ExitCode, string Output, string Error) Run(string program, params string[] args) =>
        ExternalTool.Run(program, args, TimeSpan.FromSeconds(30));
}
