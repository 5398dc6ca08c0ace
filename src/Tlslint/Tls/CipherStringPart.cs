namespace Tlslint.Tls;

/// <summary>
/// Where a stretch of the cipher string handed to OpenSSL was written: Postfix builds it from
/// <c>tls_&lt;grade&gt;_cipherlist</c> and the exclusion lists, so a word found at an offset is edited in that setting.
/// </summary>
/// <param name="Offset">0-based start in <see cref="CipherSelection.CipherString"/>.</param>
/// <param name="Length">Length of the stretch.</param>
/// <param name="Setting">The setting (key of <c>TlsEndpoint.Settings</c>) that holds it.</param>
public sealed record CipherStringPart(int Offset, int Length, string Setting);
