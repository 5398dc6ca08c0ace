using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Tlslint.Files;

/// <summary>
/// Reads the PEM blocks of a file with .NET's own PEM, X.509, key and ASN.1 readers. Private keys are imported only
/// to learn their public half; the decoded key bytes are wiped as soon as that is done.
/// </summary>
internal static class PemReader
{
    private const string Begin = "-----BEGIN ";
    private const string End = "-----END ";

    public static PemContents Parse(ReadOnlySpan<char> text)
    {
        var certificates = new List<CertificateFacts>();
        var keys = new List<PrivateKeyFacts>();
        var dh = new List<DhParameterFacts>();
        var problems = new List<string>();
        var block = 0;
        var position = 0;
        while (position < text.Length)
        {
            var begin = text[position..].IndexOf(Begin, StringComparison.Ordinal);
            if (begin < 0)
            {
                break;
            }

            begin += position;
            var rest = text[begin..];
            if (PemEncoding.TryFind(rest, out var fields) && fields.Location.Start.Value == 0)
            {
                var label = rest[fields.Label].ToString();
                Read(label, rest[fields.Base64Data], fields.DecodedDataLength, block, certificates, keys, dh, problems);
                position = begin + fields.Location.End.Value;
            }
            else
            {
                // Not RFC 7468 PEM: most often a traditional OpenSSL key encrypted with Proc-Type/DEK-Info headers.
                var label = LabelOf(rest);
                var end = rest.IndexOf(End, StringComparison.Ordinal);
                var body = end < 0 ? rest : rest[..end];
                if (label.EndsWith("PRIVATE KEY", StringComparison.Ordinal) && body.Contains("Proc-Type: 4,ENCRYPTED", StringComparison.Ordinal))
                {
                    keys.Add(new PrivateKeyFacts(block, label, Encrypted: true, PublicKey: null));
                }
                else
                {
                    problems.Add($"PEM block {block + 1} (`{label}`) is not valid PEM");
                }

                position = begin + (end < 0 ? rest.Length : end + End.Length);
            }

            block++;
        }

        return new PemContents { Certificates = certificates, PrivateKeys = keys, DhParameters = dh, Problems = problems };
    }

    private static string LabelOf(ReadOnlySpan<char> rest)
    {
        var line = rest[Begin.Length..];
        var stop = line.IndexOfAny('-', '\n');
        return (stop < 0 ? line : line[..stop]).ToString().Trim();
    }

    private static void Read(string label, ReadOnlySpan<char> base64, int length, int block, List<CertificateFacts> certificates,
        List<PrivateKeyFacts> keys, List<DhParameterFacts> dh, List<string> problems)
    {
        var data = new byte[length];
        try
        {
            if (!Convert.TryFromBase64Chars(base64, data, out var written) || written != length)
            {
                problems.Add($"PEM block {block + 1} (`{label}`) is not valid base64");
                return;
            }

            switch (label)
            {
                case "CERTIFICATE" or "X509 CERTIFICATE" or "TRUSTED CERTIFICATE":
                    certificates.Add(Certificate(data, block));
                    break;
                case "PRIVATE KEY" or "RSA PRIVATE KEY" or "EC PRIVATE KEY" or "DSA PRIVATE KEY":
                    keys.Add(new PrivateKeyFacts(block, label, Encrypted: false, PrivateKey(label, data)));
                    break;
                case "ENCRYPTED PRIVATE KEY":
                    keys.Add(new PrivateKeyFacts(block, label, Encrypted: true, PublicKey: null));
                    break;
                case "DH PARAMETERS" or "X9.42 DH PARAMETERS":
                    dh.Add(DhParameters(data, block));
                    break;
            }
        }
        catch (Exception e) when (e is CryptographicException or AsnContentException or ArgumentException or PlatformNotSupportedException)
        {
            problems.Add($"PEM block {block + 1} (`{label}`) could not be read ({Kind(label)})");
        }
        finally
        {
            CryptographicOperations.ZeroMemory(data);
        }
    }

    private static string Kind(string label) => label.Contains("PRIVATE KEY", StringComparison.Ordinal)
        ? "not a key .NET can load"
        : label.Contains("DH", StringComparison.Ordinal) ? "not DH parameters" : "not an X.509 certificate";

