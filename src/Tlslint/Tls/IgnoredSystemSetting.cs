namespace Tlslint.Tls;

/// <summary>A command of the system <c>openssl.cnf</c> that does not reach an endpoint because the product replaces it.</summary>
/// <param name="Command">The command as written (<c>MinProtocol = TLSv1.3</c>).</param>
/// <param name="Location">Where it is written (<c>etc/ssl/openssl.cnf:12</c>).</param>
/// <param name="Reason">What replaces it, as a clause for messages.</param>
public sealed record IgnoredSystemSetting(string Command, string Location, string Reason);
