namespace Tlslint.Model;

public static class ProfileExtensions
{
    /// <summary>The name used on the command line and in <c>.tlslint.yaml</c>.</summary>
    public static string Id(this Profile profile) => profile switch
    {
        Profile.Intermediate => "intermediate",
        Profile.Modern => "modern",
        Profile.Ncsc2025 => "ncsc-2025",
        _ => throw new ArgumentOutOfRangeException(nameof(profile)),
    };

    public static bool TryParse(string? text, out Profile profile)
    {
        foreach (var p in Enum.GetValues<Profile>())
        {
            if (string.Equals(p.Id(), text?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                profile = p;
                return true;
            }
        }

        profile = default;
        return false;
    }

    public static string Choices => string.Join(", ", Enum.GetValues<Profile>().Select(p => p.Id()));
}
