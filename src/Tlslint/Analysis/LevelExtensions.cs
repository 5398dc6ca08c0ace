namespace Tlslint.Analysis;

public static class LevelExtensions
{
    public static string Id(this Level level) => level switch
    {
        Level.Error => "error",
        Level.Warning => "warning",
        Level.Note => "note",
        _ => throw new ArgumentOutOfRangeException(nameof(level)),
    };

    /// <summary>True when <paramref name="level"/> is as severe as <paramref name="threshold"/> or more.</summary>
    public static bool IsAtLeast(this Level level, Level threshold) => level <= threshold;

    public static bool TryParse(string text, out Level level)
    {
        foreach (var l in Enum.GetValues<Level>())
        {
            if (string.Equals(l.Id(), text, StringComparison.OrdinalIgnoreCase))
            {
                level = l;
                return true;
            }
        }

        level = default;
        return false;
    }
}