    private static CertificateFacts Certificate(byte[] data, int block)
    {
        // An OpenSSL TRUSTED CERTIFICATE is the certificate followed by trust settings: take the certificate.
        var der = new AsnReader(data, AsnEncodingRules.BER).ReadEncodedValue().ToArray();
        using var cert = X509CertificateLoader.LoadCertificate(der);
        var ski = cert.Extensions.OfType<X509SubjectKeyIdentifierExtension>().FirstOrDefault()?.SubjectKeyIdentifier;
        var aki = cert.Extensions.OfType<X509AuthorityKeyIdentifierExtension>().FirstOrDefault()?.KeyIdentifier;
        var basic = cert.Extensions.OfType<X509BasicConstraintsExtension>().FirstOrDefault();
        return new CertificateFacts
        {
            Block = block,
            Subject = cert.SubjectName.Name,
            Issuer = cert.IssuerName.Name,
            NotBefore = new DateTimeOffset(cert.NotBefore.ToUniversalTime(), TimeSpan.Zero),
            NotAfter = new DateTimeOffset(cert.NotAfter.ToUniversalTime(), TimeSpan.Zero),
            Signature = Signature(der, cert.SignatureAlgorithm),
            PublicKey = PublicKey(cert),
            IsCertificateAuthority = basic?.CertificateAuthority ?? false,
            IsSelfIssued = cert.SubjectName.RawData.AsSpan().SequenceEqual(cert.IssuerName.RawData),
            SubjectId = Convert.ToHexString(cert.SubjectName.RawData),
            IssuerId = Convert.ToHexString(cert.IssuerName.RawData),
            SubjectKeyId = ski?.ToUpperInvariant(),
            AuthorityKeyId = aki is { } id ? Convert.ToHexString(id.Span) : null,
        };
    }

    private static SignatureFacts Signature(byte[] der, Oid algorithm)
    {
        var oid = algorithm.Value ?? string.Empty;
        var name = algorithm.FriendlyName is { Length: > 0 } friendly ? friendly : oid;
        var hash = oid switch
        {
            "1.2.840.113549.1.1.2" => "MD2",
            "1.2.840.113549.1.1.3" => "MD4",
            "1.2.840.113549.1.1.4" => "MD5",
            "1.2.840.113549.1.1.5" or "1.3.14.3.2.29" or "1.2.840.10045.4.1" or "1.2.840.10040.4.3" => "SHA-1",
            "1.2.840.113549.1.1.14" or "1.2.840.10045.4.3.1" or "2.16.840.1.101.3.4.3.1" => "SHA-224",
            "1.2.840.113549.1.1.11" or "1.2.840.10045.4.3.2" or "2.16.840.1.101.3.4.3.2" => "SHA-256",
            "1.2.840.113549.1.1.12" or "1.2.840.10045.4.3.3" => "SHA-384",
            "1.2.840.113549.1.1.13" or "1.2.840.10045.4.3.4" => "SHA-512",
            "1.2.840.113549.1.1.10" => PssHash(der),
            _ => null,
        };
        return new SignatureFacts(name, hash);
    }

    /// <summary>RSASSA-PSS names its hash in the algorithm parameters (RFC 4055); absent means SHA-1.</summary>
    private static string? PssHash(byte[] der)
    {
        var certificate = new AsnReader(der, AsnEncodingRules.DER).ReadSequence();
        certificate.ReadEncodedValue(); // tbsCertificate
        var algorithm = certificate.ReadSequence();
        algorithm.ReadObjectIdentifier();
        if (!algorithm.HasData)
        {
            return "SHA-1";
        }

        var parameters = algorithm.ReadSequence();
        var explicitHash = new Asn1Tag(TagClass.ContextSpecific, 0, isConstructed: true);
        if (!parameters.HasData || parameters.PeekTag() != explicitHash)
        {
            return "SHA-1";
        }

        var hash = parameters.ReadSequence(explicitHash).ReadSequence().ReadObjectIdentifier();
        return hash switch
        {
            "1.3.14.3.2.26" => "SHA-1",
            "1.2.840.113549.2.5" => "MD5",
            "2.16.840.1.101.3.4.2.4" => "SHA-224",
            "2.16.840.1.101.3.4.2.1" => "SHA-256",
            "2.16.840.1.101.3.4.2.2" => "SHA-384",
            "2.16.840.1.101.3.4.2.3" => "SHA-512",
            _ => null,
        };
    }

