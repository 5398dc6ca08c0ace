using Tlslint.Analysis;
using Tlslint.Text;

namespace Tlslint.Model.Apache;

/// <summary>
/// The mod_ssl directives httpd 2.4 knows (Debian's 2.4.71 mod_ssl.so plus the documented history), with the release
/// that added them, and which of them hold one value per scope (a second one overrides the first).
/// </summary>
public static class ApacheVocabulary
{
    private sealed record Entry(string Name, ProductVersion Since, bool Single, string? ObsoleteSince = null, string? Advice = null);

    private static readonly ProductVersion V240 = new(2, 4, 0);

    private static readonly Entry[] Entries =
    [
        new("SSLCACertificateFile", V240, true),
        new("SSLCACertificatePath", V240, true),
        new("SSLCADNRequestFile", V240, true),
        new("SSLCADNRequestPath", V240, true),
        new("SSLCARevocationCheck", V240, true),
        new("SSLCARevocationFile", V240, true),
        new("SSLCARevocationPath", V240, true),
        new("SSLCertificateChainFile", V240, true, "2.4.8",
            "append the intermediate certificates to the `SSLCertificateFile` file, after the server certificate"),
        new("SSLCertificateFile", V240, false),
        new("SSLCertificateKeyFile", V240, false),
        new("SSLCipherSuite", V240, true),
        new("SSLCompression", new(2, 4, 3), true),
        new("SSLCryptoDevice", V240, true),
        new("SSLEngine", V240, true),
        new("SSLFIPS", V240, true),
        new("SSLHonorCipherOrder", V240, true),
        new("SSLInsecureRenegotiation", V240, true),
        new("SSLOCSPDefaultResponder", V240, true),
        new("SSLOCSPEnable", V240, true),
        new("SSLOCSPNoVerify", new(2, 4, 26), true),
        new("SSLOCSPOverrideResponder", V240, true),
        new("SSLOCSPProxyURL", new(2, 4, 19), true),
        new("SSLOCSPResponderCertificateFile", new(2, 4, 26), true),
        new("SSLOCSPResponderTimeout", V240, true),
        new("SSLOCSPResponseMaxAge", V240, true),
        new("SSLOCSPResponseTimeSkew", V240, true),
        new("SSLOCSPUseRequestNonce", new(2, 4, 10), true),
        new("SSLOpenSSLConfCmd", new(2, 4, 8), false),
        new("SSLOptions", V240, false),
        new("SSLPassPhraseDialog", V240, true),
        new("SSLProtocol", V240, true),
        new("SSLProxyCACertificateFile", V240, true),
        new("SSLProxyCACertificatePath", V240, true),
        new("SSLProxyCARevocationCheck", V240, true),
        new("SSLProxyCARevocationFile", V240, true),
        new("SSLProxyCARevocationPath", V240, true),
        new("SSLProxyCheckPeerCN", V240, true),
        new("SSLProxyCheckPeerExpire", V240, true),
        new("SSLProxyCheckPeerName", new(2, 4, 5), true),
        new("SSLProxyCipherSuite", V240, true),
        new("SSLProxyEngine", V240, true),
        new("SSLProxyMachineCertificateChainFile", V240, true),
        new("SSLProxyMachineCertificateFile", V240, true),
        new("SSLProxyMachineCertificatePath", V240, true),
        new("SSLProxyProtocol", V240, true),
        new("SSLProxyVerify", V240, true),
        new("SSLProxyVerifyDepth", V240, true),
        new("SSLRandomSeed", V240, false),
        new("SSLRenegBufferSize", V240, true),
        new("SSLRequire", V240, false),
        new("SSLRequireSSL", V240, true),
        new("SSLSRPUnknownUserSeed", new(2, 4, 4), true),
        new("SSLSRPVerifierFile", new(2, 4, 4), true),
        new("SSLSessionCache", V240, true),
        new("SSLSessionCacheTimeout", V240, true),
        new("SSLSessionTicketKeyFile", V240, true),
        new("SSLSessionTickets", new(2, 4, 11), true),
        new("SSLStaplingCache", V240, true),
        new("SSLStaplingErrorCacheTimeout", V240, true),
        new("SSLStaplingFakeTryLater", V240, true),
        new("SSLStaplingForceURL", V240, true),
        new("SSLStaplingResponderTimeout", V240, true),
        new("SSLStaplingResponseMaxAge", V240, true),
        new("SSLStaplingResponseTimeSkew", V240, true),
        new("SSLStaplingReturnResponderErrors", V240, true),
        new("SSLStaplingStandardCacheTimeout", V240, true),
        new("SSLStrictSNIVHostCheck", V240, true),
        new("SSLUseStapling", V240, true),
        new("SSLUserName", V240, true),
        new("SSLVHostSNIPolicy", V240, true),
        new("SSLVerifyClient", V240, true),
        new("SSLVerifyDepth", V240, true),
        // mod_ssl keeps these names only to refuse them with a pointer to their successors.
        new("SSLLog", V240, true, "2.0.0", "use `ErrorLog`; httpd refuses `SSLLog`"),
        new("SSLLogLevel", V240, true, "2.0.0", "use `LogLevel`; httpd refuses `SSLLogLevel`"),
    ];

    private static readonly Dictionary<string, Entry> ByName =
        Entries.ToDictionary(e => e.Name, StringComparer.OrdinalIgnoreCase);

    /// <summary>The documented spelling of a mod_ssl directive (httpd matches names case-insensitively), or null.</summary>
    public static string? Canonical(string name) => ByName.TryGetValue(name, out var e) ? e.Name : null;

    /// <summary>Whether the directive belongs to mod_ssl (known or misspelt: every <c>SSL…</c> name).</summary>
    public static bool IsSslName(string name) => name.StartsWith("SSL", StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether a second occurrence in the same scope replaces the first (false for lists such as SSLCertificateFile).</summary>
    public static bool IsSingleValued(string name) => ByName.TryGetValue(name, out var e) && e.Single;

    public static NameInfo Lookup(string name, ProductVersion version)
    {
        if (!IsSslName(name))
        {
            return NameInfo.Known(tls: string.Equals(name, "Header", StringComparison.OrdinalIgnoreCase));
        }

        if (!ByName.TryGetValue(name, out var entry))
        {
            var nearest = Entries.Where(e => e.ObsoleteSince is null)
                .Select(e => (e.Name, Distance: EditDistance.Between(name.ToLowerInvariant(), e.Name.ToLowerInvariant(), 4)))
                .Where(x => x.Distance <= 3)
                .OrderBy(x => x.Distance)
                .Select(x => x.Name)
                .FirstOrDefault();
            return new NameInfo(NameStatus.Unknown, true, nearest);
        }

        if (version < entry.Since)
        {
            return new NameInfo(NameStatus.TooNew, true, null, $"`{entry.Name}` exists since httpd {entry.Since}");
        }

        if (entry.ObsoleteSince is { } since && version >= ProductVersion.Parse(since))
        {
            return new NameInfo(NameStatus.Obsolete, true, null, entry.Advice);
        }

        return NameInfo.Known(tls: true);
    }
}
