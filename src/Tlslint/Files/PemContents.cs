namespace Tlslint.Files;

/// <summary>The PEM blocks of a file that matter for TLS, in file order (each knows its block position).</summary>
public sealed record PemContents
{
    public static readonly PemContents Empty = new();

    public IReadOnlyList<CertificateFacts> Certificates { get; init; } = [];

    public IReadOnlyList<PrivateKeyFacts> PrivateKeys { get; init; } = [];

    public IReadOnlyList<DhParameterFacts> DhParameters { get; init; } = [];

    /// <summary>Blocks that could not be understood, as sentence fragments ("the 2nd block, `CERTIFICATE`, is not a valid X.509 certificate").</summary>
    public IReadOnlyList<string> Problems { get; init; } = [];

    /// <summary>True when the file holds at least one private key (readable or encrypted).</summary>
    public bool HasPrivateKey => PrivateKeys.Count > 0;
}
