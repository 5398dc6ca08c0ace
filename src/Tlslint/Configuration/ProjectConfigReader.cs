using Tlslint.Analysis;
using Tlslint.Model;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Tlslint.Configuration;

/// <summary>
/// Finds and reads <c>.tlslint.yaml</c>. Strict: an unknown key or a value of the wrong kind is an error with its
/// line and column, never silently ignored (a misspelt <c>ignore</c> must not turn into "lint everything").
/// </summary>
public static class ProjectConfigReader
{
    public const string FileName = ".tlslint.yaml";

    private static readonly string[] Keys = ["profile", "assume", "openssl-build", "select", "ignore", "rules", "exclude", "fail-on", "root", "baseline"];

    /// <summary>
    /// The nearest <c>.tlslint.yaml</c> in <paramref name="start"/> (a file's directory or a directory) or above it,
    /// stopping after the top of a git work tree; null when there is none.
    /// </summary>
    public static string? Find(string start)
    {
        var dir = Directory.Exists(start) ? new DirectoryInfo(start) : new FileInfo(start).Directory;
        for (; dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, FileName);
            if (File.Exists(candidate))
            {
                return candidate;
            }

            if (Directory.Exists(System.IO.Path.Combine(dir.FullName, ".git")) || File.Exists(System.IO.Path.Combine(dir.FullName, ".git")))
            {
                return null;
            }
        }

