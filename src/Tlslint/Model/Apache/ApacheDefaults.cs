namespace Tlslint.Model.Apache;

/// <summary>What mod_ssl does when a directive is absent, by httpd 2.4 release (formats.md §4.5–§4.7).</summary>
public static class ApacheDefaults
{
    private static readonly ProductVersion NoSslV3ByDefault = new(2, 4, 17);
    private static readonly ProductVersion HasTls13 = new(2, 4, 36);
    private static readonly ProductVersion AppendsExclusions = new(2, 4, 7);
    private static readonly ProductVersion CompressionOff = new(2, 4, 4);
    private static readonly ProductVersion ExcludesFromConfCmd = new(2, 4, 17);

    /// <summary><c>SSLProtocol</c> when unset: <c>all -SSLv3</c> since 2.4.17, <c>all</c> before.</summary>
    public static string Protocol(ProductVersion version) => version >= NoSslV3ByDefault ? "all -SSLv3" : "all";

    /// <summary>Whether <c>all</c> and the default include TLS 1.3 (httpd 2.4.36 with OpenSSL 1.1.1).</summary>
    public static bool KnowsTls13(ProductVersion version, ProductVersion openSsl) =>
        version >= HasTls13 && openSsl >= new ProductVersion(1, 1, 1);

    /// <summary>What httpd appends to every <c>SSLCipherSuite</c> (and to the default) since 2.4.7.</summary>
    public static string CipherSuffix(ProductVersion version) => version >= AppendsExclusions ? ":!aNULL:!eNULL:!EXP" : string.Empty;

    /// <summary>
    /// What httpd appends to the value of <c>SSLOpenSSLConfCmd CipherString</c> (the name compared case-insensitively)
    /// since 2.4.17, so that OpenSSL never receives a string that enables NULL or anonymous suites; earlier releases
    /// handed the value on unchanged. Debian's 2.4.71 logs the appended string (AH02556) and refuses to start when
    /// nothing is left ("SSLOpenSSLConfCmd CipherString aNULL").
    /// </summary>
    public static string ConfCmdCipherSuffix(ProductVersion version) => version >= ExcludesFromConfCmd ? ":!aNULL:!eNULL:!EXP" : string.Empty;

    /// <summary>The cipher string when <c>SSLCipherSuite</c> is unset: OpenSSL's default list plus httpd's exclusions.</summary>
    public static string CipherSuite(ProductVersion version) => "DEFAULT" + CipherSuffix(version);

    /// <summary>TLS compression: on in 2.4.3 (the release that added <c>SSLCompression</c>) and before it, off since 2.4.4.</summary>
    public static bool Compression(ProductVersion version) => version < CompressionOff;

    /// <summary>The way this release spells "TLS 1.2 and 1.3 only" (TLS 1.3 is unknown before 2.4.36).</summary>
    public static string RecommendedProtocol(ProductVersion version, ProductVersion openSsl, string directive = "SSLProtocol") =>
        KnowsTls13(version, openSsl) ? $"{directive} -all +TLSv1.2 +TLSv1.3" : $"{directive} -all +TLSv1.2";
}
