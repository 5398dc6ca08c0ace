using System.Net;
using System.Net.Sockets;
using Tlslint.Analysis;
using Tlslint.Model;

namespace Tlslint.Rules.Policy;

public sealed class TrustedNetworksBypassTls : EndpointRule
{
    private static readonly IPNetwork[] PrivateRanges =
    [
        IPNetwork.Parse("10.0.0.0/8"), IPNetwork.Parse("172.16.0.0/12"), IPNetwork.Parse("192.168.0.0/16"),
        IPNetwork.Parse("127.0.0.0/8"), IPNetwork.Parse("169.254.0.0/16"), IPNetwork.Parse("100.64.0.0/10"),
        IPNetwork.Parse("::1/128"), IPNetwork.Parse("fc00::/7"), IPNetwork.Parse("fe80::/10"),
    ];

    public override RuleDescriptor Descriptor { get; } = new(
        Id: "TLS412",
        Name: "trusted-networks-bypass-tls",
        Title: "Trusted networks that reach past the TLS requirement are public or very broad",
        DefaultLevel: Level.Warning,
        AppliesTo: Products.Dovecot,
        SecuritySeverity: 5.0);

    public override void Check(TlsEndpoint endpoint, RuleContext context)
    {
        if (endpoint.Mode.Value != TlsMode.StartTlsRequired || endpoint.TlsExemptNetworks is not { } networks)
        {
            return;
        }

        var exposed = networks.Value.Split([' ', '\t', ','], StringSplitOptions.RemoveEmptyEntries).Where(IsPublic).ToList();
        if (exposed.Count == 0)
        {
            return;
        }

        context.Report(endpoint, networks,
            $"`{string.Join(" ", exposed)}` in {context.Describe(networks)} counts as secured, so clients there log in without TLS although TLS is required, and their passwords cross public networks in cleartext; list only the private addresses of your proxies");
    }

    /// <summary>An entry that is, or reaches into, address space outside the private, loopback and link-local ranges.</summary>
    private static bool IsPublic(string entry)
    {
        IPNetwork network;
        if (IPNetwork.TryParse(entry, out var parsed))
        {
            network = parsed;
        }
        else if (IPAddress.TryParse(entry, out var address))
        {
            network = new IPNetwork(address, address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128);
        }
        else
        {
            return false; // a host name: only name resolution could tell
        }

        return !PrivateRanges.Any(r => r.BaseAddress.AddressFamily == network.BaseAddress.AddressFamily
            && network.PrefixLength >= r.PrefixLength && r.Contains(network.BaseAddress));
    }
}
