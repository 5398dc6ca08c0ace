using Tlslint.Tls.OpenSsl;

namespace Tlslint.Model;

/// <summary>
/// The versions tlslint assumes when a directive is missing (product defaults) and when judging what the TLS
/// library really does (OpenSSL build and security level). Printed with every report.
/// </summary>
public sealed record Assumptions(
    IReadOnlyDictionary<Product, AssumedVersion> Products,
    AssumedVersion OpenSsl,
    int SecurityLevel)
{
    /// <summary>What a Debian 12 (bookworm) server runs: the default when neither the user nor the tree says otherwise.</summary>
    public static Assumptions Default { get; } = new(
        new Dictionary<Product, AssumedVersion>
        {
            [Product.Postfix] = new(new ProductVersion(3, 7, 11), "default (Debian 12)"),
            [Product.Dovecot] = new(new ProductVersion(2, 3, 19), "default (Debian 12)"),
            [Product.Apache] = new(new ProductVersion(2, 4, 71), "default (Debian 12)"),
            [Product.Nginx] = new(new ProductVersion(1, 22, 1), "default (Debian 12)"),
        },
        new AssumedVersion(new ProductVersion(3, 0, 0), "default (Debian 12)"),
        2);

    /// <summary>The OpenSSL build the cipher engine evaluates on (what exists at run time): Debian 12's unless told otherwise.</summary>
    public OpenSslBuild Build { get; init; } = OpenSslBuild.Debian12;

    /// <summary>Who chose <see cref="Build"/>, for the report (<c>--openssl-build</c>, the config file, or the default).</summary>
    public string BuildSource { get; init; } = "default (Debian 12)";

    /// <summary>
    /// The build chosen by the user: it also sets the library's default security level (2 for Debian's builds, 1 for
    /// <c>full</c>, upstream's default).
    /// </summary>
    public Assumptions WithBuild(OpenSslBuild build, string source) =>
        this with { Build = build, BuildSource = source, SecurityLevel = build.DefaultSecurityLevel };

    /// <summary>True when the cipher engine models the assumed OpenSSL (3.x); for older ones its results are OpenSSL 3.0's.</summary>
    public bool EngineModelsOpenSsl => OpenSsl.Version.Major >= 3;

    /// <summary>The policy rules judge against (<c>--profile</c>, <c>profile:</c> in .tlslint.yaml).</summary>
    public Profile Profile { get; init; } = Profile.Intermediate;

    public ProductVersion VersionOf(Product product) => Products[product].Version;

    public Assumptions With(Product product, AssumedVersion version)
    {
        var copy = new Dictionary<Product, AssumedVersion>(Products) { [product] = version };
        return this with { Products = copy };
    }

    /// <summary>True when the assumed OpenSSL refuses TLS 1.0/1.1 handshakes at its default security level.</summary>
    public bool LibraryRefusesLegacyTls => OpenSsl.Version.Major >= 3 && SecurityLevel >= 1;
}