    private static PublicKeyFacts PublicKey(X509Certificate2 cert)
    {
        switch (cert.PublicKey.Oid.Value)
        {
            case "1.2.840.113549.1.1.1":
                using (var rsa = cert.GetRSAPublicKey()!)
                {
                    return new PublicKeyFacts(KeyAlgorithm.Rsa, rsa.KeySize, null, Fingerprint(rsa.ExportSubjectPublicKeyInfo()));
                }

            case "1.2.840.10045.2.1":
                var curve = CurveOid(cert.PublicKey.ExportSubjectPublicKeyInfo());
                try
                {
                    using var ec = cert.GetECDsaPublicKey()!;
                    return Ec(ec.ExportSubjectPublicKeyInfo());
                }
                catch (CryptographicException)
                {
                    return new PublicKeyFacts(KeyAlgorithm.Ec, CurveBits(curve), CurveName(curve), null);
                }

            case "1.2.840.10040.4.1":
                using (var dsa = cert.GetDSAPublicKey()!)
                {
                    return new PublicKeyFacts(KeyAlgorithm.Dsa, dsa.KeySize, null, Fingerprint(dsa.ExportSubjectPublicKeyInfo()));
                }

            case "1.3.101.112":
                return new PublicKeyFacts(KeyAlgorithm.Ed25519, 256, null, null);
            case "1.3.101.113":
                return new PublicKeyFacts(KeyAlgorithm.Ed448, 456, null, null);
            default:
                return new PublicKeyFacts(KeyAlgorithm.Other, null, null, null);
        }
    }

    private static PublicKeyFacts? PrivateKey(string label, byte[] der)
    {
        var algorithm = label switch
        {
            "RSA PRIVATE KEY" => "1.2.840.113549.1.1.1",
            "EC PRIVATE KEY" => "1.2.840.10045.2.1",
            "DSA PRIVATE KEY" => "1.2.840.10040.4.1",
            _ => Pkcs8Algorithm(der),
        };
        var pkcs8 = label == "PRIVATE KEY";
        switch (algorithm)
        {
            case "1.2.840.113549.1.1.1":
                using (var rsa = RSA.Create())
                {
                    if (pkcs8)
                    {
                        rsa.ImportPkcs8PrivateKey(der, out _);
                    }
                    else
                    {
                        rsa.ImportRSAPrivateKey(der, out _);
                    }

                    return new PublicKeyFacts(KeyAlgorithm.Rsa, rsa.KeySize, null, Fingerprint(rsa.ExportSubjectPublicKeyInfo()));
                }

            case "1.2.840.10045.2.1":
                using (var ec = ECDsa.Create())
                {
                    if (pkcs8)
                    {
                        ec.ImportPkcs8PrivateKey(der, out _);
                    }
                    else
                    {
                        ec.ImportECPrivateKey(der, out _);
                    }

                    return Ec(ec.ExportSubjectPublicKeyInfo());
                }

            case "1.2.840.10040.4.1":
                using (var dsa = pkcs8 ? DsaFromPkcs8(der) : DsaFromTraditional(der))
                {
                    return new PublicKeyFacts(KeyAlgorithm.Dsa, dsa.KeySize, null, Fingerprint(dsa.ExportSubjectPublicKeyInfo()));
                }

            case "1.3.101.112":
                return new PublicKeyFacts(KeyAlgorithm.Ed25519, 256, null, null);
            case "1.3.101.113":
                return new PublicKeyFacts(KeyAlgorithm.Ed448, 456, null, null);
            default:
                return null;
        }
    }

    private static DSA DsaFromPkcs8(byte[] der)
    {
        var dsa = DSA.Create();
        dsa.ImportPkcs8PrivateKey(der, out _);
        return dsa;
    }

