using Tlslint.Files;
using Tlslint.Model;

namespace Tlslint.Rules.Certificates;

/// <summary>
/// One certificate chain an endpoint serves (or, as a client, presents) and the key that goes with it, as found in
/// the files its settings name.
/// </summary>
/// <param name="Endpoint">The endpoint.</param>
/// <param name="Setting">The setting naming the certificate file (where chain findings are reported).</param>
/// <param name="Certificates">The certificates of the chain, in file order.</param>
/// <param name="Key">The private key of the chain, when one was found.</param>
/// <param name="KeySetting">The setting naming the key's file (the certificate setting when both share a file).</param>
/// <param name="ChainFile">The setting naming a separate chain file whose certificates end the chain (Apache <c>SSLCertificateChainFile</c>).</param>
/// <param name="FromChainFile">How many certificates at the end of the chain came from <paramref name="ChainFile"/>.</param>
internal sealed record ServedChain(TlsEndpoint Endpoint, Setting<string> Setting, IReadOnlyList<CertificateFacts> Certificates,
    PrivateKeyFacts? Key, Setting<string> KeySetting, Setting<string>? ChainFile = null, int FromChainFile = 0)
{
    /// <summary>The setting naming the file a certificate of the chain was read from (where the user would fix it).</summary>
    public Setting<string> SettingOf(CertificateFacts certificate) =>
        ChainFile is { } chain && Certificates.Skip(Certificates.Count - FromChainFile).Contains(certificate) ? chain : Setting;

    /// <summary>Whether certificate <paramref name="index"/> came from the separate chain file.</summary>
    public bool IsFromChainFile(int index) => ChainFile is not null && index >= Certificates.Count - FromChainFile;

    /// <summary>The server's own certificate: the one matching the key, else the first that is not a CA, else the first.</summary>
    public CertificateFacts? Leaf =>
        (Key?.PublicKey is { } key ? Certificates.FirstOrDefault(c => key.SameKeyAs(c.PublicKey)) : null)
        ?? Certificates.FirstOrDefault(c => !c.IsCertificateAuthority)
        ?? Certificates.FirstOrDefault();
}
