namespace Tlslint.Model;

public static class TlsModeExtensions
{
    public static string Id(this TlsMode mode) => mode switch
    {
        TlsMode.None => "none",
        TlsMode.StartTlsOptional => "starttls-optional",
        TlsMode.StartTlsRequired => "starttls-required",
        TlsMode.Implicit => "implicit",
        _ => throw new ArgumentOutOfRangeException(nameof(mode)),
    };

    public static bool UsesTls(this TlsMode mode) => mode != TlsMode.None;

    public static bool RequiresTls(this TlsMode mode) => mode is TlsMode.StartTlsRequired or TlsMode.Implicit;
}
