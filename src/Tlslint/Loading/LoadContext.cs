using Tlslint.Model;

namespace Tlslint.Loading;

/// <summary>What every product loader needs besides the tree itself.</summary>
/// <param name="Display">Turns an absolute path into the path shown in findings (relative to the working directory when inside it).</param>
/// <param name="Assumptions">Versions and library assumed, before the tree's own detection.</param>
/// <param name="Root">When set, absolute paths named inside configurations resolve under this directory.</param>
public sealed record LoadContext(Func<string, string> Display, Assumptions Assumptions, string? Root)
{
    /// <summary>Names given on the command line as httpd's <c>-D NAME</c> (<c>--define</c>).</summary>
    public IReadOnlyList<string> Defines { get; init; } = [];

    /// <summary>nginx: the directory relative <c>include</c> and file paths start from, instead of the directory of nginx.conf.</summary>
    public string? NginxPrefix { get; init; }

    /// <summary>
    /// Where a path named in a configuration lives on this machine: absolute paths move under <see cref="Root"/> when
    /// one is given; relative paths start at <paramref name="baseDirectory"/> (the product decides which directory that is).
    /// </summary>
    public string MapPath(string configured, string baseDirectory)
    {
        if (Path.IsPathRooted(configured))
        {
            return Root is null ? Path.GetFullPath(configured) : Path.GetFullPath(Path.Join(Root, configured.TrimStart('/')));
        }

        return Path.GetFullPath(configured, baseDirectory);
    }
}
