using System.Globalization;

namespace Tlslint.Model;

/// <summary>A dotted product version (3.7, 2.4.17, 1.27.3); components compare numerically.</summary>
public readonly record struct ProductVersion(int Major, int Minor, int Patch = 0) : IComparable<ProductVersion>
{
    public static bool TryParse(string? text, out ProductVersion version)
    {
        version = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var parts = text.Trim().Split('.');
        if (parts.Length is < 1 or > 3)
        {
            return false;
        }

        var numbers = new int[3];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out numbers[i]))
            {
                return false;
            }
        }

        version = new ProductVersion(numbers[0], numbers[1], numbers[2]);
        return true;
    }

    public static ProductVersion Parse(string text) =>
        TryParse(text, out var v) ? v : throw new FormatException($"'{text}' is not a version such as 3.7 or 2.4.17");

    public int CompareTo(ProductVersion other)
    {
        var c = Major.CompareTo(other.Major);
        if (c != 0)
        {
            return c;
        }

        c = Minor.CompareTo(other.Minor);
        return c != 0 ? c : Patch.CompareTo(other.Patch);
    }

    public static bool operator <(ProductVersion a, ProductVersion b) => a.CompareTo(b) < 0;

    public static bool operator >(ProductVersion a, ProductVersion b) => a.CompareTo(b) > 0;

    public static bool operator <=(ProductVersion a, ProductVersion b) => a.CompareTo(b) <= 0;

    public static bool operator >=(ProductVersion a, ProductVersion b) => a.CompareTo(b) >= 0;

    public override string ToString() => Patch == 0 ? $"{Major}.{Minor}" : $"{Major}.{Minor}.{Patch}";
}
