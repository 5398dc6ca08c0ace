namespace Tlslint.Analysis;

/// <summary>The product's verdict on a setting name under the assumed version.</summary>
/// <param name="Status">Known, unknown, obsolete …</param>
/// <param name="IsTlsRelevant">Whether the name belongs to the product's TLS, SASL or cipher settings.</param>
/// <param name="Suggestion">For unknown names: the nearest known name, if one is close.</param>
/// <param name="Advice">For obsolete names: what to write instead (one phrase).</param>
public sealed record NameInfo(NameStatus Status, bool IsTlsRelevant, string? Suggestion = null, string? Advice = null)
{
    public static NameInfo Known(bool tls) => new(NameStatus.Known, tls);

    /// <summary>What writing the setting twice in one scope does.</summary>
    public Repetition Repetition { get; init; } = Repetition.LastWins;
}
