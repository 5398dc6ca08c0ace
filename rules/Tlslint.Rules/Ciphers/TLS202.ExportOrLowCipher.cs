using Tlslint.Analysis;
using Tlslint.Model;
using Tlslint.Tls.OpenSsl;

namespace Tlslint.Rules.Ciphers;

public sealed class ExportOrLowCipher : WeakSuiteRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        Id: "TLS202",
        Name: "export-or-low-cipher",
        Title: "The cipher list enables EXPORT, LOW, DES, RC2 or HMAC-MD5 suites",
        DefaultLevel: Level.Error,
        AppliesTo: Products.All,
        SecuritySeverity: 8.5);

    protected override string ClassName => "low-strength or HMAC-MD5 suites";

    protected override string Why => "whose keys or MACs are within reach of attackers";

    protected override IReadOnlyList<string> Tokens(IReadOnlyList<CipherSuite> weak) =>
        weak.All(s => s.Weaknesses.HasFlag(CipherWeakness.Md5Mac)) ? ["MD5"] : ["LOW", "MD5"];

    protected override bool IsWeak(CipherSuite suite, TlsEndpoint endpoint) =>
        (suite.Weaknesses & (CipherWeakness.LowStrength | CipherWeakness.Md5Mac)) != 0;
}