    /// <summary>
    /// OpenSSL's traditional DSA key is SEQUENCE { version, p, q, g, y, x }; .NET has no importer for it, so only the
    /// public values p, q, g, y are read and loaded as a public key (x is never touched).
    /// </summary>
    private static DSA DsaFromTraditional(byte[] der)
    {
        var sequence = new AsnReader(der, AsnEncodingRules.BER).ReadSequence();
        sequence.ReadInteger();
        var p = Unsigned(sequence.ReadIntegerBytes().Span);
        var q = Unsigned(sequence.ReadIntegerBytes().Span);
        var g = Unsigned(sequence.ReadIntegerBytes().Span);
        var y = Unsigned(sequence.ReadIntegerBytes().Span);
        var dsa = DSA.Create();
        dsa.ImportParameters(new DSAParameters { P = p, Q = q, G = Pad(g, p.Length), Y = Pad(y, p.Length) });
        return dsa;
    }

    private static string? Pkcs8Algorithm(byte[] der)
    {
        var info = new AsnReader(der, AsnEncodingRules.BER).ReadSequence();
        info.ReadInteger();
        return info.ReadSequence().ReadObjectIdentifier();
    }

    private static PublicKeyFacts Ec(byte[] spki)
    {
        var curve = CurveOid(spki);
        return new PublicKeyFacts(KeyAlgorithm.Ec, CurveBits(curve), CurveName(curve), Fingerprint(spki));
    }

    /// <summary>The named curve in an EC SubjectPublicKeyInfo: SEQUENCE { SEQUENCE { id-ecPublicKey, curve OID }, BIT STRING }.</summary>
    private static string? CurveOid(byte[] spki)
    {
        var algorithm = new AsnReader(spki, AsnEncodingRules.DER).ReadSequence().ReadSequence();
        algorithm.ReadObjectIdentifier();
        return algorithm.HasData && algorithm.PeekTag() == Asn1Tag.ObjectIdentifier ? algorithm.ReadObjectIdentifier() : null;
    }

    private static string? CurveName(string? oid) => oid switch
    {
        null => null,
        "1.2.840.10045.3.1.7" => "P-256",
        "1.3.132.0.34" => "P-384",
        "1.3.132.0.35" => "P-521",
        "1.2.840.10045.3.1.1" => "P-192",
        "1.3.132.0.33" => "P-224",
        "1.3.132.0.10" => "secp256k1",
        "1.3.36.3.3.2.8.1.1.7" => "brainpoolP256r1",
        "1.3.36.3.3.2.8.1.1.11" => "brainpoolP384r1",
        "1.3.36.3.3.2.8.1.1.13" => "brainpoolP512r1",
        _ => oid,
    };

    private static int? CurveBits(string? oid) => oid switch
    {
        "1.2.840.10045.3.1.7" or "1.3.132.0.10" or "1.3.36.3.3.2.8.1.1.7" => 256,
        "1.3.132.0.34" or "1.3.36.3.3.2.8.1.1.11" => 384,
        "1.3.132.0.35" => 521,
        "1.2.840.10045.3.1.1" => 192,
        "1.3.132.0.33" => 224,
        "1.3.36.3.3.2.8.1.1.13" => 512,
        _ => null,
    };

    /// <summary>PKCS#3 DHParameter and X9.42 DomainParameters both start with the prime p.</summary>
    private static DhParameterFacts DhParameters(byte[] der, int block)
    {
        var prime = Unsigned(new AsnReader(der, AsnEncodingRules.BER).ReadSequence().ReadIntegerBytes().Span);
        var bits = prime.Length == 0 ? 0 : ((prime.Length - 1) * 8) + 32 - System.Numerics.BitOperations.LeadingZeroCount(prime[0]);
        return new DhParameterFacts(block, bits, KnownDhGroups.Name(prime));
    }

    private static byte[] Unsigned(ReadOnlySpan<byte> integer)
    {
        var start = 0;
        while (start < integer.Length - 1 && integer[start] == 0)
        {
            start++;
        }

        return integer[start..].ToArray();
    }

    private static byte[] Pad(byte[] value, int length)
    {
        if (value.Length >= length)
        {
            return value;
        }

        var padded = new byte[length];
        value.CopyTo(padded, length - value.Length);
        return padded;
    }

    private static string Fingerprint(byte[] spki) => Convert.ToHexStringLower(SHA256.HashData(spki));
}
