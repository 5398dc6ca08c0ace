namespace Tlslint.Model.Apache;

/// <summary>
/// Module names as <c>&lt;IfModule&gt;</c> accepts them: the identifier given to <c>LoadModule</c> (<c>ssl_module</c>)
/// or the module's source file (<c>mod_ssl.c</c>).
/// </summary>
public static class ApacheModules
{
    /// <summary>Compiled into Debian's apache2 binary (<c>apache2 -l</c> on Debian 12); other builds load them with LoadModule.</summary>
    public static IReadOnlyList<string> BuiltIn { get; } =
    [
        "core_module", "so_module", "watchdog_module", "http_module", "log_config_module", "logio_module",
        "version_module", "unixd_module",
    ];

    /// <summary>Modules whose source file is not <c>mod_NAME.c</c>.</summary>
    private static readonly Dictionary<string, string> SourceFiles = new(StringComparer.Ordinal)
    {
        ["core_module"] = "core.c",
        ["http_module"] = "http_core.c",
        ["mpm_event_module"] = "event.c",
        ["mpm_worker_module"] = "worker.c",
        ["mpm_prefork_module"] = "prefork.c",
        ["mpm_winnt_module"] = "mpm_winnt.c",
    };

    /// <summary>The source file name of a module identifier: <c>ssl_module</c> → <c>mod_ssl.c</c>.</summary>
    public static string SourceFile(string identifier)
    {
        if (SourceFiles.TryGetValue(identifier, out var file))
        {
            return file;
        }

        var stem = identifier.EndsWith("_module", StringComparison.Ordinal) ? identifier[..^"_module".Length] : identifier;
        return $"mod_{stem}.c";
    }

    /// <summary>Whether <paramref name="name"/> (identifier or source file) names one of <paramref name="loaded"/>.</summary>
    public static bool IsLoaded(string name, IReadOnlySet<string> loaded)
    {
        if (!name.EndsWith(".c", StringComparison.Ordinal))
        {
            return loaded.Contains(name);
        }

        return loaded.Any(m => string.Equals(SourceFile(m), name, StringComparison.Ordinal));
    }
}
