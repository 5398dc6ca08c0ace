namespace Tlslint.Loading;

/// <summary>What stat(2) says about a file: its type and permission bits, owner and group.</summary>
/// <param name="Mode">st_mode: file type bits and the permission bits (0o7777).</param>
/// <param name="OwnerId">Numeric user ID of the owner.</param>
/// <param name="GroupId">Numeric group ID.</param>
public readonly record struct FileStat(int Mode, uint OwnerId, uint GroupId)
{
    /// <summary>The permission bits only (e.g. 0o640).</summary>
    public int Permissions => Mode & 0xFFF;
}
