namespace Tlslint.Files;

/// <summary>
/// What tlslint learned from a private key block: only its kind and its public half. The private material itself is
/// never kept, printed or written anywhere.
/// </summary>
/// <param name="Block">Position among all PEM blocks of the file, from 0.</param>
/// <param name="Label">The PEM label, e.g. <c>PRIVATE KEY</c> or <c>RSA PRIVATE KEY</c>.</param>
/// <param name="Encrypted">True for a passphrase-protected key, whose contents cannot be checked.</param>
/// <param name="PublicKey">The matching public key, or null when encrypted or not loadable by .NET.</param>
public sealed record PrivateKeyFacts(int Block, string Label, bool Encrypted, PublicKeyFacts? PublicKey);
