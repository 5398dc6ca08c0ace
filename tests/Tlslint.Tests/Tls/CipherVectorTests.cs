using Tlslint.Tls.OpenSsl;

namespace Tlslint.Tests.Tls;

/// <summary>
/// The engine against the recorded oracle (Debian 12's <c>openssl ciphers</c>): every vector must agree exactly in
/// acceptance, error kind, both lists in order and the <c>-s</c> list.
/// </summary>
public sealed class CipherVectorTests
{
    [TestCase("vectors.jsonl", "debian12")]
    [TestCase("vectors-legacy.jsonl", "debian12-legacy")]
    [TestCase("edge-cases.jsonl", "debian12")]
    public void Every_recorded_vector_is_reproduced(string file, string buildName)
    {
        var path = Path.Combine(TestPaths.RequireCiphers(), file);
        Assert.That(OpenSslBuild.TryParse(buildName, out var build));
        var vectors = CipherVector.Read(path);
        Assert.That(vectors, Is.Not.Empty);

        var failures = vectors
            .Select(v => (Vector: v, Differences: v.Differences(build).ToList()))
            .Where(x => x.Differences.Count > 0)
            .ToList();
        TestContext.Out.WriteLine($"{file}: {vectors.Count - failures.Count}/{vectors.Count} agree");
        Assert.That(failures, Is.Empty,
            $"{failures.Count} of {vectors.Count} differ:\n"
            + string.Join("\n", failures.Take(8).Select(f => $"  {f.Vector}\n    " + string.Join("\n    ", f.Differences))));
    }

    [Test]
    public void The_comparison_discriminates_between_builds()
    {
        // Guards the test above: the same vectors evaluated on another build must disagree somewhere.
        var vectors = CipherVector.Read(Path.Combine(TestPaths.RequireCiphers(), "vectors.jsonl"));
        var differing = vectors.Count(v => v.Differences(OpenSslBuild.Full).Any());
        Assert.That(differing, Is.GreaterThan(vectors.Count / 4));
    }
}
