using System.Collections.Frozen;
using Tlslint.Analysis;
using Tlslint.Text;

namespace Tlslint.Model.Postfix;

/// <summary>
/// Every main.cf parameter name Postfix 3.0–3.10 knows, with the release that introduced (and removed) it, and the
/// names that are obsolete. Loaded once from an embedded list.
/// </summary>
public static class PostfixVocabulary
{
    private static readonly Lazy<FrozenDictionary<string, (ProductVersion Since, ProductVersion? Until)>> Names = new(Load);

    // Per-service parameters that postconf derives from master.cf service names: <service>_<suffix>.
    private static readonly string[] ServiceSuffixes =
    [
        "_delivery_slot_cost", "_delivery_slot_discount", "_delivery_slot_loan",
        "_destination_concurrency_failed_cohort_limit", "_destination_concurrency_limit",
        "_destination_concurrency_negative_feedback", "_destination_concurrency_positive_feedback",
        "_destination_rate_delay", "_destination_recipient_limit", "_extra_recipient_limit",
        "_initial_destination_concurrency", "_minimum_delivery_slots", "_recipient_limit",
        "_recipient_refill_delay", "_recipient_refill_limit", "_time_limit", "_transport_rate_delay",
    ];

    /// <summary>Obsolete names: from which release on, and what to do instead.</summary>
    private static readonly FrozenDictionary<string, (ProductVersion From, string Advice)> Obsolete =
        new Dictionary<string, (ProductVersion, string)>
        {
            ["smtpd_use_tls"] = (new(2, 3), "use `smtpd_tls_security_level = may`"),
            ["smtpd_enforce_tls"] = (new(2, 3), "use `smtpd_tls_security_level = encrypt`"),
            ["smtp_use_tls"] = (new(2, 3), "use `smtp_tls_security_level = may`"),
            ["smtp_enforce_tls"] = (new(2, 3), "use `smtp_tls_security_level = encrypt`"),
            ["lmtp_use_tls"] = (new(2, 3), "use `lmtp_tls_security_level = may`"),
            ["lmtp_enforce_tls"] = (new(2, 3), "use `lmtp_tls_security_level = encrypt`"),
            ["postscreen_use_tls"] = (new(2, 3), "use `postscreen_tls_security_level = may`"),
            ["postscreen_enforce_tls"] = (new(2, 3), "use `postscreen_tls_security_level = encrypt`"),
            ["smtp_tls_per_site"] = (new(2, 3), "use `smtp_tls_policy_maps`"),
            ["lmtp_tls_per_site"] = (new(2, 3), "use `lmtp_tls_policy_maps`"),
            ["smtpd_tls_eecdh_grade"] = (new(3, 6), "Postfix 3.6 and later ignore it; remove it and leave the curves to `tls_eecdh_auto_curves`"),
            ["smtpd_tls_dh512_param_file"] = (new(3, 6), "Postfix 3.6 and later ignore it (export ciphers are gone); remove it"),
            ["smtpd_tls_dh1024_param_file"] = (new(3, 9), "Postfix 3.9 and later warn that it will be removed; leave it unset so OpenSSL picks RFC 7919 groups"),
            ["tls_low_cipherlist"] = (new(3, 8), "Postfix 3.8 and later ignore it (`low` means `medium`); remove it"),
            ["tls_export_cipherlist"] = (new(3, 8), "Postfix 3.8 and later ignore it (`export` means `medium`); remove it"),
        }.ToFrozenDictionary(StringComparer.Ordinal);

    public static bool IsLoaded => Names.Value.Count > 0;

    /// <summary>True when Postfix <paramref name="version"/> knows <paramref name="name"/> as a parameter.</summary>
    public static bool IsKnown(string name, ProductVersion version) =>
        Names.Value.TryGetValue(name, out var v) ? v.Since <= version && (v.Until is null || version < v.Until)
            : IsServiceDerived(name);

    public static bool IsTlsRelevant(string name) =>
        name.Contains("tls", StringComparison.OrdinalIgnoreCase)
        || name.Contains("ssl", StringComparison.OrdinalIgnoreCase)
        || name.Contains("sasl", StringComparison.OrdinalIgnoreCase)
        || name.Contains("cipher", StringComparison.OrdinalIgnoreCase);

    /// <summary>The verdict on a name as written, given the names the configuration refers to with <c>$name</c>.</summary>
    public static NameInfo Lookup(string name, string value, ProductVersion version, IReadOnlySet<string> referenced)
    {
        var tls = IsTlsRelevant(name);
        if (Obsolete.TryGetValue(name, out var obsolete) && version >= obsolete.From)
        {
            // `smtpd_use_tls = no` asks for nothing the default does not already do: the advice is to drop it.
            var advice = IsLegacyBoolean(name) && value.Trim().Equals("no", StringComparison.OrdinalIgnoreCase)
                ? "`no` is its default, so the line does nothing; remove it and let the security level decide"
                : obsolete.Advice;
            return new NameInfo(NameStatus.Obsolete, tls, Advice: advice);
        }

        if (IsKnown(name, version) || !IsLoaded)
        {
            return NameInfo.Known(tls);
        }

        if (referenced.Contains(name))
        {
            return new NameInfo(NameStatus.UserDefined, tls);
        }

        if (Names.Value.TryGetValue(name, out var known))
        {
            return known.Since > version
                ? new NameInfo(NameStatus.TooNew, tls, Advice: $"it exists only in Postfix {known.Since} and later")
                : new NameInfo(NameStatus.Unknown, tls, Advice: $"Postfix {known.Until} removed it");
        }

        return new NameInfo(NameStatus.Unknown, tls, Suggest(name, version));
    }

    /// <summary>The closest known name (small edit distance), for typos such as <c>smtpd_tls_mandatory_protocol</c>.</summary>
    public static string? Suggest(string name, ProductVersion version) =>
        EditDistance.Nearest(name, Names.Value.Keys.Where(candidate => IsKnown(candidate, version)));

    private static bool IsLegacyBoolean(string name) =>
        name.EndsWith("_use_tls", StringComparison.Ordinal) || name.EndsWith("_enforce_tls", StringComparison.Ordinal);

    private static bool IsServiceDerived(string name)
    {
        foreach (var suffix in ServiceSuffixes)
        {
            if (name.Length > suffix.Length && name.EndsWith(suffix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static FrozenDictionary<string, (ProductVersion, ProductVersion?)> Load()
    {
        var result = new Dictionary<string, (ProductVersion, ProductVersion?)>(StringComparer.Ordinal);
        using var stream = typeof(PostfixVocabulary).Assembly.GetManifestResourceStream("Tlslint.postfix-parameters.txt");
        if (stream is null)
        {
            return result.ToFrozenDictionary(StringComparer.Ordinal);
        }

        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var parts = line.Split('\t');
            var since = ProductVersion.Parse(parts[1]);
            ProductVersion? until = parts.Length > 2 && parts[2] != "-" ? ProductVersion.Parse(parts[2]) : null;
            result[parts[0]] = (since, until);
        }

        return result.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
