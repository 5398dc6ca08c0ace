using Tlslint.Analysis;
using Tlslint.Model.Nginx;

namespace Tlslint.Tests;

/// <summary>
/// Runs the real <c>nginx -T</c> (Debian package nginx 1.22.1 with the mail and stream modules) over every nginx
/// fixture and corpus tree and compares: when nginx accepts a tree, tlslint must predict no refusal, read the same files
/// in the same order, and see the same sequence of directives when it reads nginx's own dump; when nginx refuses it,
/// tlslint must predict a refusal at the same file and line, unless nginx stops for a reason outside tlslint's model
/// (a certificate it cannot load, a user that does not exist, a non-TLS directive, a module not loaded).
/// </summary>
public sealed class NginxDifferentialTests
{
    private static readonly Lazy<string> Credentials = new(GenerateCredentials);

    private static readonly string[] FileDirectives =
    [
        "ssl_certificate", "ssl_certificate_key", "ssl_trusted_certificate", "ssl_client_certificate",
        "proxy_ssl_certificate", "proxy_ssl_certificate_key", "proxy_ssl_trusted_certificate", "ssl_session_ticket_key",
    ];

    private static readonly string[] OutsideModel =
    [
        "cannot load certificate", "BIO_new_file", "getpwnam", "getgrnam", "no \"events\" section", "host not found",
        "unknown mail protocol", "no \"auth_http\"", "a duplicate default server",
        "duplicate listen", "no port in", "no \"listen\" is defined",
    ];

