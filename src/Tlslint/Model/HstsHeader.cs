using System.Globalization;

namespace Tlslint.Model;

/// <summary>A Strict-Transport-Security header as a web server would send it.</summary>
/// <param name="Value">The header value as configured (quotes removed).</param>
/// <param name="OnAllResponses">True when it is sent on error responses too (nginx <c>always</c>, Apache <c>Header always</c>).</param>
public sealed record HstsHeader(string Value, bool OnAllResponses)
{
    /// <summary>The <c>max-age</c> directive in seconds, or null when missing or not a number (RFC 6797 §6.1.1).</summary>
    public long? MaxAge
    {
        get
        {
            foreach (var part in Value.Split(';'))
            {
                var kv = part.Split('=', 2, StringSplitOptions.TrimEntries);
                if (kv.Length == 2 && kv[0].Equals("max-age", StringComparison.OrdinalIgnoreCase)
                    && long.TryParse(kv[1].Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
                {
                    return seconds;
                }
            }

            return null;
        }
    }

    public bool IncludeSubDomains => Value.Split(';', StringSplitOptions.TrimEntries)
        .Any(p => p.Equals("includeSubDomains", StringComparison.OrdinalIgnoreCase));
}
