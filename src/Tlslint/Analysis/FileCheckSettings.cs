using Tlslint.Files;

namespace Tlslint.Analysis;

/// <summary>What the rules that read certificate, key and DH files share within a run.</summary>
/// <param name="Files">The run's file store (each path read once).</param>
/// <param name="Now">The moment certificate validity is judged at.</param>
/// <param name="ExpiryDays">A certificate expiring within this many days is reported.</param>
public sealed record FileCheckSettings(TlsFileStore Files, DateTimeOffset Now, int ExpiryDays)
{
    public static FileCheckSettings For(LintRequest request) =>
        new(new TlsFileStore(request.Root), request.Now ?? DateTimeOffset.UtcNow, request.ExpiryDays);
}
