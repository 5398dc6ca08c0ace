using System.Globalization;

namespace Tlslint.Model.Nginx;

/// <summary>One <c>listen</c> directive of a server, as nginx reads its address and parameters.</summary>
/// <param name="Node">The directive.</param>
/// <param name="Address">The address as written (<c>127.0.0.1</c>, <c>[::]</c>, <c>unix:/run/x.sock</c>), or null for all addresses.</param>
/// <param name="Port">The port; null for a unix socket or when the directive names none where nginx requires one.</param>
/// <param name="Ssl">The <c>ssl</c> parameter.</param>
/// <param name="Quic">The <c>quic</c> parameter (HTTP/3 over UDP, always TLS 1.3).</param>
/// <param name="DefaultServer">The <c>default_server</c> (or old <c>default</c>) parameter.</param>
public sealed record NginxListen(NginxNode Node, string? Address, int? Port, bool Ssl, bool Quic, bool DefaultServer)
{
    /// <summary>The socket this listen shares with others: transport, address (all addresses as <c>*</c>) and port.</summary>
    public string SocketKey => $"{(Quic ? "udp" : "tcp")}:{Address ?? "*"}:{Port?.ToString(CultureInfo.InvariantCulture) ?? "-"}";

    /// <summary>
    /// Reads <c>listen address[:port] | port | unix:path [parameters]</c>; <paramref name="defaultPort"/> is used when
    /// only an address is given (80 in http; mail and stream require a port).
    /// </summary>
    public static NginxListen Parse(NginxNode node, int? defaultPort)
    {
        var args = node.Arguments.Select(a => a.Value).ToList();
        string? address = null;
        int? port = null;
        var first = args.Count > 0 ? args[0] : string.Empty;
        if (first.StartsWith("unix:", StringComparison.Ordinal))
        {
            address = first;
        }
        else if (first.StartsWith('['))
        {
            var close = first.IndexOf(']');
            address = close > 0 ? first[..(close + 1)] : first;
            port = close > 0 && close + 1 < first.Length && first[close + 1] == ':' ? Number(first[(close + 2)..]) : defaultPort;
        }
        else if (Number(first) is { } p)
        {
            port = p;
        }
        else
        {
            var colon = first.LastIndexOf(':');
            address = colon >= 0 ? first[..colon] : first;
            port = colon >= 0 ? Number(first[(colon + 1)..]) : defaultPort;
        }

        if (address is "*" or "0.0.0.0")
        {
            address = null;
        }

        var parameters = args.Skip(1).ToList();
        return new NginxListen(node, address, port,
            Ssl: parameters.Contains("ssl"),
            Quic: parameters.Contains("quic"),
            DefaultServer: parameters.Contains("default_server") || parameters.Contains("default"));
    }

    private static int? Number(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is > 0 and < 65536 ? n : null;
}
