namespace Tlslint.Files;

/// <summary>Who may read a file and its directory (POSIX), with names from this machine's user and group lists.</summary>
/// <param name="Mode">Permission bits of the file (0o7777).</param>
/// <param name="OwnerId">Numeric owner.</param>
/// <param name="GroupId">Numeric group.</param>
/// <param name="OwnerName">The owner's user name, when this machine knows the ID.</param>
/// <param name="GroupName">The group's name, when this machine knows the ID.</param>
/// <param name="Directory">The directory the file really lives in (after symbolic links).</param>
/// <param name="DirectoryMode">Permission bits of that directory, or null when it cannot be examined.</param>
public sealed record FilePermissions(int Mode, uint OwnerId, uint GroupId, string? OwnerName, string? GroupName,
    string Directory, int? DirectoryMode)
{
    /// <summary>The mode as <c>chmod</c> writes it: <c>0640</c>.</summary>
    public string ModeText => Octal(Mode);

    public static string Octal(int mode) => "0" + Convert.ToString(mode & 0xFFF, 8).PadLeft(3, '0');

    public string Owner => OwnerName ?? OwnerId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public string Group => GroupName ?? GroupId.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
