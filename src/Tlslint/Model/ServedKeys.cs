using Tlslint.Analysis;
using Tlslint.Files;
using Tlslint.Tls;
using Tlslint.Tls.OpenSsl;

namespace Tlslint.Model;

/// <summary>
/// The key types of the certificates a server serves, read through the run's <see cref="TlsFileStore"/>: what decides
/// which authentications (aRSA, aECDSA, aDSS) OpenSSL can offer. Unknown as soon as one certificate cannot be read.
/// </summary>
internal static class ServedKeys
{
    /// <param name="Keys">Each certificate's key, or why it is unknown.</param>
    /// <param name="Unknown">Why suites are not filtered by key type; null when they are (or on a client).</param>
    /// <param name="Authentications">The authentications the certificates provide; null when not filtered.</param>
    /// <param name="SignsTls13">Whether some certificate can sign a TLS 1.3 handshake (RSA, EC, EdDSA).</param>
    /// <param name="AnonymousOnly">The setting that asks for no certificate at all (<c>smtpd_tls_cert_file = none</c>).</param>
    internal sealed record Result(IReadOnlyList<ServedKey> Keys, string? Unknown, Authentication? Authentications, bool SignsTls13,
        string? AnonymousOnly)
    {
        /// <summary>"RSA only", "EC and RSA keys" …, for messages.</summary>
        public string Describe()
        {
            var names = Keys.Where(k => k.Key is not null).Select(k => Name(k.Key!.Algorithm)).Distinct().ToList();
            return names.Count switch
            {
                0 => "no certificate",
                1 => $"{names[0]} only",
                _ => $"{string.Join(", ", names.Take(names.Count - 1))} and {names[^1]} keys only",
            };
        }
    }

    /// <summary>A client's suites do not depend on the certificate it may present.</summary>
    public static Result NotApplicable { get; } = new([], null, null, true, null);

    public static Result Of(TlsEndpoint endpoint, ConfigTree? tree, TlsFileStore? files)
    {
        if (endpoint.AnonymousOnly is { } none)
        {
            return new([], null, Authentication.Null, false, $"{none.Name} = {none.Value.Trim()}");
        }

        var pairs = endpoint.Certificates.Where(c => c.Certificate.Value.Trim().Length > 0).ToList();
        if (pairs.Count == 0)
        {
            return new([], "no certificate is configured, so suites are not filtered by key type", null, true, null);
        }

        if (tree is null || files is null)
        {
            return new([], "the certificate files were not read, so suites are not filtered by key type", null, true, null);
        }

        var keys = pairs.SelectMany(p => Read(p, tree, files)).ToList();
        if (keys.FirstOrDefault(k => !k.IsKnown) is { } unknown)
        {
            return new(keys, $"`{unknown.File}` (from `{unknown.Setting}`) {unknown.Problem}, so suites are not filtered by key type",
                null, true, null);
        }

        var authentications = keys.Aggregate((Authentication)0, (a, k) => a | AuthenticationOf(k.Key!.Algorithm));
        var signsTls13 = keys.Any(k => k.Key!.Algorithm is KeyAlgorithm.Rsa or KeyAlgorithm.Ec or KeyAlgorithm.Ed25519 or KeyAlgorithm.Ed448);
        return new(keys, null, authentications, signsTls13, null);
    }

    /// <summary>
    /// The key of the certificate OpenSSL sends first: the first certificate of the file, or, in a file with several
    /// keys (Postfix <c>smtpd_tls_chain_files</c>), the first certificate after each key.
    /// </summary>
    private static IEnumerable<ServedKey> Read(CertificateReference pair, ConfigTree tree, TlsFileStore files)
    {
        var path = pair.Certificate.Value.Trim();
        ServedKey Key(PublicKeyFacts? key, string? problem) => new(pair.Kind, path, pair.Certificate.Name, key,
            problem ?? (key is { Algorithm: KeyAlgorithm.Other } ? "holds a certificate whose key type tlslint does not know" : null));

        var file = files.Open(tree, path);
        if (!file.IsRead)
        {
            yield return Key(null, file.Problem ?? "cannot be read");
            yield break;
        }

        var certificates = file.Contents.Certificates;
        if (certificates.Count == 0)
        {
            yield return Key(null, "holds no certificate");
            yield break;
        }

        var privateKeys = file.Contents.PrivateKeys;
        if (privateKeys.Count <= 1)
        {
            yield return Key(certificates[0].PublicKey, null);
            yield break;
        }

        foreach (var privateKey in privateKeys)
        {
            var first = certificates.FirstOrDefault(c => c.Block > privateKey.Block);
            yield return Key(first?.PublicKey ?? privateKey.PublicKey, first is null && privateKey.PublicKey is null ? "holds a key without a certificate after it" : null);
        }
    }

    /// <summary>
    /// ssl_set_masks: an RSA certificate gives aRSA (and kRSA), an EC one aECDSA (EdDSA ones too, in TLS 1.2), a DSA one
    /// aDSS.
    /// </summary>
    private static Authentication AuthenticationOf(KeyAlgorithm algorithm) => algorithm switch
    {
        KeyAlgorithm.Rsa => Authentication.Rsa,
        KeyAlgorithm.Ec or KeyAlgorithm.Ed25519 or KeyAlgorithm.Ed448 => Authentication.Ecdsa,
        KeyAlgorithm.Dsa => Authentication.Dss,
        _ => 0,
    };

    private static string Name(KeyAlgorithm algorithm) => algorithm switch
    {
        KeyAlgorithm.Rsa => "RSA",
        KeyAlgorithm.Ec => "EC",
        KeyAlgorithm.Dsa => "DSA",
        _ => algorithm.ToString(),
    };
}
