namespace Tlslint.Model.Dovecot;

/// <summary>Dovecot releases whose defaults or syntax differ, as far as TLS is concerned.</summary>
public static class DovecotVersions
{
    public static readonly ProductVersion V2_0 = new(2, 0);
    public static readonly ProductVersion V2_2_7 = new(2, 2, 7);
    public static readonly ProductVersion V2_2_14 = new(2, 2, 14);
    public static readonly ProductVersion V2_2_27 = new(2, 2, 27);
    public static readonly ProductVersion V2_3 = new(2, 3);
    public static readonly ProductVersion V2_3_15 = new(2, 3, 15);
    public static readonly ProductVersion V2_4 = new(2, 4);

    /// <summary>2.4 rewrote the setting names and stopped converting old ones.</summary>
    public static bool Is24(ProductVersion v) => v >= V2_4;

    /// <summary>2.3 replaced <c>ssl_protocols</c> with <c>ssl_min_protocol</c>.</summary>
    public static bool HasMinProtocol(ProductVersion v) => v >= V2_3;
}
