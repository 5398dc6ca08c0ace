namespace Tlslint.Model.Postfix;

/// <summary>Reads a master.cf inet service name: <c>port</c>, <c>name</c>, <c>host:port</c> or <c>[v6]:port</c>.</summary>
public static class PostfixServiceAddress
{
    // /etc/services on Debian 12 for the names mail services use.
    private static readonly Dictionary<string, int> WellKnownPorts = new(StringComparer.Ordinal)
    {
        ["smtp"] = 25,
        ["submission"] = 587,
        ["submissions"] = 465,
        ["smtps"] = 465,
        ["urd"] = 465,
        ["lmtp"] = 24,
        ["imap"] = 143,
        ["imaps"] = 993,
        ["pop3"] = 110,
        ["pop3s"] = 995,
    };

    public static (string? Host, int? Port) Parse(string serviceName)
    {
        string? host = null;
        var port = serviceName;
        if (serviceName.StartsWith('['))
        {
            var close = serviceName.IndexOf(']');
            if (close > 0 && close + 1 < serviceName.Length && serviceName[close + 1] == ':')
            {
                host = serviceName[..(close + 1)];
                port = serviceName[(close + 2)..];
            }
        }
        else
        {
            var colon = serviceName.LastIndexOf(':');
            if (colon >= 0)
            {
                host = serviceName[..colon];
                port = serviceName[(colon + 1)..];
            }
        }

        if (int.TryParse(port, out var number) && number is > 0 and < 65536)
        {
            return (host, number);
        }

        return (host, WellKnownPorts.TryGetValue(port, out var known) ? known : null);
    }
}
