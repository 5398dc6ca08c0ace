namespace Tlslint.Files;

/// <summary>How a certificate is signed.</summary>
/// <param name="Algorithm">The signature algorithm's name (<c>sha256WithRSAEncryption</c>) or OID.</param>
/// <param name="Hash">The hash inside it (<c>MD5</c>, <c>SHA-1</c>, <c>SHA-256</c> …), null when not known or not separable (Ed25519).</param>
public sealed record SignatureFacts(string Algorithm, string? Hash);
