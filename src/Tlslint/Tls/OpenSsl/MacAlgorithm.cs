namespace Tlslint.Tls.OpenSsl;

/// <summary>Record-MAC bits of OpenSSL 3.0's cipher table (<c>algorithm_mac</c>); AEAD suites have <see cref="Aead"/>.</summary>
[Flags]
public enum MacAlgorithm : uint
{
    None = 0,
    Md5 = 0x1,
    Sha1 = 0x2,
    Gost94 = 0x4,
    Gost89Mac = 0x8,
    Sha256 = 0x10,
    Sha384 = 0x20,
    Aead = 0x40,
    Gost12_256 = 0x80,
    Gost89Mac12 = 0x100,
    Gost12_512 = 0x200,
    MagmaOmac = 0x400,
    KuznyechikOmac = 0x800,
}
