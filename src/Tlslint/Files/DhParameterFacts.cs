namespace Tlslint.Files;

/// <summary>A Diffie-Hellman group read from a <c>DH PARAMETERS</c> block.</summary>
/// <param name="Block">Position among all PEM blocks of the file, from 0.</param>
/// <param name="PrimeBits">Size of the prime p in bits.</param>
/// <param name="KnownGroup">The name of a published group with this prime (<c>ffdhe2048</c> from RFC 7919, <c>modp2048</c> from RFC 3526), or null.</param>
public sealed record DhParameterFacts(int Block, int PrimeBits, string? KnownGroup);
