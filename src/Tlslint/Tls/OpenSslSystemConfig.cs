using Tlslint.Model;
using Tlslint.Text;

namespace Tlslint.Tls;

/// <summary>
/// The <c>system_default</c> section of an <c>openssl.cnf</c> (reached through <c>openssl_conf</c> → <c>ssl_conf</c> →
/// <c>system_default</c>): what OpenSSL applies to every new context before the server configures it.
/// </summary>
/// <param name="File">The configuration file.</param>
/// <param name="Section">The <c>[section]</c> header of the system_default section.</param>
public sealed record OpenSslSystemConfig(SourceFile File, SourceLocation Section)
{
    /// <summary><c>CipherString</c>: replaced by the server's own list, but an <c>@SECLEVEL=n</c> in it survives.</summary>
    public Setting<string>? CipherString { get; init; }

    /// <summary><c>Ciphersuites</c>: the TLS 1.3 list, unless the server sets its own.</summary>
    public Setting<string>? Ciphersuites { get; init; }

    /// <summary><c>MinProtocol</c> (<c>TLSv1.2</c> …).</summary>
    public Setting<string>? MinProtocol { get; init; }

    /// <summary><c>MaxProtocol</c>.</summary>
    public Setting<string>? MaxProtocol { get; init; }
}
