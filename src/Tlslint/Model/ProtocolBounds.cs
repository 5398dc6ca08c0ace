namespace Tlslint.Model;

/// <summary>
/// The protocol bounds a product sets on its TLS contexts itself, after OpenSSL has applied the system
/// <c>openssl.cnf</c>: a bound the product sets replaces the system's <c>MinProtocol</c> or <c>MaxProtocol</c>.
/// </summary>
/// <param name="SetsMinimum">The product calls <c>SSL_CTX_set_min_proto_version</c> (or resets it) on every context.</param>
/// <param name="SetsMaximum">The product calls <c>SSL_CTX_set_max_proto_version</c> (or resets it) on every context.</param>
/// <param name="How">What the product does, as a clause for messages ("nginx resets both bounds and disables versions one by one").</param>
public sealed record ProtocolBounds(bool SetsMinimum, bool SetsMaximum, string How);
