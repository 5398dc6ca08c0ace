namespace Tlslint.Model.Dovecot;

/// <summary>
/// Where a Dovecot setting applies: globally, or inside connection filters (<c>protocol</c>, <c>local</c>,
/// <c>local_name</c>, <c>remote</c>), possibly nested. Two blocks with the same filter are one scope: Dovecot merges them.
/// </summary>
/// <param name="Protocol">The <c>protocol</c> filter (<c>imap</c>, or <c>!imap</c> for every other one), or null.</param>
/// <param name="Local">The <c>local</c> address or network, or null.</param>
/// <param name="LocalName">The <c>local_name</c> (TLS SNI name), or null.</param>
/// <param name="Remote">The <c>remote</c> address or network, or null.</param>
public sealed record DovecotFilter(string? Protocol, string? Local, string? LocalName, string? Remote)
{
    public static DovecotFilter Global { get; } = new(null, null, null, null);

    public bool IsGlobal => Protocol is null && Local is null && LocalName is null && Remote is null;

    /// <summary>The connection part (everything but the protocol): what tells variants of one listener apart.</summary>
    public DovecotFilter Connection => this with { Protocol = null };

    /// <summary>
    /// How specific the filter is: <c>local</c>/<c>remote</c> beat <c>local_name</c>, which beats <c>protocol</c>, and a
    /// nested filter beats each of its parts (Dovecot picks the most specific match, whatever the file order).
    /// </summary>
    public int Specificity => (Local is null ? 0 : 8) + (Remote is null ? 0 : 4) + (LocalName is null ? 0 : 2) + (Protocol is null ? 0 : 1);

    /// <summary>True when the filter applies to connections of <paramref name="protocol"/>.</summary>
    public bool MatchesProtocol(string protocol)
    {
        if (Protocol is null)
        {
            return true;
        }

        if (Protocol.StartsWith('!'))
        {
            return Protocol[1..] != protocol;
        }

        return Protocol.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(protocol, StringComparer.Ordinal);
    }

    /// <summary>True when every connection part of this filter is absent or equal to that of <paramref name="connection"/>.</summary>
    public bool FitsConnection(DovecotFilter connection) =>
        (Local is null || Local == connection.Local)
        && (Remote is null || Remote == connection.Remote)
        && (LocalName is null || LocalName == connection.LocalName);

    /// <summary>As written in a configuration, outermost first: <c>local 10.0.0.1 / protocol imap</c>.</summary>
    public override string ToString()
    {
        var parts = new List<string>();
        if (Local is not null)
        {
            parts.Add($"local {Local}");
        }

        if (LocalName is not null)
        {
            parts.Add($"local_name {LocalName}");
        }

        if (Remote is not null)
        {
            parts.Add($"remote {Remote}");
        }

        if (Protocol is not null)
        {
            parts.Add($"protocol {Protocol}");
        }

        return parts.Count == 0 ? "global" : string.Join(" / ", parts);
    }
}
