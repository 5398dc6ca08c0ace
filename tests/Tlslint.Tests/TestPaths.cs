namespace Tlslint.Tests;

/// <summary>Where the repository, its fixtures and the shared corpus are.</summary>
internal static class TestPaths
{
    private static readonly Lazy<string> RepoRoot = new(() =>
    {
        var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Linter.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Linter.sln not found above the test directory");
    });

    public static string Repo => RepoRoot.Value;

    public static string Fixtures => Path.Combine(Repo, "fixtures");

    /// <summary>../shared/corpus beside the repository, or null when absent.</summary>
    public static string? Corpus
    {
        get
        {
            var path = Path.GetFullPath(Path.Combine(Repo, "..", "shared", "corpus"));
            return Directory.Exists(path) ? path : null;
        }
    }

    /// <summary>../shared/ciphers beside the repository (the OpenSSL oracle vectors), or null when absent.</summary>
    public static string? Ciphers
    {
        get
        {
            var path = Path.GetFullPath(Path.Combine(Repo, "..", "shared", "ciphers"));
            return Directory.Exists(path) ? path : null;
        }
    }

    public static string RequireCiphers()
    {
        var ciphers = Ciphers;
        if (ciphers is null)
        {
            Assert.Ignore("../shared/ciphers is not present beside the repository: the OpenSSL vector tests need it");
        }

        return ciphers!;
    }

    /// <summary>A file that can be opened: not a dangling symbolic link (which File.Exists reports as present).</summary>
    public static bool IsReadableFile(string path)
    {
        var info = new FileInfo(path);
        return info.Exists && (info.LinkTarget is null || info.ResolveLinkTarget(returnFinalTarget: true) is { Exists: true });
    }

    public static string RequireCorpus()
    {
        var corpus = Corpus;
        if (corpus is null)
        {
            Assert.Ignore("../shared/corpus is not present beside the repository: corpus tests need the shared test data");
        }

        return corpus!;
    }
}
