namespace Tlslint.Files;

/// <summary>The public half of a key: what it is, how large, and a fingerprint to match a key with its certificate.</summary>
/// <param name="Algorithm">RSA, EC, DSA …</param>
/// <param name="Bits">Modulus or prime size for RSA and DSA, field size for EC; null when unknown.</param>
/// <param name="Curve">The named curve of an EC key (<c>P-256</c>, <c>secp224r1</c>, or its OID), otherwise null.</param>
/// <param name="Fingerprint">SHA-256 of the SubjectPublicKeyInfo as .NET exports it (hex); null when .NET cannot load the key.</param>
public sealed record PublicKeyFacts(KeyAlgorithm Algorithm, int? Bits, string? Curve, string? Fingerprint)
{
    /// <summary>True when both are known to be the same public key.</summary>
    public bool SameKeyAs(PublicKeyFacts other) => Fingerprint is not null && Fingerprint == other.Fingerprint;

    /// <summary>For messages: <c>RSA 1024-bit</c>, <c>EC secp224r1</c>, <c>DSA 2048-bit</c>.</summary>
    public string Describe() => Algorithm switch
    {
        KeyAlgorithm.Ec => $"EC {Curve ?? "(unknown curve)"}",
        KeyAlgorithm.Rsa or KeyAlgorithm.Dsa => $"{Algorithm.ToString().ToUpperInvariant()} {Bits?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"}-bit",
        _ => Algorithm.ToString(),
    };
}
