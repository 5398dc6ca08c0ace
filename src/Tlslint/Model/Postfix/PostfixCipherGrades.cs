namespace Tlslint.Model.Postfix;

/// <summary>
/// What the built-in Postfix cipher grades (<c>tls_&lt;grade&gt;_cipherlist</c>, see <see cref="PostfixDefaults"/>)
/// select by Postfix release and OpenSSL build, and which exclusions remove it. A stop-gap judgement by grade until
/// the OpenSSL cipher engine expands the lists suite by suite.
/// </summary>
/// <remarks>
/// Facts used: Postfix 3.8 added <c>!SEED:!IDEA:!3DES:!RC2:!RC4:!RC5:!kDH:!kECDH:!aDSS:!MD5</c> to every grade and
/// made <c>low</c>/<c>export</c> the same as <c>medium</c>; up to 3.0 the grades were built from <c>ALL</c>. Every grade
/// but <c>null</c> starts with <c>aNULL:-aNULL</c>, which keeps the anonymous suites (last). OpenSSL 1.1.0 removed the
/// EXPORT suites, disabled single DES and RC4 at build time (so also the MD5-MAC suites), and moved 3DES from HIGH to
/// MEDIUM.
/// </remarks>
public static class PostfixCipherGrades
{
    private static readonly ProductVersion Postfix38 = new(3, 8);
    private static readonly ProductVersion OpenSsl110 = new(1, 1, 0);
    private static readonly string[] Grades = ["high", "medium", "low", "export", "null"];

    /// <summary>The OpenSSL alias users write for a class.</summary>
    public static string Alias(this PostfixCipherClass c) => c switch
    {
        PostfixCipherClass.ENull => "eNULL",
        PostfixCipherClass.ANull => "aNULL",
        PostfixCipherClass.Export => "EXPORT",
        PostfixCipherClass.Low => "LOW",
        PostfixCipherClass.Rc4 => "RC4",
        PostfixCipherClass.TripleDes => "3DES",
        PostfixCipherClass.Md5 => "MD5",
        _ => throw new ArgumentOutOfRangeException(nameof(c)),
    };

    /// <summary>
    /// The grade whose <c>tls_&lt;grade&gt;_cipherlist</c> Postfix really uses: from 3.8 on, <c>low</c> and
    /// <c>export</c> mean <c>medium</c> (their own lists are ignored).
    /// </summary>
    public static string EffectiveGrade(string grade, ProductVersion postfix) =>
        postfix >= Postfix38 && grade is "low" or "export" ? "medium" : grade;

    /// <summary>
    /// The grade whose built-in list the endpoint uses (Postfix 3.8+ ignores <c>low</c> and <c>export</c> and uses
    /// <c>medium</c>), or null when the grade is unknown or its <c>tls_&lt;grade&gt;_cipherlist</c> was changed from the
    /// built-in value, so that only the cipher engine can tell what it selects.
    /// </summary>
    public static string? BuiltInGrade(TlsEndpoint endpoint, ProductVersion postfix)
    {
        var grade = endpoint.Ciphers.Value.Grade;
        if (grade is null || !Grades.Contains(grade))
        {
            return null;
        }

        grade = EffectiveGrade(grade, postfix);
        return endpoint.Settings.TryGetValue($"tls_{grade}_cipherlist", out var list)
            && !list.IsDefault && list.Value.Trim() != PostfixDefaults.For(list.Name, postfix)
            ? null
            : grade;
    }

    /// <summary>The weak classes a built-in grade selects on the given Postfix release and OpenSSL build.</summary>
    public static IReadOnlySet<PostfixCipherClass> WeakClassesSelected(string grade, ProductVersion postfix, ProductVersion openSsl)
    {
        var result = new HashSet<PostfixCipherClass>();
        if (grade == "null")
        {
            result.Add(PostfixCipherClass.ENull);
        }
        else
        {
            result.Add(PostfixCipherClass.ANull);
        }

        if (postfix >= Postfix38)
        {
            return result;
        }

        var oldLibrary = openSsl < OpenSsl110;
        if (grade is "medium" or "low" or "export" || (grade == "high" && oldLibrary))
        {
            result.Add(PostfixCipherClass.TripleDes);
        }

        if (!oldLibrary)
        {
            return result;
        }

        if (grade is "medium" or "low" or "export")
        {
            result.Add(PostfixCipherClass.Rc4);
            result.Add(PostfixCipherClass.Md5);
        }

        if (grade is "low" or "export")
        {
            result.Add(PostfixCipherClass.Low);
        }

        if (grade == "export")
        {
            result.Add(PostfixCipherClass.Export);
        }

        if (grade == "null")
        {
            result.Add(PostfixCipherClass.Md5);
        }

        return result;
    }

    /// <summary>
    /// Of <paramref name="selected"/>, the classes that the exclusions leave in. Only whole tokens count
    /// (<c>kRSA+RC4</c> removes part of a class); OpenSSL aliases are case-sensitive.
    /// </summary>
    public static IReadOnlyList<PostfixCipherClass> NotExcluded(IReadOnlySet<PostfixCipherClass> selected,
        IReadOnlyList<string> exclusions, ProductVersion openSsl)
    {
        var tokens = exclusions.ToHashSet(StringComparer.Ordinal);
        var left = selected.Where(c => c != PostfixCipherClass.Md5 && !Removes(tokens, c, openSsl)).ToList();

        // HMAC-MD5 suites are RC4, export or NULL suites: gone with those classes even without `MD5`.
        if (selected.Contains(PostfixCipherClass.Md5) && !tokens.Contains("MD5")
            && left.Any(c => c is PostfixCipherClass.Rc4 or PostfixCipherClass.Export or PostfixCipherClass.ENull))
        {
            left.Add(PostfixCipherClass.Md5);
        }

        return left.Order().ToList();
    }

