using Tlslint.Files;
using Tlslint.Model;
using Tlslint.Profiles;
using Tlslint.Text;

namespace Tlslint.Analysis;

/// <summary>What a rule sees besides its input: the tree, the assumptions, and a way to report.</summary>
public sealed class RuleContext
{
    private readonly List<Finding> _findings;

    private readonly FileCheckSettings _files;

    internal RuleContext(Rule rule, ConfigTree tree, Assumptions assumptions, List<Finding> sink, FileCheckSettings files)
    {
        Rule = rule;
        Tree = tree;
        Assumptions = assumptions;
        _findings = sink;
        _files = files;
    }

    /// <summary>The moment certificate validity is judged at (<c>--now</c>, or the time of the run).</summary>
    public DateTimeOffset Now => _files.Now;

    /// <summary>Certificates expiring within this many days are reported (<c>--expiry-days</c>).</summary>
    public int ExpiryDays => _files.ExpiryDays;

    /// <summary>The file a setting of this tree names, read once per run (resolved under <c>--root</c> when given).</summary>
    public TlsFile OpenFile(Setting<string> setting) => _files.Files.Open(Tree, setting.Value);

    public Rule Rule { get; }

    public ConfigTree Tree { get; }

    public Assumptions Assumptions { get; }

    /// <summary>The policy in force: rules marked <i>profile</i> in the catalog choose triggers and levels by it.</summary>
    public Profile Profile => Assumptions.Profile;

    /// <summary>What the profile in force accepts, with levels and reasons: the one place profile knowledge lives.</summary>
    public ProfilePolicy Policy => ProfilePolicy.For(Assumptions.Profile);

    /// <summary>The assumed version of the tree's product.</summary>
    public ProductVersion Version => Tree.Version.Version;

    public void Report(string message, SourceLocation location, Level? level = null,
        IEnumerable<RelatedLocation>? related = null, TlsEndpoint? endpoint = null)
    {
        // A stand-in endpoint (context rule 7) is judged only by the settings written for it, through Report<T>.
        if (endpoint is { Prospective: true })
        {
            return;
        }

        Add(message, location, level, related, endpoint);
    }

    private void Add(string message, SourceLocation location, Level? level, IEnumerable<RelatedLocation>? related, TlsEndpoint? endpoint) =>
        _findings.Add(new Finding(Rule.Descriptor, level ?? Rule.Descriptor.DefaultLevel, message, location,
            related?.ToList() ?? [], endpoint?.ToString()));

    /// <summary>
    /// Reports a problem with an endpoint's setting where the user must edit it: at the directive for an explicit or
    /// inherited value (the endpoint as related location), at the endpoint for a defaulted one (the tree's global
    /// scope as related location, where the setting could be written).
    /// </summary>
    public void Report<T>(TlsEndpoint endpoint, Setting<T> setting, string message, Level? level = null,
        IEnumerable<RelatedLocation>? extra = null)
    {
        // A default judged on a stand-in (context rule 7) or on a fragment (rule 6) says nothing about a real endpoint.
        if (setting.IsDefault && (endpoint.Prospective || Tree.IsFragment))
        {
            return;
        }

        var related = new List<RelatedLocation>();
        if (setting.IsDefault)
        {
            if (Tree.GlobalScope is { } global && global.File != setting.Location.File)
            {
                related.Add(new RelatedLocation(global, $"`{setting.Name}` can be set here for every {Describe(endpoint.Product)}"));
            }
        }
        else if (setting.Location != endpoint.Anchor)
        {
            related.Add(new RelatedLocation(endpoint.Anchor, $"used by {endpoint.Name}"));
        }

        if (extra is not null)
        {
            related.AddRange(extra);
        }

        if (endpoint.Prospective)
        {
            // rules.md context rule 7: nothing uses the setting yet; say what a future endpoint would inherit.
            level = Level.Note;
            message += $"; no TLS {Describe(endpoint.Product)} uses this yet, but every one added later inherits it";
        }

        Add(message, setting.Location, level, related, endpoint);
    }

    /// <summary>
    /// Describes how a value came about, for messages: "`smtpd_tls_protocols = !SSLv2`" when written, or
    /// "`smtpd_tls_protocols` defaults to `&gt;=TLSv1` in Postfix 3.7" when not.
    /// </summary>
    public string Describe<T>(Setting<T> setting)
    {
        if (!setting.IsDefault)
        {
            // Postfix and Dovecot write `name = value`; httpd and nginx directives take their arguments after a space.
            return Tree.Product is Product.Postfix or Product.Dovecot
                ? $"`{setting.Name} = {setting.RawText}`"
                : $"`{setting.Name} {setting.RawText}`";
        }

        var version = setting.DefaultFor ?? Version;
        var product = Tree.Product.DisplayName();
        return setting.RawText.Length == 0
            ? $"`{setting.Name}` is empty by default in {product} {version}"
            : $"`{setting.Name}` defaults to `{setting.RawText}` in {product} {version}";
    }

    /// <summary>
    /// <see cref="Describe{T}"/> as the subject of a sentence: "`name = value` enables …", or for a default
    /// "`name` defaults to `x` in Postfix 3.7, which enables …".
    /// </summary>
    public string Subject<T>(Setting<T> setting) =>
        setting.IsDefault ? $"{Describe(setting)}, which" : Describe(setting);

    private static string Describe(Product product) => product switch
    {
        Product.Postfix => "service",
        Product.Dovecot => "listener",
        Product.Nginx => "server",
        _ => "virtual host",
    };
}
