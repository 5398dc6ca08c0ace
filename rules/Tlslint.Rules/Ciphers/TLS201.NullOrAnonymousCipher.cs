using Tlslint.Analysis;
using Tlslint.Model;
using Tlslint.Tls.OpenSsl;

namespace Tlslint.Rules.Ciphers;

public sealed class NullOrAnonymousCipher : WeakSuiteRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        Id: "TLS201",
        Name: "null-or-anonymous-cipher",
        Title: "The cipher list enables suites without encryption (eNULL) or without authentication (aNULL)",
        DefaultLevel: Level.Error,
        AppliesTo: Products.All,
        SecuritySeverity: 9.0);

    protected override string ClassName => "unencrypted (eNULL) or anonymous (aNULL) suites";

    protected override string Why => "which send data in clear or let an active attacker impersonate the server";

    protected override IReadOnlyList<string> Tokens(IReadOnlyList<CipherSuite> weak)
    {
        var tokens = new List<string>();
        if (weak.Any(s => s.Weaknesses.HasFlag(CipherWeakness.NullEncryption)))
        {
            tokens.Add("eNULL");
        }

        if (weak.Any(s => s.Weaknesses.HasFlag(CipherWeakness.Anonymous)))
        {
            tokens.Add("aNULL");
        }

        return tokens;
    }

    /// <summary>Anonymous suites on opportunistic mail transport are Postfix's deliberate choice: the alternative is plaintext.</summary>
    protected override bool IsWeak(CipherSuite suite, TlsEndpoint endpoint) =>
        suite.Weaknesses.HasFlag(CipherWeakness.NullEncryption)
        || (suite.Weaknesses.HasFlag(CipherWeakness.Anonymous) && !CipherContext.IsOpportunisticMail(endpoint));
}
