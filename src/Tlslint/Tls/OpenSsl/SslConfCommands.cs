namespace Tlslint.Tls.OpenSsl;

/// <summary>
/// OpenSSL 3.0's configuration commands (<c>SSL_CONF_cmd</c>) as a server reads them from its configuration file:
/// what httpd's <c>SSLOpenSSLConfCmd</c> and nginx's <c>ssl_conf_command</c> hand over. The vocabularies are those of
/// Debian 12's libssl with the flags both servers use (file, server, certificate); a command or value OpenSSL refuses
/// stops either server at start-up.
/// </summary>
public static class SslConfCommands
{
    /// <summary>Command names (compared case-insensitively).</summary>
    private static readonly HashSet<string> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        "SignatureAlgorithms", "ClientSignatureAlgorithms", "Curves", "Groups", "ECDHParameters", "CipherString",
        "Ciphersuites", "Protocol", "MinProtocol", "MaxProtocol", "Options", "VerifyMode", "Certificate", "PrivateKey",
        "ServerInfoFile", "ChainCAPath", "ChainCAFile", "ChainCAStore", "VerifyCAPath", "VerifyCAFile", "VerifyCAStore",
        "RequestCAFile", "RequestCAPath", "RequestCAStore", "ClientCAFile", "ClientCAPath", "ClientCAStore",
        "DHParameters", "RecordPadding", "NumTickets",
    };

    /// <summary>Words of the <c>Protocol</c> list (case-insensitive, each with an optional <c>+</c> or <c>-</c>).</summary>
    private static readonly string[] ProtocolWords = ["ALL", "SSLv2", "SSLv3", "TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3", "DTLSv1", "DTLSv1.2"];

    /// <summary>Values of <c>MinProtocol</c> and <c>MaxProtocol</c>: matched case-sensitively, so <c>tlsv1.2</c> fails.</summary>
    private static readonly string[] Bounds = ["None", "SSLv3", "TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3", "DTLSv1", "DTLSv1.2"];

    /// <summary>Words of the <c>Options</c> list (case-insensitive, each with an optional <c>+</c> or <c>-</c>).</summary>
    private static readonly string[] OptionWords =
    [
        "SessionTicket", "EmptyFragments", "Bugs", "Compression", "ServerPreference", "NoResumptionOnRenegotiation",
        "DHSingle", "ECDHSingle", "UnsafeLegacyRenegotiation", "UnsafeLegacyServerConnect", "ClientRenegotiation",
        "EncryptThenMac", "NoRenegotiation", "AllowNoDHEKEX", "PrioritizeChaCha", "MiddleboxCompat", "AntiReplay",
        "ExtendedMasterSecret", "CANames", "KTLS",
    ];

    /// <summary>True when OpenSSL knows the command name.</summary>
    public static bool IsCommand(string name) => Names.Contains(name);

    /// <summary>True for the three commands that move the protocol versions.</summary>
    public static bool IsProtocolCommand(string name) =>
        name.Equals("Protocol", StringComparison.OrdinalIgnoreCase)
        || name.Equals("MinProtocol", StringComparison.OrdinalIgnoreCase)
        || name.Equals("MaxProtocol", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Why OpenSSL refuses <c>name value</c>, as a phrase for a message, or null when it takes the command: an unknown
    /// command; a <c>Protocol</c> or <c>Options</c> list (comma-separated, blanks around items allowed, none inside,
    /// no empty item) with a word it does not know; a <c>MinProtocol</c>/<c>MaxProtocol</c> value not spelt exactly.
    /// Values of the other commands are checked when the context is built, which this does not model.
    /// </summary>
    public static string? Problem(string name, string value)
    {
        if (!Names.Contains(name))
        {
            return $"`{name}` is not an OpenSSL configuration command";
        }

        if (name.Equals("MinProtocol", StringComparison.OrdinalIgnoreCase) || name.Equals("MaxProtocol", StringComparison.OrdinalIgnoreCase))
        {
            if (Bounds.Contains(value, StringComparer.Ordinal))
            {
                return null;
            }

            var spelt = Bounds.FirstOrDefault(n => n.Equals(value.Trim(), StringComparison.OrdinalIgnoreCase));
            return spelt is null
                ? $"OpenSSL's `{name}` knows no version `{value}`"
                : $"OpenSSL's `{name}` compares versions case-sensitively and knows `{spelt}`, not `{value}`";
        }

        var words = name.Equals("Protocol", StringComparison.OrdinalIgnoreCase) ? ProtocolWords
            : name.Equals("Options", StringComparison.OrdinalIgnoreCase) ? OptionWords
            : null;
        if (words is null)
        {
            return null;
        }

        foreach (var item in value.Split(',').Select(i => i.Trim(' ', '\t')))
        {
            var text = item.StartsWith('+') || item.StartsWith('-') ? item[1..] : item;
            if (!words.Contains(text, StringComparer.OrdinalIgnoreCase))
            {
                var hint = item.Length == 0 ? "an empty item"
                    : item.Contains(' ', StringComparison.Ordinal) ? $"`{item}` (items are separated by commas)"
                    : $"`{item}`";
                return $"OpenSSL's `{name}` list has {hint}, which it does not know";
            }
        }

        return null;
    }
}
