using Tlslint.Analysis;

namespace Tlslint.Model.Apache;

/// <summary>
/// What httpd and OpenSSL accept in <c>SSLOpenSSLConfCmd name value</c>. httpd asks OpenSSL whether the name is a
/// command of a server context read from a file (SSL_CONF_cmd_value_type) and stops at once when it is not ("invalid
/// OpenSSL configuration command"); the value is applied when the server starts, and a value OpenSSL refuses stops
/// httpd there (AH02407, then AH02312). The vocabularies below are those of OpenSSL 3.0 as Debian 12 builds it, read
/// from its libssl with the same flags mod_ssl uses (file, server, certificate).
/// </summary>
public static class ApacheConfCommands
{
    private const string Directive = "SSLOpenSSLConfCmd";

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
    private static readonly HashSet<string> ProtocolWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "ALL", "SSLv2", "SSLv3", "TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3", "DTLSv1", "DTLSv1.2",
    };

    /// <summary>Values of <c>MinProtocol</c> and <c>MaxProtocol</c>: matched case-sensitively, so <c>tlsv1.2</c> fails.</summary>
    private static readonly HashSet<string> Bounds = new(StringComparer.Ordinal)
    {
        "None", "SSLv3", "TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3", "DTLSv1", "DTLSv1.2",
    };

    /// <summary>Words of the <c>Options</c> list (case-insensitive, each with an optional <c>+</c> or <c>-</c>).</summary>
    private static readonly HashSet<string> OptionWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "SessionTicket", "EmptyFragments", "Bugs", "Compression", "ServerPreference", "NoResumptionOnRenegotiation",
        "DHSingle", "ECDHSingle", "UnsafeLegacyRenegotiation", "UnsafeLegacyServerConnect", "ClientRenegotiation",
        "EncryptThenMac", "NoRenegotiation", "AllowNoDHEKEX", "PrioritizeChaCha", "MiddleboxCompat", "AntiReplay",
        "ExtendedMasterSecret", "CANames", "KTLS",
    };

    /// <summary>
    /// Reports every <c>SSLOpenSSLConfCmd</c> httpd would stop at: not two arguments (always), and with OpenSSL 3
    /// assumed an unknown command, a <c>Protocol</c> or <c>Options</c> word OpenSSL does not know, or a bound it
    /// does not accept.
    /// </summary>
    public static void Check(IEnumerable<ApacheActiveDirective> directives, ProductVersion openSsl, List<ConfigDiagnostic> diagnostics)
    {
        foreach (var d in directives.Where(d => d.Is(Directive)))
        {
            var problem = Problem(d, openSsl);
            if (problem is not null)
            {
                diagnostics.Add(new ConfigDiagnostic(DiagnosticKind.ParseError, problem, d.Location, Fatal: true));
            }
        }
    }

    private static string? Problem(ApacheActiveDirective d, ProductVersion openSsl)
    {
        if (d.Arguments.Count != 2)
        {
            return $"`{Directive} {d.ArgumentText}` needs a command and one value (quote a value with spaces): httpd refuses to start (\"takes two arguments\")";
        }

        if (openSsl.Major < 3)
        {
            return null;
        }

        var (name, value) = (d.Arguments[0], d.Arguments[1]);
        if (!Names.Contains(name))
        {
            return $"`{name}` is not an OpenSSL configuration command: httpd refuses to start (\"'{name}': invalid OpenSSL configuration command\")";
        }

        if (name.Equals("MinProtocol", StringComparison.OrdinalIgnoreCase) || name.Equals("MaxProtocol", StringComparison.OrdinalIgnoreCase))
        {
            var exact = Bounds.FirstOrDefault(b => b.Equals(value, StringComparison.OrdinalIgnoreCase));
            return Bounds.Contains(value)
                ? null
                : $"`{Directive} {name} {value}`: OpenSSL does not know the version `{value}`{(exact is null ? string.Empty : $" (the names are case-sensitive: `{exact}`)")}, so httpd refuses to start (AH02407)";
        }

        var words = name.Equals("Protocol", StringComparison.OrdinalIgnoreCase) ? ProtocolWords
            : name.Equals("Options", StringComparison.OrdinalIgnoreCase) ? OptionWords
            : null;
        var unknown = words is null
            ? null
            : value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .FirstOrDefault(w => !words.Contains(w.TrimStart('+', '-')));
        return unknown is null
            ? null
            : $"`{Directive} {name} {value}`: OpenSSL 3.0 has no {name.ToLowerInvariant()} `{unknown}`, so httpd refuses to start (AH02407)";
    }
}