        return null;
    }

    /// <summary>Reads a config file; on failure returns null and adds one line per problem (<c>file:line:col: …</c>).</summary>
    public static ProjectConfig? Read(string path, List<string> errors)
    {
        var full = System.IO.Path.GetFullPath(path);
        string text;
        try
        {
            text = File.ReadAllText(full);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            errors.Add($"{path}: cannot be read: {e.Message}");
            return null;
        }

        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            errors.Add($"{path}:{e.Start.Line}:{e.Start.Column}: not valid YAML: {e.Message}");
            return null;
        }

        var config = new ProjectConfig { Path = full };
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            return config; // an empty file sets nothing
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            errors.Add(At(path, stream.Documents[0].RootNode, "expected a mapping of settings (`profile: modern` …)"));
            return null;
        }

        var before = errors.Count;
        var baseDir = System.IO.Path.GetDirectoryName(full)!;
        foreach (var (keyNode, value) in root.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? string.Empty;
            switch (key)
            {
                case "profile":
                    var profileText = Scalar(path, value, key, errors);
                    if (profileText is not null)
                    {
                        if (ProfileExtensions.TryParse(profileText, out var profile))
                        {
                            config = config with { Profile = profile };
                        }
                        else
                        {
                            errors.Add(At(path, value, $"profile `{profileText}` is not one of {ProfileExtensions.Choices}"));
                        }
                    }

                    break;
                case "openssl-build":
                    var buildText = Scalar(path, value, key, errors);
                    if (buildText is not null)
                    {
                        if (Tls.OpenSsl.OpenSslBuild.TryParse(buildText, out var build))
                        {
                            config = config with { OpenSslBuild = build };
                        }
                        else
                        {
                            errors.Add(At(path, value, $"openssl-build `{buildText}` is not one of {string.Join(", ", Tls.OpenSsl.OpenSslBuild.All.Select(b => b.Name))}"));
                        }
                    }

                    break;
                case "assume":
                    config = config with { Assume = Map(path, value, key, errors).Select(kv => $"{kv.Key}={kv.Value}").ToList() };
                    break;
                case "select":
                    config = config with { Select = List(path, value, key, errors) };
                    break;
                case "ignore":
                    config = config with { Ignore = List(path, value, key, errors) };
                    break;
                case "exclude":
                    config = config with { Exclude = List(path, value, key, errors) };
                    break;
                case "rules":
                    config = config with { Levels = Levels(path, value, errors) };
                    break;
                case "fail-on":
                    var failOn = Scalar(path, value, key, errors);
                    if (failOn is null)
                    {
                        break;
                    }

                    if (string.Equals(failOn, "none", StringComparison.OrdinalIgnoreCase))
                    {
                        config = config with { FailOnNone = true };
                    }
                    else if (LevelExtensions.TryParse(failOn, out var level))
                    {
                        config = config with { FailOn = level };
                    }
                    else
                    {
                        errors.Add(At(path, value, $"fail-on `{failOn}` is not one of error, warning, note, none"));
                    }

                    break;
                case "root":
                    var root0 = Scalar(path, value, key, errors);
                    config = config with { Root = root0 is null ? null : System.IO.Path.GetFullPath(root0, baseDir) };
                    break;
                case "baseline":
                    var baseline = Scalar(path, value, key, errors);
                    config = config with { Baseline = baseline is null ? null : System.IO.Path.GetFullPath(baseline, baseDir) };
                    break;
                default:
                    var near = Keys.OrderBy(k => Text.EditDistance.Between(k, key)).First();
                    var hint = Text.EditDistance.Between(near, key) <= 2 ? $" (did you mean `{near}`?)" : string.Empty;
                    errors.Add(At(path, keyNode, $"unknown key `{key}`{hint}; known keys: {string.Join(", ", Keys)}"));
                    break;
            }
        }

        return errors.Count == before ? config : null;
    }

    private static string? Scalar(string path, YamlNode node, string key, List<string> errors)
    {
        if (node is YamlScalarNode { Value: { } v })
        {
            return v;
        }

        errors.Add(At(path, node, $"`{key}` takes a single value"));
        return null;
    }

    /// <summary>A list, or a single comma-separated value (<c>select: TLS1,TLS405</c>).</summary>
    private static List<string> List(string path, YamlNode node, string key, List<string> errors)
    {
        switch (node)
        {
            case YamlSequenceNode seq:
                var items = new List<string>();
                foreach (var item in seq.Children)
                {
                    if (Scalar(path, item, key, errors) is { } v)
                    {
                        items.AddRange(Split(v));
                    }
                }

                return items;
            case YamlScalarNode { Value: { } single }:
                return Split(single).ToList();
            default:
                errors.Add(At(path, node, $"`{key}` takes a list of values"));
                return [];
        }
    }

    private static IEnumerable<string> Split(string v) =>
        v.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    private static List<KeyValuePair<string, string>> Map(string path, YamlNode node, string key, List<string> errors)
    {
        if (node is not YamlMappingNode map)
        {
            errors.Add(At(path, node, $"`{key}` takes a mapping (`postfix: \"3.7\"`)"));
            return [];
        }

        var result = new List<KeyValuePair<string, string>>();
        foreach (var (k, v) in map.Children)
        {
            if (k is YamlScalarNode { Value: { } name } && Scalar(path, v, $"{key}.{name}", errors) is { } value)
            {
                result.Add(new(name, value));
            }
        }

        return result;
    }

    private static Dictionary<string, Level?> Levels(string path, YamlNode node, List<string> errors)
    {
        var result = new Dictionary<string, Level?>(StringComparer.OrdinalIgnoreCase);
        if (node is not YamlMappingNode map)
        {
            errors.Add(At(path, node, "`rules` takes a mapping of rule → level (`TLS206: warning`, `TLS409: off`)"));
            return result;
        }

        foreach (var (k, v) in map.Children)
        {
            var rule = (k as YamlScalarNode)?.Value ?? string.Empty;
            var text = Scalar(path, v, $"rules.{rule}", errors);
            if (text is null)
            {
                continue;
            }

            if (string.Equals(text, "off", StringComparison.OrdinalIgnoreCase))
            {
                result[rule] = null;
            }
            else if (LevelExtensions.TryParse(text, out var level))
            {
                result[rule] = level;
            }
            else
            {
                errors.Add(At(path, v, $"level `{text}` for `{rule}` is not one of error, warning, note, off"));
            }
        }

        return result;
    }

    private static string At(string path, YamlNode node, string message) =>
        $"{path}:{node.Start.Line}:{node.Start.Column}: {message}";
}
