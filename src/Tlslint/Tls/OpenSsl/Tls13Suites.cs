namespace Tlslint.Tls.OpenSsl;

/// <summary>
/// <c>SSL_CTX_set_ciphersuites</c>: a colon-separated list of IANA names (blanks around names trimmed, unknown names
/// skipped, duplicates kept). TLS 1.2 suites named by their IANA name are accepted too and offered with the TLS 1.3
/// ones. An empty list means no TLS 1.3; a non-empty one that names nothing known is rejected.
/// </summary>
public static class Tls13Suites
{
    /// <summary>The outcome: the suites in order, the error, and one diagnostic per name that is skipped or surprising.</summary>
    public sealed record Result(IReadOnlyList<CipherSuite> Suites, CipherListError Error, IReadOnlyList<CipherDiagnostic> Diagnostics);

    public static Result Evaluate(string list, OpenSslBuild build)
    {
        var suites = new List<CipherSuite>();
        var diagnostics = new List<CipherDiagnostic>();
        if (list.Length == 0)
        {
            return new Result(suites, CipherListError.None, diagnostics);
        }

        var any = false;
        var pos = 0;
        while (pos <= list.Length)
        {
            var end = list.IndexOf(':', pos);
            if (end < 0)
            {
                end = list.Length;
            }

            var start = pos;
            var stop = end;
            while (start < stop && IsSpace(list[start]))
            {
                start++;
            }

            while (stop > start && IsSpace(list[stop - 1]))
            {
                stop--;
            }

            if (stop > start)
            {
                var name = list[start..stop];
                var suite = stop - start < 80 ? CipherTable.FindByStandardName(name) : null;
                if (suite is null || !build.Compiles(suite))
                {
                    diagnostics.Add(new CipherDiagnostic(CipherDiagnosticKind.UnknownTls13Suite, start, name, UnknownMessage(name, build)));
                }
                else
                {
                    any = true;
                    if (!build.Offers(suite))
                    {
                        diagnostics.Add(new CipherDiagnostic(CipherDiagnosticKind.UnknownTls13Suite, start, name,
                            $"`{name}` needs an algorithm this build ({build.Name}) lacks, so OpenSSL leaves it out"));
                    }
                    else
                    {
                        suites.Add(suite);
                        if (!suite.IsTls13)
                        {
                            diagnostics.Add(new CipherDiagnostic(CipherDiagnosticKind.Tls12SuiteInTls13List, start, name,
                                $"`{name}` is a TLS 1.2 suite; OpenSSL accepts it in the TLS 1.3 list and offers it ahead of the cipher string's suites"));
                        }
                    }
                }
            }

            pos = end + 1;
        }

        if (!any)
        {
            diagnostics.Add(new CipherDiagnostic(CipherDiagnosticKind.NoCipherMatch, 0, list,
                $"`{list}` names no suite OpenSSL knows, so it rejects the TLS 1.3 list (no cipher match)"));
            return new Result([], CipherListError.NoCipherMatch, diagnostics);
        }

        return new Result(suites, CipherListError.None, diagnostics);
    }

    private static string UnknownMessage(string name, OpenSslBuild build)
    {
        if (CipherTable.FindByName(name) is { } byOpenSslName)
        {
            return byOpenSslName.StandardName is { } iana
                ? $"`{name}` is an OpenSSL name; this list takes IANA names such as `{iana}`, so OpenSSL skips it"
                : $"`{name}` is an OpenSSL name; this list takes IANA names, so OpenSSL skips it";
        }

        if (CipherTable.FindByStandardName(name) is not null)
        {
            return $"`{name}` is not compiled into this build ({build.Name}), so OpenSSL skips it";
        }

        var caseless = CipherTable.Suites.FirstOrDefault(s => string.Equals(s.StandardName, name, StringComparison.OrdinalIgnoreCase));
        return caseless is not null
            ? $"`{name}` is not a suite name (did you mean `{caseless.StandardName}`? names are case-sensitive), so OpenSSL skips it"
            : $"`{name}` is not a suite name OpenSSL knows, so it skips it";
    }

    private static bool IsSpace(char c) => c is ' ' or '\t' or '\n' or '\v' or '\f' or '\r';
}
