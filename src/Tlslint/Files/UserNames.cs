namespace Tlslint.Files;

/// <summary>User and group names of this machine by numeric ID, from /etc/passwd and /etc/group (read once, bounded).</summary>
internal static class UserNames
{
    private const int MaxBytes = 4 * 1024 * 1024;

    private static readonly Lazy<Dictionary<uint, string>> Users = new(() => Load("/etc/passwd"));
    private static readonly Lazy<Dictionary<uint, string>> Groups = new(() => Load("/etc/group"));

    public static string? User(uint id) => Users.Value.GetValueOrDefault(id);

    public static string? Group(uint id) => Groups.Value.GetValueOrDefault(id);

    /// <summary>Both files are <c>name:password:id:…</c> lines; the first name for an ID wins, as getpwuid answers.</summary>
    private static Dictionary<uint, string> Load(string path)
    {
        var result = new Dictionary<uint, string>();
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists || info.Length > MaxBytes)
            {
                return result;
            }

            foreach (var line in File.ReadLines(path))
            {
                var fields = line.Split(':');
                if (fields.Length >= 3 && uint.TryParse(fields[2], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id))
                {
                    result.TryAdd(id, fields[0]);
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }

        return result;
    }
}
