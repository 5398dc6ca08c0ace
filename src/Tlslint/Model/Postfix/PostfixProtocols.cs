using System.Globalization;
using Tlslint.Tls;

namespace Tlslint.Model.Postfix;

/// <summary>
/// Interprets a Postfix protocol list (<c>smtpd_tls_protocols</c> and friends) exactly as tls_proto_mask_lims() does:
/// tokens separated by whitespace, commas or colons; <c>!name</c> excludes; any plain name turns the list into an
/// allow-list; <c>&gt;=</c>/<c>&lt;=</c> bounds (3.6+); one unknown token invalidates the whole list.
/// </summary>
public static class PostfixProtocols
{
    private static readonly char[] Separators = [' ', '\t', '\n', '\r', ',', ':', '\v', '\f'];
    private static readonly TlsVersionSet Known = TlsVersionSet.Range(TlsVersion.SslV2, TlsVersion.TlsV1_3);

    /// <summary>"TLS 1.2 and later" as Postfix <paramref name="version"/> can say it (ranges need 3.6).</summary>
    public static string Recommended(ProductVersion version) =>
        version >= new ProductVersion(3, 6) ? ">=TLSv1.2" : "!SSLv2, !SSLv3, !TLSv1, !TLSv1.1";

    public static ProtocolSelection Parse(string value, ProductVersion version)
    {
        var recommended = Recommended(version);
        var include = TlsVersionSet.Empty;
        var exclude = TlsVersionSet.Empty;
        TlsVersion? floor = null;
        TlsVersion? ceiling = null;
        var bounds = false;
        foreach (var token in value.Split(Separators, StringSplitOptions.RemoveEmptyEntries))
        {
            if (token.StartsWith(">=", StringComparison.Ordinal) || token.StartsWith("<=", StringComparison.Ordinal))
            {
                if (version < new ProductVersion(3, 6))
                {
                    return ProtocolSelection.Invalid($"`{token}`: protocol ranges need Postfix 3.6 or later", recommended);
                }

                var bound = token[2..];
                if (string.Equals(bound, "None", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                if (!TryParseBound(bound, version, out var v))
                {
                    return ProtocolSelection.Invalid($"`{token}` is not a protocol bound", recommended);
                }

                bounds = true;
                if (token[0] == '>')
                {
                    floor = v;
                }
                else
                {
                    ceiling = v;
                }

                continue;
            }

            var negated = token.StartsWith('!');
            var name = negated ? token[1..] : token;
            if (!TryParseName(name, version, out var p))
            {
                return ProtocolSelection.Invalid($"`{token}` is not a protocol name Postfix {version} knows", recommended);
            }

            if (negated)
            {
                exclude = exclude.With(p);
            }
            else
            {
                include = include.With(p);
            }
        }

        var mask = include.IsEmpty ? exclude : new TlsVersionSet(exclude.Bits | Known.Except(include).Bits);
        var enabled = TlsVersionSet.AllModernLibrary.Except(mask);
        if (floor is { } f)
        {
            enabled = enabled.Intersect(TlsVersionSet.Range(f, TlsVersion.TlsV1_3));
        }

        if (ceiling is { } c)
        {
            enabled = enabled.Intersect(TlsVersionSet.Range(TlsVersion.SslV2, c));
        }

        return ProtocolSelection.Valid(enabled, recommended, Contradictions(include, exclude, bounds, enabled));
    }

    private static List<string> Contradictions(TlsVersionSet include, TlsVersionSet exclude, bool bounds, TlsVersionSet enabled)
    {
        var found = new List<string>();
        if (!include.IsEmpty && !exclude.IsEmpty)
        {
            found.Add("the list mixes plain protocol names with `!` exclusions: once any name is listed, every protocol not listed is excluded, so the `!` items do nothing");
        }
        else if (!include.IsEmpty && include.Contains(TlsVersion.TlsV1_2) && !include.Contains(TlsVersion.TlsV1_3))
        {
            found.Add("a plain protocol name makes the list an allow-list: `TLSv1.3` is not listed, so it is disabled too");
        }

        if (bounds && !(include.IsEmpty && exclude.IsEmpty))
        {
            found.Add("the list combines a `>=`/`<=` range with protocol names or `!` exclusions; use the range alone");
        }

        if (HasHole(enabled))
        {
            found.Add($"the enabled protocols `{enabled}` leave a gap: TLS libraries and the Postfix client may disable every version above the first excluded one");
        }

        return found;
    }

    private static bool HasHole(TlsVersionSet set)
    {
        var seenEnabled = false;
        var seenGapAfterEnabled = false;
        foreach (var v in Enum.GetValues<TlsVersion>())
        {
            if (set.Contains(v))
            {
                if (seenGapAfterEnabled)
                {
                    return true;
                }

                seenEnabled = true;
            }
            else if (seenEnabled)
            {
                seenGapAfterEnabled = true;
            }
        }

        return false;
    }

    private static bool TryParseName(string name, ProductVersion version, out TlsVersion protocol)
    {
        if (!TlsVersionExtensions.TryParseName(name, out protocol) || string.Equals(name, "TLSv1.0", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return protocol != TlsVersion.TlsV1_3 || KnowsTls13(version);
    }

    /// <summary>TLSv1.3 became a known name in 3.4 and in the patch releases 3.0.14, 3.1.10, 3.2.7 and 3.3.2.</summary>
    private static bool KnowsTls13(ProductVersion v) =>
        v >= new ProductVersion(3, 4)
        || (v.Major == 3 && v.Minor == 0 && v.Patch >= 14)
        || (v.Major == 3 && v.Minor == 1 && v.Patch >= 10)
        || (v.Major == 3 && v.Minor == 2 && v.Patch >= 7)
        || (v.Major == 3 && v.Minor == 3 && v.Patch >= 2);

    private static bool TryParseBound(string text, ProductVersion version, out TlsVersion protocol)
    {
        if (TryParseName(text, version, out protocol))
        {
            return true;
        }

        var hex = text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? text[2..] : text;
        if (int.TryParse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var number))
        {
            switch (number)
            {
                case 0x0300: protocol = TlsVersion.SslV3; return true;
                case 0x0301: protocol = TlsVersion.TlsV1_0; return true;
                case 0x0302: protocol = TlsVersion.TlsV1_1; return true;
                case 0x0303: protocol = TlsVersion.TlsV1_2; return true;
                case 0x0304: protocol = TlsVersion.TlsV1_3; return true;
            }
        }

        return false;
    }
}
