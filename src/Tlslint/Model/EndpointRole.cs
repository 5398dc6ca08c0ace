namespace Tlslint.Model;

/// <summary>Whether the product accepts TLS connections at this endpoint or makes them.</summary>
public enum EndpointRole
{
    Server,
    Client,
}
