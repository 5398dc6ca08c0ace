using Tlslint.Tls.OpenSsl;

namespace Tlslint.Tls;

/// <summary>Suites the security level allows but the endpoint cannot negotiate, and why (one clause, for messages).</summary>
/// <param name="Reason">Why, e.g. "they need an ECDSA certificate and the endpoint serves RSA only".</param>
/// <param name="Removed">The suites dropped, in preference order.</param>
public sealed record SuiteFilter(string Reason, IReadOnlyList<CipherSuite> Removed);
