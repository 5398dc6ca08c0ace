using Tlslint.Analysis;
using Tlslint.Model;
using Tlslint.Model.Postfix;
using Tlslint.Tls;
using Tlslint.Tls.OpenSsl;

namespace Tlslint.Rules.Ciphers;

public sealed class WeakExcludeList : TreeRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        Id: "TLS207",
        Name: "weak-exclude-list",
        Title: "A Postfix cipher exclusion list misses weak classes or has no effect",
        DefaultLevel: Level.Warning,
        AppliesTo: Products.Postfix,
        SecuritySeverity: 5.0);

    private static readonly string[] Prefixes = ["smtpd", "smtp", "lmtp"];

    public override void Check(ConfigTree tree, RuleContext context)
    {
        foreach (var endpoint in tree.Endpoints)
        {
            CheckIncompleteList(endpoint, context);
        }

        foreach (var directive in tree.Directives.Where(IsMandatoryExclusionList))
        {
            CheckUnusedMandatoryList(directive, tree, context);
        }
    }

    /// <summary>An exclusion list the user wrote that leaves weak classes the endpoint's grade selects.</summary>
    private static void CheckIncompleteList(TlsEndpoint endpoint, RuleContext context)
    {
        if (!endpoint.Mode.Value.UsesTls() || IsTls13Only(endpoint) || WrittenExclusionList(endpoint) is not { } list)
        {
            return;
        }

        var postfix = context.Version;
        var openSsl = context.Assumptions.OpenSsl.Version;
        if (openSsl.Major >= 3 && endpoint.Effective is { } eff)
        {
            CheckExpandedList(endpoint, list, eff, context);
            return;
        }

        // Older libraries than the engine models: judged by grade, Postfix release and library version.
        if (PostfixCipherGrades.BuiltInGrade(endpoint, postfix) is not { } grade)
        {
            return;
        }

        var selected = PostfixCipherGrades.WeakClassesSelected(grade, postfix, openSsl).ToHashSet();
        if (!NeedsAnonymousExcluded(endpoint))
        {
            selected.Remove(PostfixCipherClass.ANull);
        }

        var left = PostfixCipherGrades.NotExcluded(selected, endpoint.Ciphers.Value.Exclusions, openSsl);
        if (left.Count == 0)
        {
            return;
        }

        var names = string.Join(" ", left.Select(c => c.Alias()));
        var opportunistic = IsOpportunistic(endpoint);
        var where = opportunistic ? " for opportunistic TLS" : endpoint.Mode.Value.RequiresTls() ? " where TLS is required" : string.Empty;
        context.Report(endpoint, list,
            $"{context.Describe(list)} leaves `{names}`, which the `{endpoint.Ciphers.Value.Grade}` grade selects{where} in Postfix {postfix} with OpenSSL {openSsl}; add `{names}` to the list",
            opportunistic ? Level.Note : null);
    }

    /// <summary>
    /// The engine's answer: the weak classes still in the list the grade and exclusions expand to, judged on a build
    /// with every suite (what the configuration asks for) and told with what the assumed build has.
    /// </summary>
    private static void CheckExpandedList(TlsEndpoint endpoint, Setting<string> list, EffectiveTls eff, RuleContext context)
    {
        if (eff.Rejection is not null)
        {
            return;
        }

        var classes = new List<(string Alias, Func<CipherSuite, bool> In)>
        {
            ("eNULL", s => s.Weaknesses.HasFlag(CipherWeakness.NullEncryption)),
            ("aNULL", s => s.Weaknesses.HasFlag(CipherWeakness.Anonymous)),
            ("LOW", s => s.Weaknesses.HasFlag(CipherWeakness.LowStrength)),
            ("RC4", s => s.Weaknesses.HasFlag(CipherWeakness.Rc4)),
            ("3DES", s => s.Encryption == Encryption.TripleDes),
            ("MD5", s => s.Weaknesses.HasFlag(CipherWeakness.Md5Mac)),
        };
        if (!NeedsAnonymousExcluded(endpoint))
        {
            classes.RemoveAll(c => c.Alias == "aNULL");
        }

        var usable = eff.Intent.Ciphers.Where(CipherContext.IsUsable).ToList();
        var left = classes.Where(c => usable.Any(c.In)).Select(c => c.Alias).ToList();
        if (left.Count == 0)
        {
            return;
        }

        var names = string.Join(" ", left);
        var present = eff.Ciphers.Ciphers.Where(CipherContext.IsUsable).Any(s => classes.Any(c => left.Contains(c.Alias) && c.In(s)));
        var build = present
            ? $"OpenSSL {eff.Build.Name} has some of them"
            : $"OpenSSL {eff.Build.Name} has none of them, but builds with weak ciphers enabled do";
        var opportunistic = IsOpportunistic(endpoint);
        var where = opportunistic ? " for opportunistic TLS" : endpoint.Mode.Value.RequiresTls() ? " where TLS is required" : string.Empty;
        context.Report(endpoint, list,
            $"{context.Describe(list)} leaves `{names}`, which the `{endpoint.Ciphers.Value.Grade}` grade asks for{where}; {build}; add `{names}` to the list",
            opportunistic ? Level.Note : null);
    }

    /// <summary>
    /// The exclusion list to edit, when the user wrote one: for mandatory TLS the mandatory list if set, else the
    /// general one (which applies at every level).
    /// </summary>
    private static Setting<string>? WrittenExclusionList(TlsEndpoint endpoint)
    {
        var prefix = PostfixCipherGrades.Prefix(endpoint);
        var names = endpoint.Mode.Value.RequiresTls()
            ? new[] { $"{prefix}_tls_mandatory_exclude_ciphers", $"{prefix}_tls_exclude_ciphers" }
            : [$"{prefix}_tls_exclude_ciphers"];
        return names.Select(n => endpoint.Settings.GetValueOrDefault(n))
            .FirstOrDefault(s => s is { IsDefault: false } && s.Value.Trim().Length > 0);
    }

    /// <summary>Anonymous suites matter only where TLS is required; Postfix drops them itself when certificates are checked.</summary>
    private static bool NeedsAnonymousExcluded(TlsEndpoint endpoint) =>
        endpoint.Mode.Value.RequiresTls() && !PostfixCipherGrades.DropsAnonymousSuitesItself(endpoint)
        && (endpoint.Role == EndpointRole.Client || endpoint.Certificates.Count > 0);

    private static bool IsTls13Only(TlsEndpoint endpoint) =>
        endpoint.Protocols.Value.IsValid && endpoint.Protocols.Value.Enabled == TlsVersionSet.Of(TlsVersion.TlsV1_3);

    private static bool IsOpportunistic(TlsEndpoint endpoint) =>
        endpoint.Mode.Value == TlsMode.StartTlsOptional && (endpoint.Role == EndpointRole.Client || endpoint.Ports.Contains(25));

    private static bool IsMandatoryExclusionList(Directive d) =>
        d.Value.Trim().Length > 0 && Prefixes.Any(p => d.Name == $"{p}_tls_mandatory_exclude_ciphers");

    /// <summary>
    /// <c>*_mandatory_exclude_ciphers</c> only applies where TLS is required. Set where nothing requires TLS, whatever it
    /// names beyond the general list (and beyond aNULL, which opportunistic TLS keeps on purpose) stays enabled.
    /// </summary>
    private static void CheckUnusedMandatoryList(Directive directive, ConfigTree tree, RuleContext context)
    {
        var prefix = directive.Name[..directive.Name.IndexOf('_')];
        var reached = Reached(directive, tree, prefix);
        if (reached.Count == 0 || reached.Any(e => e.Mode.Value.RequiresTls()) || (prefix != "smtpd" && HasPolicyTable(tree, prefix)))
        {
            return;
        }

        var tls = reached.Where(e => e.Mode.Value.UsesTls()).ToList();
        var lost = Tokens(directive.Value)
            .Where(t => t != "aNULL" && tls.Any(e => !e.Ciphers.Value.Exclusions.Contains(t)))
            .ToList();
        if (lost.Count == 0)
        {
            return;
        }

        var why = IsServiceOverride(directive) ? $"{directive.ScopeLabel} does not require TLS" : $"no {prefix} service requires TLS";
        context.Report(
            $"`{directive.Name} = {directive.Value.Trim()}` has no effect because {why}, so nothing removes `{string.Join(" ", lost)}`; add that to `{prefix}_tls_exclude_ciphers`, which applies at every level",
            directive.Location,
            related: tls.Select(e => new RelatedLocation(e.Anchor, $"{e.Name} uses `{prefix}_tls_exclude_ciphers` only")));
    }

    /// <summary>The endpoints that see a directive: its own service for <c>-o</c>, else every service of that client or server program that does not override it.</summary>
    private static List<TlsEndpoint> Reached(Directive directive, ConfigTree tree, string prefix)
    {
        var mine = tree.Endpoints.Where(e => PostfixCipherGrades.Prefix(e) == prefix).ToList();
        if (IsServiceOverride(directive))
        {
            return mine.Where(e => ServiceOf(directive) == e.Name).ToList();
        }

        var overridden = tree.Directives.Where(d => d.Name == directive.Name && IsServiceOverride(d)).Select(ServiceOf).ToHashSet();
        return mine.Where(e => !overridden.Contains(e.Name)).ToList();
    }

    private static bool IsServiceOverride(Directive d) => d.Scope.StartsWith("master.cf:", StringComparison.Ordinal);

    /// <summary>The service key from a master.cf scope <c>master.cf:&lt;name/type&gt;:&lt;line&gt;</c>.</summary>
    private static string ServiceOf(Directive d)
    {
        var start = "master.cf:".Length;
        return d.Scope[start..d.Scope.LastIndexOf(':')];
    }

    /// <summary>Per-destination policy can require TLS (and so the mandatory lists) whatever the default level.</summary>
    private static bool HasPolicyTable(ConfigTree tree, string prefix) =>
        tree.Directives.Any(d => (d.Name == $"{prefix}_tls_policy_maps" || d.Name == $"{prefix}_tls_per_site") && d.Value.Trim().Length > 0);

    private static IEnumerable<string> Tokens(string value) =>
        value.Split([' ', '\t', '\n', '\r', ','], StringSplitOptions.RemoveEmptyEntries);
}
