using Tlslint.Analysis;
using Tlslint.Model;
using Tlslint.Tls.OpenSsl;

namespace Tlslint.Rules.Ciphers;

public sealed class Block64Cipher : WeakSuiteRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        Id: "TLS204",
        Name: "64-bit-block-cipher",
        Title: "The cipher list enables 3DES or IDEA suites (64-bit blocks, SWEET32)",
        DefaultLevel: Level.Warning,
        AppliesTo: Products.All,
        SecuritySeverity: 6.0);

    protected override string ClassName => "3DES or IDEA suites";

    protected override string Why => "whose 64-bit blocks leak plaintext on long connections (SWEET32)";

    protected override IReadOnlyList<string> Tokens(IReadOnlyList<CipherSuite> weak) =>
        [.. new[] { ("3DES", Encryption.TripleDes), ("IDEA", Encryption.Idea) }.Where(t => weak.Any(s => s.Encryption == t.Item2)).Select(t => t.Item1)];

    protected override bool IsWeak(CipherSuite suite, TlsEndpoint endpoint) => suite.Weaknesses.HasFlag(CipherWeakness.Block64);
}
