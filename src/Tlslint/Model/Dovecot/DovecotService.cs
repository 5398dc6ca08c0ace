using Tlslint.Text;

namespace Tlslint.Model.Dovecot;

/// <summary>A <c>service NAME { … }</c> as configured (blocks with the same name merged).</summary>
/// <param name="Name">The service name (<c>imap-login</c>).</param>
/// <param name="Location">Its first header line.</param>
public sealed record DovecotService(string Name, SourceLocation Location)
{
    public Dictionary<string, DovecotValue> Settings { get; } = new(StringComparer.Ordinal);

    /// <summary>Its <c>inet_listener</c> blocks in order of first appearance.</summary>
    public List<DovecotListener> InetListeners { get; } = [];
}
