namespace Tlslint.Model;

/// <summary>What a product does when OpenSSL refuses its certificate key or its DH parameters as too small for the level.</summary>
/// <param name="Certificate">For a certificate whose key is below the level.</param>
/// <param name="DhParameters">For a DH parameter file whose group is below the level.</param>
public sealed record KeyRefusalHandling(KeyRefusal Certificate, KeyRefusal DhParameters);