    /// <summary>
    /// Whether the endpoint's TLS 1.2-and-older list still holds suites weaker than AEAD with forward secrecy, judged
    /// by grade and exclusions (every built-in grade selects CBC and static-RSA suites unless the exclusions remove
    /// <c>kRSA</c> and the <c>SHA1</c>, <c>SHA256</c> and <c>SHA384</c> MACs); null when the list was customised with
    /// aliases only the cipher engine can expand.
    /// </summary>
    public static bool? HasSuitesWeakerThanAeadWithForwardSecrecy(TlsEndpoint endpoint, ProductVersion postfix, ProductVersion openSsl)
    {
        var tokens = endpoint.Ciphers.Value.Exclusions.ToHashSet(StringComparer.Ordinal);
        if (BuiltInGrade(endpoint, postfix) is not null)
        {
            var staticDhGone = postfix >= Postfix38 || openSsl >= OpenSsl110 || (tokens.Contains("kDH") && tokens.Contains("kECDH"));
            var removesAll = (tokens.Contains("kRSA") || tokens.Contains("RSA")) && staticDhGone
                && (tokens.Contains("SHA1") || tokens.Contains("SHA")) && tokens.Contains("SHA256") && tokens.Contains("SHA384");
            return !removesAll;
        }

        return CustomListHasWeakSuites(endpoint, postfix, tokens);
    }

    /// <summary>A customised list judged only when it names suites one by one (Mozilla's lists do).</summary>
    private static bool? CustomListHasWeakSuites(TlsEndpoint endpoint, ProductVersion postfix, HashSet<string> exclusions)
    {
        var grade = endpoint.Ciphers.Value.Grade;
        if (grade is null || !Grades.Contains(grade))
        {
            return null;
        }

        grade = EffectiveGrade(grade, postfix);
        if (!endpoint.Settings.TryGetValue($"tls_{grade}_cipherlist", out var list))
        {
            return null;
        }

        var suites = list.Value.Split([':', ',', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries)
            .Where(t => !t.StartsWith('@') && !t.StartsWith('!') && !t.StartsWith('-'))
            .Where(t => !exclusions.Contains(t))
            .ToList();
        if (suites.Count == 0 || !suites.All(IsSuiteName))
        {
            return null;
        }

        return !suites.All(IsAeadWithForwardSecrecy);
    }

    private static bool IsSuiteName(string token) =>
        token.Contains('-') && token.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c) || c == '-');

    private static bool IsAeadWithForwardSecrecy(string suite) =>
        (suite.StartsWith("ECDHE-", StringComparison.Ordinal) || suite.StartsWith("DHE-", StringComparison.Ordinal))
        && (suite.Contains("-GCM-", StringComparison.Ordinal) || suite.Contains("CHACHA20-POLY1305", StringComparison.Ordinal)
            || suite.EndsWith("-CCM", StringComparison.Ordinal));

    private static bool Removes(HashSet<string> tokens, PostfixCipherClass c, ProductVersion openSsl) => c switch
    {
        PostfixCipherClass.ENull => tokens.Contains("eNULL") || tokens.Contains("NULL"),
        PostfixCipherClass.ANull => tokens.Contains("aNULL") || (tokens.Contains("ADH") && tokens.Contains("AECDH")),
        PostfixCipherClass.Export => tokens.Contains("EXPORT") || tokens.Contains("EXP"),
        PostfixCipherClass.Low => tokens.Contains("LOW"),
        PostfixCipherClass.Rc4 => tokens.Contains("RC4"),

        // Every 3DES suite uses HMAC-SHA1; from OpenSSL 1.1.0 3DES is also all of MEDIUM.
        PostfixCipherClass.TripleDes => tokens.Contains("3DES") || tokens.Contains("SHA1") || tokens.Contains("SHA")
            || (openSsl >= OpenSsl110 && tokens.Contains("MEDIUM")),
        PostfixCipherClass.Md5 => tokens.Contains("MD5"),
        _ => false,
    };

    /// <summary>
    /// Whether Postfix itself drops the anonymous suites at this endpoint: the server when it asks for client
    /// certificates, the client at levels that verify the server certificate (fingerprint, verify, secure, dane).
    /// </summary>
    public static bool DropsAnonymousSuitesItself(TlsEndpoint endpoint)
    {
        if (endpoint.Role == EndpointRole.Server)
        {
            return IsYes(endpoint, "smtpd_tls_ask_ccert") || (endpoint.Mode.Value.RequiresTls() && IsYes(endpoint, "smtpd_tls_req_ccert"));
        }

        var level = endpoint.Settings.TryGetValue($"{Prefix(endpoint)}_tls_security_level", out var s)
            ? s.Value.Trim().ToLowerInvariant()
            : string.Empty;
        return level is "fingerprint" or "verify" or "secure" or "dane" or "dane-only";
    }

    /// <summary>The parameter prefix of an endpoint: <c>smtpd</c> for servers, <c>smtp</c> or <c>lmtp</c> for clients.</summary>
    public static string Prefix(TlsEndpoint endpoint) =>
        endpoint.Role == EndpointRole.Server ? "smtpd"
        : endpoint.Settings.ContainsKey("lmtp_tls_security_level") ? "lmtp"
        : "smtp";

    private static bool IsYes(TlsEndpoint endpoint, string name) =>
        endpoint.Settings.TryGetValue(name, out var s) && s.Value.Trim().Equals("yes", StringComparison.OrdinalIgnoreCase);
}
