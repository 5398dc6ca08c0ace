namespace Tlslint.Tls;

/// <summary>An immutable set of protocol versions.</summary>
public readonly record struct TlsVersionSet(int Bits)
{
    public static TlsVersionSet Empty => new(0);

    /// <summary>SSLv3 to TLS 1.3: what "all protocols" means for a library of the OpenSSL 1.1/3.x era.</summary>
    public static TlsVersionSet AllModernLibrary => Range(TlsVersion.SslV3, TlsVersion.TlsV1_3);

    public static TlsVersionSet Of(params TlsVersion[] versions) =>
        versions.Aggregate(Empty, (set, v) => set.With(v));

    public static TlsVersionSet Range(TlsVersion from, TlsVersion to)
    {
        var set = Empty;
        for (var v = from; v <= to; v++)
        {
            set = set.With(v);
        }

        return set;
    }

    public bool IsEmpty => Bits == 0;

    public bool Contains(TlsVersion v) => (Bits & (1 << (int)v)) != 0;

    public TlsVersionSet With(TlsVersion v) => new(Bits | (1 << (int)v));

    public TlsVersionSet Without(TlsVersion v) => new(Bits & ~(1 << (int)v));

    public TlsVersionSet Intersect(TlsVersionSet other) => new(Bits & other.Bits);

    public TlsVersionSet Except(TlsVersionSet other) => new(Bits & ~other.Bits);

    public TlsVersionSet Union(TlsVersionSet other) => new(Bits | other.Bits);

    public IEnumerable<TlsVersion> Versions => Enum.GetValues<TlsVersion>().Where(Contains);

    public override string ToString() => IsEmpty ? "(none)" : string.Join(" ", Versions.Select(v => v.Name()));
}
