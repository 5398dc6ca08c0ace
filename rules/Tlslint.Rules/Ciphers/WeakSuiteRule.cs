using Tlslint.Analysis;
using Tlslint.Model;
using Tlslint.Profiles;
using Tlslint.Tls.OpenSsl;

namespace Tlslint.Rules.Ciphers;

/// <summary>
/// A rule about one class of weak suites in an endpoint's expanded cipher list: judged on what the string asks for
/// (expanded on a build with every suite), told with what the assumed build really negotiates, one level lower on
/// opportunistic mail transport and where the assumed build lacks every such suite, silent where TLS 1.2-and-older
/// lists do not matter or TLS cannot start at all.
/// </summary>
public abstract class WeakSuiteRule : EndpointRule
{
    /// <summary>The class as named in messages ("RC4 suites").</summary>
    protected abstract string ClassName { get; }

    /// <summary>Why the class is bad, one clause for messages.</summary>
    protected abstract string Why { get; }

    /// <summary>The OpenSSL word that removes the class.</summary>
    protected abstract IReadOnlyList<string> Tokens(IReadOnlyList<CipherSuite> weak);

    protected abstract bool IsWeak(CipherSuite suite, TlsEndpoint endpoint);

    /// <summary>
    /// For a rule marked <i>profile</i> in the catalog: the profile's level and reason for the class; null where every
    /// profile refuses the class at the rule's own level.
    /// </summary>
    protected virtual PolicyVerdict? ProfileVerdict(ProfilePolicy policy) => null;

    public sealed override void Check(TlsEndpoint endpoint, RuleContext context)
    {
        if (endpoint.Effective is not { Rejection: null } eff || !endpoint.Mode.Value.UsesTls() || CipherContext.IsTls13Only(endpoint))
        {
            return;
        }

        var weak = eff.Intent.All.Where(s => CipherContext.IsUsable(s) && IsWeak(s, endpoint)).ToList();
        if (weak.Count == 0)
        {
            return;
        }

        // Opportunistic mail falls back to plaintext, and suites the assumed build does not even have are intent only:
        // each is one level lower, never silent.
        bool Weak(CipherSuite s) => CipherContext.IsUsable(s) && IsWeak(s, endpoint);
        var opportunistic = CipherContext.IsOpportunisticMail(endpoint);
        var absent = !eff.Ciphers.All.Any(Weak);
        var verdict = ProfileVerdict(context.Policy);
        var level = verdict?.Level ?? Descriptor.DefaultLevel;
        level = opportunistic ? CipherContext.Lower(level) : level;
        level = absent ? CipherContext.Lower(level) : level;
        var where = opportunistic ? " for opportunistic TLS" : string.Empty;
        var profile = verdict is { } v ? $"; {v.Reason}" : string.Empty;
        var tls12 = verdict is not null && context.Policy.Tls12Advice is { } advice ? $", {advice}" : string.Empty;
        context.Report(endpoint, endpoint.Ciphers,
            $"{context.Subject(endpoint.Ciphers)} enables {ClassName} ({weak.Count}: {CipherContext.Names(weak)}){where}, {Why}{profile}; "
            + $"{CipherContext.Availability(eff, Weak)}; {CipherContext.Advice(endpoint, Tokens(weak))}{tls12}",
            level == Descriptor.DefaultLevel ? null : level);
    }
}
