using Tlslint.Text;

namespace Tlslint.Model;

/// <summary>An effective value and where it came from.</summary>
/// <param name="Value">The value as the product would use it.</param>
/// <param name="Origin">Explicit, inherited or the version default.</param>
/// <param name="Location">The directive that set it, or for a default the scope that lacks it.</param>
/// <param name="Name">The directive or parameter name (e.g. <c>smtpd_tls_protocols</c>).</param>
/// <param name="RawText">The text as written (or the built-in default text), before interpretation.</param>
/// <param name="DefaultFor">For defaults: the product version whose default this is.</param>
public sealed record Setting<T>(
    T Value,
    SettingOrigin Origin,
    SourceLocation Location,
    string Name,
    string RawText,
    ProductVersion? DefaultFor = null)
{
    public bool IsDefault => Origin == SettingOrigin.Default;

    public Setting<TOut> Map<TOut>(Func<T, TOut> map) =>
        new(map(Value), Origin, Location, Name, RawText, DefaultFor);
}
