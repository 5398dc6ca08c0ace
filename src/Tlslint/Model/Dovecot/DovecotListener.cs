using Tlslint.Text;

namespace Tlslint.Model.Dovecot;

/// <summary>An <c>inet_listener</c> of a service as configured (blocks with the same name merged).</summary>
/// <param name="Name">The listener name (<c>imaps</c>), or null for an unnamed one.</param>
/// <param name="Location">Its first header line.</param>
public sealed record DovecotListener(string? Name, SourceLocation Location)
{
    public Dictionary<string, DovecotValue> Settings { get; } = new(StringComparer.Ordinal);
}
