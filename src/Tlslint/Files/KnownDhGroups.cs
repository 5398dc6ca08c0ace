using System.Security.Cryptography;

namespace Tlslint.Files;

/// <summary>
/// Published Diffie-Hellman groups, recognised by the SHA-256 of their prime (big-endian, no leading zero). The
/// hashes were taken from OpenSSL 3.0's built-in groups (<c>openssl genpkey -genparam -algorithm DH -pkeyopt group:NAME</c>).
/// </summary>
internal static class KnownDhGroups
{
    private static readonly Dictionary<string, string> ByPrimeHash = new(StringComparer.Ordinal)
    {
        ["9cd3b7f336872f46c09428d1bbc19877a4d440512cda8d1c1cf0cd6e33698966"] = "ffdhe2048",
        ["0eaf67db3a839156d5013494a5318a772b5697d270d721f37f092efc69ea5a17"] = "ffdhe3072",
        ["4648414224ac881b3d0dc59b466f96d06a558278776807797ecf1f66ff397b3e"] = "ffdhe4096",
        ["227ac9066b3ddd9e193670cda2388fa884f65ba0cf98b742d1fe77a6687c79c7"] = "ffdhe6144",
        ["770b14efaf6f049929c523113b3fa99a8d11dab1b18af3609590122075d19833"] = "ffdhe8192",
        ["64fcc83ec403930bf18393dbc883ccaa1fbb08ac876f77f7aa99748ca945019b"] = "modp1536",
        ["d66436f79bbd6b2e38c0ffbd079be904d2641415e2e67140e09448be9a60890e"] = "modp2048",
        ["48cf8b092fbce4359d9871abf74f98e25b6163379eaa15cd9087e800c6d1c55c"] = "modp3072",
        ["4ee95187682bcb230ad26a95205f6920e84708f6251b3894329b09ec23919e33"] = "modp4096",
        ["d1bfe6d0925ce7e4da262b62861514a7755e35831e429f343e7b864848657efd"] = "modp6144",
        ["39ab4feab950a3128fb71accb9fc3965d857012e081998a85996e3ea8b3c3bcf"] = "modp8192",
    };

    public static string? Name(byte[] prime) =>
        ByPrimeHash.GetValueOrDefault(Convert.ToHexStringLower(SHA256.HashData(prime)));
}
