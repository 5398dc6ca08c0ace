using System.Text.RegularExpressions;
using Tlslint.Model;

namespace Tlslint.Tests;

/// <summary>The real nginx (Debian package nginx, with the mail and stream modules) run as a configuration checker.</summary>
internal static partial class NginxOracle
{
    private static readonly Lazy<string?> Binary = new(() => new[] { "/usr/sbin/nginx", "/usr/bin/nginx" }.FirstOrDefault(File.Exists));

    private static readonly Lazy<ProductVersion> InstalledVersion = new(() =>
    {
        var (_, output, error) = ExternalTool.Run(Binary.Value!, ["-v"], TimeSpan.FromSeconds(30));
        var m = VersionLine().Match(output + error);
        return m.Success ? ProductVersion.Parse(m.Groups[1].Value) : Assumptions.Default.VersionOf(Product.Nginx);
    });

    public static ProductVersion Version => InstalledVersion.Value;

    /// <summary>The nginx binary; fails in CI and skips elsewhere when it is not installed.</summary>
    public static string Require()
    {
        if (Binary.Value is { } path)
        {
            return path;
        }

        if (Environment.GetEnvironmentVariable("CI") == "true")
        {
            Assert.Fail("nginx is not installed; .ci/run installs the Debian packages nginx, libnginx-mod-mail and libnginx-mod-stream for this test");
        }

        Assert.Ignore("nginx is not installed (apt-get install nginx libnginx-mod-mail libnginx-mod-stream): the differential test needs the real nginx");
        return null!;
    }

    /// <summary>
    /// <c>nginx -e stderr -p PREFIX -c FILE -T</c>. With <paramref name="bindEtcNginx"/>, nginx runs in a private mount
    /// namespace with that directory bound on /etc/nginx (for trees whose includes name /etc/nginx/… absolutely).
    /// </summary>
    public static Result Dump(string prefix, string file, string? bindEtcNginx = null) =>
        Dump(prefix, file, bindEtcNginx is null ? [] : [(bindEtcNginx, "/etc/nginx")]);

    /// <summary>
    /// <c>nginx -T</c> in a private mount namespace where each (source, target) directory is bound over target: the
    /// throw-away material of a fixture appears where its configuration names it (<c>/etc/ssl/…</c>).
    /// </summary>
    public static Result Dump(string prefix, string file, IReadOnlyList<(string Source, string Target)> binds)
    {
        var nginx = Require();
        string[] args = ["-e", "stderr", "-p", prefix.TrimEnd('/') + "/", "-c", file, "-T"];
        if (binds.Count == 0)
        {
            var (code, output, error) = ExternalTool.Run(nginx, args, TimeSpan.FromSeconds(60));
            return new Result(code, output, error);
        }

        // sh -c 'mount --bind "$1" "$2" && … && exec nginx …' with the paths passed as arguments, never spliced into the script.
        var script = string.Concat(binds.Select((_, i) => $"mount --bind \"${2 * i + 1}\" \"${2 * i + 2}\" && ")) + $"shift {2 * binds.Count} && exec \"$@\"";
        var (c, o, e) = ExternalTool.Run("unshare", ["-m", "sh", "-c", script, "sh", .. binds.SelectMany(b => new[] { b.Source, b.Target }), nginx, .. args],
            TimeSpan.FromSeconds(60));
        return new Result(c, o, e);
    }

    /// <summary>True when this process may create a private mount namespace (root with CAP_SYS_ADMIN).</summary>
    public static bool CanBindMount()
    {
        try
        {
            return ExternalTool.Run("unshare", ["-m", "true"], TimeSpan.FromSeconds(30)).ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    [GeneratedRegex(@"nginx/(\d+\.\d+\.\d+)")]
    private static partial Regex VersionLine();

    [GeneratedRegex(@"\[emerg\] (?:\d+#\d+: )?(?<message>.*?)(?: in (?<file>/[^\s]*?):(?<line>\d+))?$", RegexOptions.Multiline)]
    private static partial Regex Emergency();

    /// <summary>What nginx printed and returned.</summary>
    public sealed record Result(int ExitCode, string Output, string Error)
    {
        public bool Accepted => ExitCode == 0;

        /// <summary>The first <c>[emerg]</c> line: message, file and line (file and line absent for some errors).</summary>
        public (string Message, string? File, int? Line)? Failure
        {
            get
            {
                var m = Emergency().Match(Error);
                if (!m.Success)
                {
                    return null;
                }

                return (m.Groups["message"].Value, m.Groups["file"].Success ? m.Groups["file"].Value : null,
                    m.Groups["line"].Success ? int.Parse(m.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture) : null);
            }
        }
    }
}
