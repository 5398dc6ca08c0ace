using Tlslint.Analysis;
using Tlslint.Tls.OpenSsl;

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
        return SslConfCommands.Problem(name, value) is { } problem
            ? $"`{Directive} {name} {value}`: {problem}, so httpd refuses to start ({(SslConfCommands.IsCommand(name) ? "AH02407" : $"\"'{name}': invalid OpenSSL configuration command\"")})"
            : null;
    }
}
