using Tlslint.Analysis;
using Tlslint.Model;
using Tlslint.Tls.OpenSsl;

namespace Tlslint.Rules.Ciphers;

public sealed class Rc4Cipher : WeakSuiteRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        Id: "TLS203",
        Name: "rc4-cipher",
        Title: "The cipher list enables RC4 suites",
        DefaultLevel: Level.Error,
        AppliesTo: Products.All,
        SecuritySeverity: 7.5);

    protected override string ClassName => "RC4 suites";

    protected override string Why => "which RFC 7465 forbids because of RC4's keystream biases";

    protected override IReadOnlyList<string> Tokens(IReadOnlyList<CipherSuite> weak) => ["RC4"];

    protected override bool IsWeak(CipherSuite suite, TlsEndpoint endpoint) => suite.Weaknesses.HasFlag(CipherWeakness.Rc4);
}
