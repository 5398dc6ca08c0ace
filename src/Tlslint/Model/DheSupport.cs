namespace Tlslint.Model;

/// <summary>
/// Whether a server can complete a finite-field Diffie-Hellman (DHE) key exchange: OpenSSL offers <c>kDHE</c> suites
/// only on a context that has DH parameters, a DH callback or automatic parameters (<c>ssl_set_masks</c>).
/// </summary>
/// <param name="Available">False when the product gives OpenSSL no DH parameters, so DHE suites cannot be negotiated.</param>
/// <param name="Reason">Where the parameters come from, or why there are none, as a clause for messages.</param>
public sealed record DheSupport(bool Available, string Reason);
