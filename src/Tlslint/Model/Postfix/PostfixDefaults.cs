namespace Tlslint.Model.Postfix;

/// <summary>
/// Built-in defaults of the TLS-relevant Postfix parameters by release, from mail_params.h at each tag (2.11–3.11),
/// as tabulated in postconf(5) and checked against <c>postconf -d</c> of 3.7.11 and 3.10.13. Parameters not listed
/// here default to the empty string, which is what their expansion needs to know.
/// </summary>
public static class PostfixDefaults
{
    private static readonly ProductVersion V3_0_2 = new(3, 0, 2);
    private static readonly ProductVersion V2_11_6 = new(2, 11, 6);

    /// <summary>The built-in default of <paramref name="name"/> in Postfix <paramref name="version"/>.</summary>
    public static string For(string name, ProductVersion version)
    {
        // lmtp_* client parameters mirror smtp_* ones with their own defaults (lmtp_tls_key_file = $lmtp_tls_cert_file).
        if (name.StartsWith("lmtp_", StringComparison.Ordinal))
        {
            return For("smtp_" + name["lmtp_".Length..], version).Replace("$smtp_", "$lmtp_", StringComparison.Ordinal);
        }

        return name switch
        {
            "smtpd_tls_protocols" => SmtpdOpportunisticProtocols(version),
            "smtpd_tls_mandatory_protocols" or "smtp_tls_protocols" or "smtp_tls_mandatory_protocols" => MandatoryProtocols(version),
            "smtpd_tls_ciphers" or "smtp_tls_ciphers" => BeforeMid2015Fixes(version) ? "export" : "medium",
            "smtpd_tls_mandatory_ciphers" or "smtp_tls_mandatory_ciphers" => "medium",
            "tls_high_cipherlist" => CipherList(version, "HIGH", "ALL:!EXPORT:!LOW:!MEDIUM:+RC4", plusRc4: false),
            "tls_medium_cipherlist" => CipherList(version, "HIGH:MEDIUM", "ALL:!EXPORT:!LOW:+RC4", plusRc4: true),
            "tls_low_cipherlist" => version >= new ProductVersion(3, 8)
                ? string.Empty
                : Legacy(version, "ALL:!EXPORT:+RC4", "HIGH:MEDIUM:LOW:+RC4"),
            "tls_export_cipherlist" => version >= new ProductVersion(3, 8)
                ? string.Empty
                : Legacy(version, "ALL:+RC4", "HIGH:MEDIUM:LOW:EXPORT:+RC4"),
            "tls_null_cipherlist" => version >= new ProductVersion(3, 8) ? "eNULL:!kDH:!kECDH:!aDSS:!MD5:!aNULL" : "eNULL:!aNULL",
            "tls_preempt_cipherlist" => "no",
            "smtpd_use_tls" or "smtpd_enforce_tls" or "smtpd_tls_auth_only" or "smtpd_tls_wrappermode"
                or "smtpd_sasl_auth_enable" or "smtp_use_tls" or "smtp_enforce_tls" or "smtp_sasl_auth_enable"
                or "smtp_tls_wrappermode" or "smtpd_tls_req_ccert" or "smtpd_tls_ask_ccert" => "no",
            "smtpd_tls_key_file" => "$smtpd_tls_cert_file",
            "smtpd_tls_dkey_file" => "$smtpd_tls_dcert_file",
            "smtpd_tls_eckey_file" => "$smtpd_tls_eccert_file",
            "smtp_tls_key_file" => "$smtp_tls_cert_file",
            "smtp_tls_dkey_file" => "$smtp_tls_dcert_file",
            "smtp_tls_eckey_file" => "$smtp_tls_eccert_file",
            "smtp_tls_security_level" => version >= new ProductVersion(3, 11) ? "${{$compatibility_level} <level {3.11} ? {} : {may}}" : string.Empty,
            "smtpd_tls_eecdh_grade" => EecdhGrade(version),
            "smtpd_tls_loglevel" or "smtp_tls_loglevel" => "0",
            "smtp_tls_enforce_peername" => "yes",
            "smtpd_tls_fingerprint_digest" or "smtp_tls_fingerprint_digest" => version >= new ProductVersion(3, 6)
                ? "${{$compatibility_level} <level {3.6} ? {md5} : {sha256}}"
                : "md5",
            "tls_eecdh_auto_curves" => version >= new ProductVersion(3, 10)
                ? "X25519 X448 prime256v1 secp384r1 secp521r1"
                : version >= new ProductVersion(3, 2) ? "X25519 X448 prime256v1 secp521r1 secp384r1" : string.Empty,
            "tls_ffdhe_auto_groups" => version >= new ProductVersion(3, 8) ? "ffdhe2048 ffdhe3072" : string.Empty,
            "tls_eecdh_strong_curve" => "prime256v1",
            "tls_eecdh_ultra_curve" => "secp384r1",
            "postscreen_tls_security_level" => "$smtpd_tls_security_level",
            "compatibility_level" => "0",
            "data_directory" => "/var/lib/postfix",
            "config_directory" => "/etc/postfix",
            "queue_directory" => "/var/spool/postfix",
            "daemon_directory" => "/usr/lib/postfix/sbin",
            "mail_name" => "Postfix",
            "smtpd_tls_session_cache_timeout" or "smtp_tls_session_cache_timeout" => "3600s",
            _ when name.StartsWith("tlsproxy_tls_", StringComparison.Ordinal) => "$smtpd_tls_" + name["tlsproxy_tls_".Length..],
            _ => string.Empty,
        };
    }

    private static bool BeforeMid2015Fixes(ProductVersion v) =>
        v < V2_11_6 || (v.Major == 3 && v < V3_0_2);

    private static string SmtpdOpportunisticProtocols(ProductVersion v) =>
        v >= new ProductVersion(3, 6) ? ">=TLSv1" : BeforeMid2015Fixes(v) ? string.Empty : "!SSLv2, !SSLv3";

    private static string MandatoryProtocols(ProductVersion v) =>
        v >= new ProductVersion(3, 6) ? ">=TLSv1" : BeforeMid2015Fixes(v) ? "!SSLv2" : "!SSLv2, !SSLv3";

    /// <summary>3.2 and 3.3 chose <c>auto</c> only with OpenSSL 1.0.2 or later; tlslint assumes such a build.</summary>
    private static string EecdhGrade(ProductVersion v) => v >= new ProductVersion(3, 2) ? "auto" : "strong";

    private static string Legacy(ProductVersion v, string upTo30, string from31) =>
        "aNULL:-aNULL:" + (v < new ProductVersion(3, 1) ? upTo30 : from31) + ":@STRENGTH";

    private const string Post38Exclusions = "!SEED:!IDEA:!3DES:!RC2:!RC4:!RC5:!kDH:!kECDH:!aDSS:!MD5";

    private static string CipherList(ProductVersion v, string modern, string upTo30, bool plusRc4)
    {
        if (v < new ProductVersion(3, 1))
        {
            return $"aNULL:-aNULL:{upTo30}:@STRENGTH";
        }

        if (v < new ProductVersion(3, 8))
        {
            return $"aNULL:-aNULL:{modern}{(plusRc4 ? ":+RC4" : string.Empty)}:@STRENGTH";
        }

        return $"aNULL:-aNULL:{modern}:{Post38Exclusions}{(plusRc4 ? ":+RC4" : string.Empty)}:@STRENGTH";
    }
}
