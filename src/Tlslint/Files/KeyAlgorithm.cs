namespace Tlslint.Files;

/// <summary>The public-key algorithm of a certificate or private key.</summary>
public enum KeyAlgorithm
{
    Other,
    Rsa,
    Ec,
    Dsa,
    Ed25519,
    Ed448,
}