    public static IEnumerable<TestCaseData> Trees()
    {
        foreach (var fixture in FixtureCase.All().Where(c => c.Product == Tlslint.Model.Product.Nginx && Directory.Exists(c.Path)))
        {
            yield return new TestCaseData("fixture", fixture.Path).SetName($"nginx -T agrees: fixtures/{fixture}");
        }

        yield return new TestCaseData("fixture", Path.Combine(TestPaths.Fixtures, "_examples", "nginx")).SetName("nginx -T agrees: fixtures/_examples/nginx");
        if (TestPaths.Corpus is { } corpus)
        {
            foreach (var entry in Directory.EnumerateFiles(corpus, "nginx.conf", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                var relative = Path.GetRelativePath(corpus, entry);
                yield return new TestCaseData("corpus", entry).SetName($"nginx -T agrees: corpus/{relative}");
            }
        }
    }

    [TestCaseSource(nameof(Trees))]
    public void Nginx_T_agrees_with_tlslint(string kind, string path)
    {
        NginxOracle.Require();
        if (kind == "fixture")
        {
            using var work = CopyOf(path);
            var entry = Path.Combine(work.Root, "nginx.conf");
            CreateMissingCredentials(entry, work.Root);

            // Fixtures name their throw-away material as /etc/ssl/… (tlslint reads it with --root at the case).
            var binds = new[] { "etc/ssl", "etc/nginx" }.Select(d => (Source: Path.Combine(work.Root, d), Target: "/" + d))
                .Where(b => Directory.Exists(b.Source) && Directory.Exists(b.Target)).ToList();
            if (binds.Count > 0 && !NginxOracle.CanBindMount())
            {
                binds.Clear();
            }

            var root = binds.Count > 0 ? work.Root : null;
            var nginx = NginxOracle.Dump(work.Root, entry, binds);
            if (CertificateContentFailure(nginx) is { } file)
            {
                // OpenSSL refused the certificate, key or DH file itself: that is what the certificate rules judge.
                var message = nginx.Failure!.Value.Message;
                string[] expected = message.Contains("dh key too small", StringComparison.Ordinal) ? ["TLS210"]
                    : message.Contains("key too small", StringComparison.Ordinal) ? ["TLS303"]
                    : message.Contains("md too weak", StringComparison.Ordinal) ? ["TLS304"]
                    : message.Contains("key values mismatch", StringComparison.Ordinal) ? ["TLS306", "TLS307"]
                    : message.StartsWith("no \"ssl_certificate\" is defined", StringComparison.Ordinal) ? ["TLS309"]
                    : [];
                var judged = CertificateFindings(entry, root).Where(f => expected.Contains(f.Rule.Id)).ToList();
                Assert.That(judged, Is.Not.Empty, $"nginx refuses `{file}` ({message}), but none of {string.Join(", ", expected)} reports it");
                TestContext.Out.WriteLine($"nginx-differential: agree rejected (certificate content: {nginx.Failure!.Value.Message} | {string.Join(", ", judged.Select(f => f.Rule.Id).Distinct())})");
                return;
            }

            Compare(NginxTrees.Load(entry, root: root, version: NginxOracle.Version), nginx, p => p, work.Root);
            return;
        }

        var corpus = TestPaths.RequireCorpus();
        if (Path.GetRelativePath(corpus, path).StartsWith("debian12", StringComparison.Ordinal))
        {
            if (!NginxOracle.CanBindMount())
            {
                Assert.Ignore("this tree includes /etc/nginx/… absolutely; comparing it live needs a private mount namespace (unshare -m as root). NginxCorpusTests compares it with the stored oracle instead");
            }

            using var root = NginxTrees.Debian12Root(corpus);
            var etc = Path.Combine(root.Root, "etc", "nginx");
            var tree = NginxTrees.Load(Path.Combine(etc, "nginx.conf"), root: root.Root, version: NginxOracle.Version);
            var result = NginxOracle.Dump(NginxTrees.DebianConfDir, NginxTrees.DebianConfDir + "/nginx.conf", bindEtcNginx: etc);
            Compare(tree, result, p => p.StartsWith(root.Root, StringComparison.Ordinal) ? p[root.Root.Length..] : p, null);
            return;
        }

        Compare(NginxTrees.Load(path, version: NginxOracle.Version), NginxOracle.Dump(Path.GetDirectoryName(path)!, path), p => p, Path.GetDirectoryName(path));
    }

    private static void Compare(ConfigTree tree, NginxOracle.Result nginx, Func<string, string> asNginxSees, string? prefix)
    {
        var predicted = NginxTrees.PredictedRefusals(tree);
        if (nginx.Accepted)
        {
            Assert.That(predicted.Select(p => $"{p.Location}: {p.Text}"), Is.Empty, "nginx accepts the tree, tlslint predicted a refusal");
            var ours = tree.Files.Select(f => asNginxSees(Path.GetFullPath(f.FullPath))).ToList();
            var theirs = NginxTrees.DumpFiles(nginx.Output).Select(Path.GetFullPath).ToList();
            Assert.That(ours, Is.EqualTo(theirs), "files and their order differ from nginx -T");

            using var dump = new TempTree();
            var dumpFile = dump.Write("nginx-T.txt", nginx.Output);
            var fromDump = NginxTrees.Load(dumpFile, version: NginxOracle.Version, prefix: prefix);
            Assert.That(NginxTrees.Sequence(tree, asNginxSees), Is.EqualTo(NginxTrees.Sequence(fromDump, p => p)),
                "the expanded directive sequence differs from the one read from nginx -T");
            TestContext.Out.WriteLine($"nginx-differential: agree accepted ({tree.Files.Count} files, {tree.Directives.Count} directives)");
            return;
        }

        if (nginx.ExitCode > 128 || nginx.ExitCode < 0)
        {
            // nginx has no include cycle check: it recurses until the stack runs out (SIGSEGV).
            Assert.That(tree.Diagnostics.Any(d => d.Kind == DiagnosticKind.IncludeCycle), Is.True,
                $"nginx crashed (exit {nginx.ExitCode}) and tlslint found no include cycle");
            TestContext.Out.WriteLine($"nginx-differential: agree rejected (nginx crashed, exit {nginx.ExitCode}: include cycle)");
            return;
        }

        var failure = nginx.Failure;
        Assert.That(failure, Is.Not.Null, $"nginx failed without an [emerg] line:\n{nginx.Error}");
        var (message, file, line) = failure!.Value;
        var match = predicted.FirstOrDefault(p => Matches(p, message, file, line, asNginxSees));
        if (match is not null)
        {
            TestContext.Out.WriteLine($"nginx-differential: agree rejected ({message} | {match.Location}: {match.Text})");
            return;
        }

        if (IsOutsideModel(message))
        {
            TestContext.Out.WriteLine($"nginx-differential: outside model ({message}); tlslint predicted {predicted.Count} refusals");
            Assert.Pass($"nginx stops for a reason tlslint does not model: {message}");
        }

        Assert.Fail($"nginx stops with `{message}` at {file}:{line}, tlslint predicted: " +
            (predicted.Count == 0 ? "nothing" : string.Join("; ", predicted.Select(p => $"{p.Location}: {p.Text}"))));
    }

    /// <summary>The file OpenSSL refused to load (a key too small, a weak signature, a key that does not match), if that is why nginx stopped.</summary>
    private static string? CertificateContentFailure(NginxOracle.Result nginx)
    {
        if (nginx.Accepted || nginx.Failure is not { } failure)
        {
            return null;
        }

        foreach (var call in new[] { "SSL_CTX_use_certificate(\"", "SSL_CTX_use_PrivateKey(\"", "SSL_CTX_set_tmp_dh(\"" })
        {
            if (failure.Message.StartsWith(call, StringComparison.Ordinal))
            {
                return failure.Message[call.Length..failure.Message.IndexOf('"', call.Length)];
            }
        }

        return failure.Message.StartsWith("no \"ssl_certificate\" is defined", StringComparison.Ordinal) ? "(none)" : null;
    }

    private static IReadOnlyList<Finding> CertificateFindings(string entry, string? root) =>
        Linter.Run(new LintRequest
        {
            Paths = [entry],
            Rules = Tlslint.Rules.RuleCatalog.All.Where(r => r.Descriptor.Category == RuleCategory.Certificates || r.Descriptor.Id == "TLS210").ToList(),
            WorkingDirectory = Path.GetDirectoryName(entry)!,
            Root = root,
            Now = FixtureTests.FixedNow,
            Assumptions = Tlslint.Model.Assumptions.Default.With(Tlslint.Model.Product.Nginx, new Tlslint.Model.AssumedVersion(NginxOracle.Version, "test", true)),
        }).Findings;

    /// <summary>Same file, and nginx's line (that of the directive's terminator) within the predicted directive or at its start.</summary>
    private static bool Matches(NginxTrees.SourceLocationText p, string message, string? file, int? line, Func<string, string> asNginxSees)
    {
        var ours = asNginxSees(Path.GetFullPath(p.Location.File.FullPath));
        if (message.StartsWith("open() \"", StringComparison.Ordinal))
        {
            var opened = message["open() \"".Length..message.IndexOf('"', "open() \"".Length)];
            if (Path.GetFullPath(opened) == ours && p.Location.Range is null)
            {
                return true; // the file itself cannot be read (TLS004)
            }
        }

        // OpenSSL's refusal of an ssl_conf_command comes while servers are merged, with no file or line: the command matches.
        if (message.StartsWith("SSL_CONF_cmd(", StringComparison.Ordinal) && file is null)
        {
            return p.Text.Contains(message[..(message.IndexOf(") failed", StringComparison.Ordinal) + ") failed".Length)], StringComparison.Ordinal);
        }

        if (file is null || Path.GetFullPath(file) != ours)
        {
            return false;
        }

        // At the end of the file nginx notices an unclosed block or string, which tlslint locates where it starts.
        if (message.StartsWith("unexpected end of file", StringComparison.Ordinal))
        {
            return true;
        }

        var range = p.Location.Range;
        return range is { } r && line >= r.Start.Line && line <= Math.Max(r.End.Line, r.Start.Line);
    }

    private static bool IsOutsideModel(string message)
    {
        if (OutsideModel.Any(o => message.Contains(o, StringComparison.Ordinal)))
        {
            return true;
        }

        // Errors about directives that are not TLS directives (e.g. `mail` without its module, third-party names).
        var quoted = message.Split('"');
        var name = message.StartsWith("unknown directive", StringComparison.Ordinal) || message.Contains(" directive ", StringComparison.Ordinal)
            ? quoted.Skip(1).FirstOrDefault()
            : null;
        return name is not null && NginxVocabulary.Info(name) is null && !NginxVocabulary.IsTlsRelevant(name);
    }

    /// <summary>A copy of a fixture case in a temporary directory (symbolic links stay links).</summary>
    private static TempTree CopyOf(string dir)
    {
        var tree = new TempTree();
        foreach (var file in Directory.EnumerateFileSystemEntries(dir, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(tree.Root, Path.GetRelativePath(dir, file));
            var info = new FileInfo(file);
            if (info.LinkTarget is { } link)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.CreateSymbolicLink(target, link);
            }
            else if (Directory.Exists(file))
            {
                Directory.CreateDirectory(target);
            }
            else
            {
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }
        }

        return tree;
    }

    /// <summary>Writes a throw-away certificate or key wherever the copied configuration names one that is missing.</summary>
    private static void CreateMissingCredentials(string entry, string root)
    {
        var tree = NginxTrees.Load(entry, version: NginxOracle.Version);
        foreach (var directive in tree.Directives.Where(d => FileDirectives.Contains(d.Name) && !d.Value.Contains('$')))
        {
            var path = Path.GetFullPath(directive.Value, root);
            if (!path.StartsWith(root, StringComparison.Ordinal) || File.Exists(path))
            {
                continue;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            if (directive.Name == "ssl_session_ticket_key")
            {
                File.WriteAllBytes(path, System.Security.Cryptography.RandomNumberGenerator.GetBytes(80));
                continue;
            }

            var source = directive.Name.EndsWith("_key", StringComparison.Ordinal) ? "key.pem" : "cert.pem";
            File.Copy(Path.Combine(Credentials.Value, source), path);
        }
    }

    private static string GenerateCredentials()
    {
        var dir = Path.Combine(Path.GetTempPath(), "tlslint-nginx-credentials-" + Environment.ProcessId);
        Directory.CreateDirectory(dir);
        var openssl = ExternalTool.Find("openssl") ?? throw new InvalidOperationException("openssl is needed to make throw-away certificates");
        var (code, _, error) = ExternalTool.Run(openssl,
            ["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-days", "2", "-subj", "/CN=tlslint-test",
             "-keyout", Path.Combine(dir, "key.pem"), "-out", Path.Combine(dir, "cert.pem")],
            TimeSpan.FromSeconds(60));
        Assert.That(code, Is.EqualTo(0), error);
        return dir;
    }
}
