namespace Tlslint.Files;

/// <summary>What tlslint learned from one certificate in a PEM file (all of it public information).</summary>
public sealed record CertificateFacts
{
    /// <summary>Position among all PEM blocks of the file, from 0.</summary>
    public required int Block { get; init; }

    /// <summary>Subject distinguished name as text, e.g. <c>CN=mail.example.org</c>.</summary>
    public required string Subject { get; init; }

    public required string Issuer { get; init; }

    public required DateTimeOffset NotBefore { get; init; }

    public required DateTimeOffset NotAfter { get; init; }

    public required SignatureFacts Signature { get; init; }

    public required PublicKeyFacts PublicKey { get; init; }

    /// <summary>basicConstraints says CA:TRUE.</summary>
    public required bool IsCertificateAuthority { get; init; }

    /// <summary>Subject and issuer names are the same encoded name.</summary>
    public required bool IsSelfIssued { get; init; }

    /// <summary>Hex of the encoded subject name, to compare names exactly.</summary>
    public required string SubjectId { get; init; }

    /// <summary>Hex of the encoded issuer name.</summary>
    public required string IssuerId { get; init; }

    /// <summary>Subject key identifier (hex), when the certificate carries one.</summary>
    public string? SubjectKeyId { get; init; }

    /// <summary>Authority key identifier (hex), when the certificate carries one.</summary>
    public string? AuthorityKeyId { get; init; }

    /// <summary>Self-issued, and not naming a different key as its issuer: a root or a self-signed leaf.</summary>
    public bool IsSelfSigned => IsSelfIssued && (AuthorityKeyId is null || SubjectKeyId is null || AuthorityKeyId == SubjectKeyId);

    /// <summary>True when this certificate's subject and key are what <paramref name="child"/> names as its issuer.</summary>
    public bool Issued(CertificateFacts child) =>
        child.IssuerId == SubjectId
        && (child.AuthorityKeyId is null || SubjectKeyId is null || child.AuthorityKeyId == SubjectKeyId);

    /// <summary>For messages: the subject, or the serial-less placeholder when it is empty.</summary>
    public string Name => Subject.Length > 0 ? Subject : "(empty subject)";
}
