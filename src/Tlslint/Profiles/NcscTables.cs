using Tlslint.Tls;
using Tlslint.Tls.OpenSsl;

namespace Tlslint.Profiles;

/// <summary>
/// The classification tables of the NCSC-NL "ICT-beveiligingsrichtlijnen voor Transport Layer Security" of 2025-05
/// (versions, cipher suites of appendix B, key-exchange groups, finite-field groups), judged from a suite's attributes
/// as the Internet.nl 1.11 test applies them: whatever the tables do not list is insufficient.
/// </summary>
public static class NcscTables
{
    private const Encryption SufficientAead =
        Encryption.Aes128Gcm | Encryption.Aes256Gcm | Encryption.Aes128Ccm | Encryption.Aes256Ccm | Encryption.ChaCha20Poly1305;

    private const Encryption Sha2Cbc = Encryption.Aes128 | Encryption.Aes256 | Encryption.Camellia128 | Encryption.Camellia256;

    private static readonly HashSet<string> GoodGroups = new(StringComparer.OrdinalIgnoreCase)
    {
        "X25519", "X448", "prime256v1", "secp256r1", "P-256", "secp384r1", "P-384", "secp521r1", "P-521",
        "brainpoolP256r1", "brainpoolP384r1", "brainpoolP512r1", "brainpoolP256r1tls13", "brainpoolP384r1tls13", "brainpoolP512r1tls13",
    };

    private static readonly HashSet<string> PhaseOutGroups = new(StringComparer.OrdinalIgnoreCase)
    {
        "secp224r1", "P-224", "ffdhe3072", "ffdhe4096", "ffdhe6144", "ffdhe8192",
    };

    /// <summary>
    /// Groups the 2025 tables do not name and tlslint does not hold against an endpoint: OpenSSL's own default list
    /// (<c>auto</c>) and the ML-KEM groups of OpenSSL 3.5, whose hybrids contain X25519, P-256 or P-384.
    /// </summary>
    private static readonly HashSet<string> Unjudged = new(StringComparer.OrdinalIgnoreCase)
    {
        "auto", "X25519MLKEM768", "SecP256r1MLKEM768", "SecP384r1MLKEM1024", "MLKEM512", "MLKEM768", "MLKEM1024",
    };

    /// <summary>TLS 1.3 good, TLS 1.2 sufficient; TLS 1.1 and older are insufficient (none is left to phase out).</summary>
    public static NcscLevel Protocol(TlsVersion version) => version switch
    {
        TlsVersion.TlsV1_3 => NcscLevel.Good,
        TlsVersion.TlsV1_2 => NcscLevel.Sufficient,
        _ => NcscLevel.Insufficient,
    };

    /// <summary>
    /// Appendix B. TLS 1.3: AES-256-GCM and ChaCha20-Poly1305 good, AES-128-GCM and AES-128-CCM sufficient.
    /// TLS 1.2: ECDHE (ECDSA or RSA certificate) with AES-GCM, AES-CCM or ChaCha20-Poly1305 sufficient; ECDHE with
    /// other AEAD ciphers (ARIA-GCM) or with SHA-2 CBC suites, and DHE-RSA with AEAD or SHA-2 CBC suites, to be phased
    /// out; static RSA, DSS, anything with an HMAC-SHA1 or MD5 MAC, 3DES, RC4, CCM_8 and the rest insufficient.
    /// </summary>
    public static NcscLevel Suite(CipherSuite suite)
    {
        if (suite.IsTls13)
        {
            return suite.Encryption switch
            {
                Encryption.Aes256Gcm or Encryption.ChaCha20Poly1305 => NcscLevel.Good,
                Encryption.Aes128Gcm or Encryption.Aes128Ccm => NcscLevel.Sufficient,
                _ => NcscLevel.Insufficient,
            };
        }

        var ecdhe = suite.KeyExchange == KeyExchange.Ecdhe && suite.Authentication is Authentication.Ecdsa or Authentication.Rsa;
        var dheRsa = suite.KeyExchange == KeyExchange.Dhe && suite.Authentication == Authentication.Rsa;
        if (!ecdhe && !dheRsa)
        {
            return NcscLevel.Insufficient;
        }

        var aead = suite.Mac == MacAlgorithm.Aead && (suite.Encryption & Encryption.Ccm8) == 0;
        if (ecdhe && aead && (suite.Encryption & SufficientAead) != 0)
        {
            return NcscLevel.Sufficient;
        }

        var cbcWithSha2 = suite.Mac is MacAlgorithm.Sha256 or MacAlgorithm.Sha384 && (suite.Encryption & Sha2Cbc) != 0;
        return aead || cbcWithSha2 ? NcscLevel.PhaseOut : NcscLevel.Insufficient;
    }

    /// <summary>
    /// Key-exchange groups by their OpenSSL names: the NIST P curves from P-256 up, the Brainpool curves, X25519 and
    /// X448 good; P-224 and the RFC 7919 groups from ffdhe3072 up to be phased out; every other name insufficient.
    /// Null for names the tables do not judge (<c>auto</c>, ML-KEM groups).
    /// </summary>
    public static NcscLevel? Group(string name) =>
        Unjudged.Contains(name) ? null
        : GoodGroups.Contains(name) ? NcscLevel.Good
        : PhaseOutGroups.Contains(name) ? NcscLevel.PhaseOut
        : NcscLevel.Insufficient;

    /// <summary>
    /// Finite-field DH parameters: only the RFC 7919 groups ffdhe3072, ffdhe4096, ffdhe6144 and ffdhe8192 (to be phased
    /// out); ffdhe2048, the RFC 3526 groups and generated groups of any size are insufficient.
    /// </summary>
    public static NcscLevel DhGroup(string? knownGroup) =>
        knownGroup is not null && PhaseOutGroups.Contains(knownGroup) && knownGroup.StartsWith("ffdhe", StringComparison.OrdinalIgnoreCase)
            ? NcscLevel.PhaseOut
            : NcscLevel.Insufficient;

    /// <summary>"insufficient", "to be phased out" … as messages say it.</summary>
    public static string Describe(NcscLevel level) => level switch
    {
        NcscLevel.Insufficient => "insufficient",
        NcscLevel.PhaseOut => "to be phased out",
        NcscLevel.Sufficient => "sufficient",
        _ => "good",
    };
}
