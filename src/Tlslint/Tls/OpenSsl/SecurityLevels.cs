namespace Tlslint.Tls.OpenSsl;

/// <summary>
/// OpenSSL 3.0's default security callback (<c>ssl_security_default_callback</c>) for suites and protocol versions,
/// and the filter <c>openssl ciphers -s</c> applies (<c>SSL_get1_supported_ciphers</c>).
/// </summary>
public static class SecurityLevels
{
    private static readonly int[] MinimumBits = [0, 80, 112, 128, 192, 256];

    private const KeyExchange PskFamily = KeyExchange.Psk | KeyExchange.RsaPsk | KeyExchange.EcdhePsk | KeyExchange.DhePsk;
    private const KeyExchange ForwardSecret = KeyExchange.Dhe | KeyExchange.Ecdhe | KeyExchange.DhePsk | KeyExchange.EcdhePsk;

    /// <summary>Symmetric strength a suite needs at a level (0, 80, 112, 128, 192, 256 bits).</summary>
    public static int MinimumStrength(int level) => MinimumBits[Math.Clamp(level, 0, 5)];

    /// <summary>Whether the security callback lets a suite be offered or chosen at this level.</summary>
    public static bool AllowsSuite(CipherSuite c, int level)
    {
        if (level <= 0)
        {
            return true;
        }

        var minimum = MinimumStrength(level);
        return c.StrengthBits >= minimum
            && (c.Authentication & Authentication.Null) == 0
            && (c.Mac & MacAlgorithm.Md5) == 0
            && !(minimum > 160 && (c.Mac & MacAlgorithm.Sha1) != 0)
            && !(level >= 2 && c.Encryption == Encryption.Rc4)
            && !(level >= 3 && !c.IsTls13 && (c.KeyExchange & ForwardSecret) == 0);
    }

    /// <summary>
    /// Whether a handshake at this protocol version can succeed at this level. The callback itself refuses SSLv3 from
    /// level 2, TLS 1.0 from 3 and TLS 1.1 from 4; below that, TLS 1.0 and 1.1 still fail from level 1 because their
    /// MD5+SHA1 or SHA-1 handshake signatures count as fewer than 80 bits ("no suitable signature algorithm").
    /// </summary>
    public static bool AllowsVersion(TlsVersion version, int level) => version switch
    {
        TlsVersion.SslV2 => false,
        TlsVersion.SslV3 or TlsVersion.TlsV1_0 or TlsVersion.TlsV1_1 => level <= 0,
        _ => true,
    };

    /// <summary>
    /// <c>openssl ciphers -s</c>: the suites a server would really consider at this level, with the version range the
    /// level leaves (SSLv3 is compiled out), and without PSK and SRP suites, which need callbacks servers do not set.
    /// </summary>
    public static List<CipherSuite> Supported(IEnumerable<CipherSuite> suites, int level, bool allowPsk = false, bool allowSrp = false)
    {
        var minVersion = level >= 4 ? ProtocolNumbers.Tls12 : level >= 3 ? ProtocolNumbers.Tls11 : ProtocolNumbers.Tls1;
        var result = new List<CipherSuite>();
        foreach (var c in suites)
        {
            if (!allowPsk && ((c.KeyExchange & PskFamily) != 0 || (c.Authentication & Authentication.Psk) != 0))
            {
                continue;
            }

            if (!allowSrp && ((c.KeyExchange & KeyExchange.Srp) != 0 || (c.Authentication & Authentication.Srp) != 0))
            {
                continue;
            }

            if (c.MinTls > ProtocolNumbers.Tls13 || c.MaxTls < minVersion || !AllowsSuite(c, level))
            {
                continue;
            }

            result.Add(c);
        }

        return result;
    }
}
