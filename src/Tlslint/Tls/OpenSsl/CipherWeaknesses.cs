namespace Tlslint.Tls.OpenSsl;

/// <summary>Classifies suites by attribute (never by name), and names the classes for messages.</summary>
public static class CipherWeaknesses
{
    private const KeyExchange PskFamily = KeyExchange.Psk | KeyExchange.RsaPsk | KeyExchange.EcdhePsk | KeyExchange.DhePsk;
    private const KeyExchange WithoutForwardSecrecy = KeyExchange.Rsa | KeyExchange.Psk | KeyExchange.RsaPsk | KeyExchange.Srp | KeyExchange.Gost | KeyExchange.Gost18;

    public static CipherWeakness Of(CipherSuite s)
    {
        var w = CipherWeakness.None;
        if (s.Encryption.HasFlag(Encryption.Null))
        {
            w |= CipherWeakness.NullEncryption;
        }

        if (s.Authentication.HasFlag(Authentication.Null))
        {
            w |= CipherWeakness.Anonymous;
        }

        if (s.Strength.HasFlag(StrengthFlags.Low) || (s.Encryption & (Encryption.Des | Encryption.Rc2)) != 0)
        {
            w |= CipherWeakness.LowStrength;
        }

        if (s.Mac.HasFlag(MacAlgorithm.Md5))
        {
            w |= CipherWeakness.Md5Mac;
        }

        if (s.Encryption.HasFlag(Encryption.Rc4))
        {
            w |= CipherWeakness.Rc4;
        }

        if ((s.Encryption & Encryption.Block64) != 0)
        {
            w |= CipherWeakness.Block64;
        }

        var forwardSecret = s.IsTls13 || (s.KeyExchange & WithoutForwardSecrecy) == 0;
        if (!forwardSecret)
        {
            w |= CipherWeakness.NoForwardSecrecy;
        }

        if ((s.Encryption & Encryption.Cbc) != 0)
        {
            w |= CipherWeakness.Cbc;
        }

        if (s.Mac.HasFlag(MacAlgorithm.Sha1))
        {
            w |= CipherWeakness.Sha1Mac;
        }

        if ((s.KeyExchange & PskFamily) != 0)
        {
            w |= CipherWeakness.Psk;
        }

        if (s.KeyExchange.HasFlag(KeyExchange.Srp))
        {
            w |= CipherWeakness.Srp;
        }

        if (s.Authentication.HasFlag(Authentication.Dss))
        {
            w |= CipherWeakness.Dss;
        }

        if ((s.Encryption & Encryption.Ccm8) != 0)
        {
            w |= CipherWeakness.Ccm8;
        }

        if (!(forwardSecret && s.Mac == MacAlgorithm.Aead))
        {
            w |= CipherWeakness.NotAeadWithForwardSecrecy;
        }

        return w;
    }

    /// <summary>The class name users know (the OpenSSL alias where there is one).</summary>
    public static string Label(CipherWeakness weakness) => weakness switch
    {
        CipherWeakness.NullEncryption => "eNULL",
        CipherWeakness.Anonymous => "aNULL",
        CipherWeakness.LowStrength => "LOW",
        CipherWeakness.Md5Mac => "MD5",
        CipherWeakness.Rc4 => "RC4",
        CipherWeakness.Block64 => "3DES/IDEA",
        CipherWeakness.NoForwardSecrecy => "no-forward-secrecy",
        CipherWeakness.Cbc => "CBC",
        CipherWeakness.Sha1Mac => "SHA1",
        CipherWeakness.Psk => "PSK",
        CipherWeakness.Srp => "SRP",
        CipherWeakness.Dss => "DSS",
        CipherWeakness.Ccm8 => "AESCCM8",
        CipherWeakness.NotAeadWithForwardSecrecy => "non-AEAD or non-forward-secret",
        _ => weakness.ToString(),
    };

    /// <summary>The single classes set in <paramref name="weaknesses"/>, in declaration order.</summary>
    public static IEnumerable<CipherWeakness> Members(CipherWeakness weaknesses) =>
        Enum.GetValues<CipherWeakness>().Where(w => w != CipherWeakness.None && weaknesses.HasFlag(w));
}
