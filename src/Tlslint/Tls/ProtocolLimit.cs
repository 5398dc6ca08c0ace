namespace Tlslint.Tls;

/// <summary>A configured protocol version that cannot be negotiated, and why (one clause, for messages).</summary>
public sealed record ProtocolLimit(TlsVersion Version, string Reason);
