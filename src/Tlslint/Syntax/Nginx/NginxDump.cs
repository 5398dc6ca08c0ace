using Tlslint.Text;

namespace Tlslint.Syntax.Nginx;

/// <summary>
/// The output of <c>nginx -T</c>: every configuration file nginx read, once each, in the order it first read them,
/// each after a line <c># configuration file PATH:</c> and followed by one extra line break.
/// </summary>
public static class NginxDump
{
    private const string Header = "# configuration file ";

    /// <summary>True when <paramref name="text"/> starts (after nginx's own status lines, if captured too) with a file header.</summary>
    public static bool LooksLikeDump(string text)
    {
        foreach (var (line, _, _) in Lines(text))
        {
            if (IsStatusLine(line))
            {
                continue;
            }

            return HeaderPath(line) is not null;
        }

        return false;
    }

    /// <summary>
    /// The files of a dump, each with its own path and text, so that positions are those of the original files.
    /// Status lines nginx prints on standard error (<c>nginx: the configuration file … syntax is ok</c>) before the
    /// first header are skipped.
    /// </summary>
    public static IReadOnlyList<SourceFile> Split(SourceFile dump)
    {
        var text = dump.Text;
        var files = new List<SourceFile>();
        string? path = null;
        var start = 0;
        foreach (var (line, lineStart, next) in Lines(text))
        {
            var header = HeaderPath(line);
            if (header is null)
            {
                continue;
            }

            if (path is not null)
            {
                files.Add(Section(path, text, start, lineStart));
            }

            path = header;
            start = next;
        }

        if (path is not null)
        {
            files.Add(Section(path, text, start, text.Length));
        }

        return files;
    }

    private static SourceFile Section(string path, string text, int start, int end)
    {
        // nginx writes one line break after each file's content.
        if (end > start && text[end - 1] == '\n')
        {
            end--;
        }

        return new SourceFile(path, path, text[start..end]);
    }

    private static string? HeaderPath(string line)
    {
        line = line.TrimEnd('\r');
        return line.StartsWith(Header, StringComparison.Ordinal) && line.EndsWith(':') && line.Length > Header.Length + 1
            ? line[Header.Length..^1]
            : null;
    }

    private static bool IsStatusLine(string line) =>
        line.StartsWith("nginx: ", StringComparison.Ordinal) || line.TrimEnd('\r').Length == 0;

    /// <summary>Each line without its line break, its start offset, and the offset of the next line.</summary>
    private static IEnumerable<(string Line, int Start, int Next)> Lines(string text)
    {
        var start = 0;
        while (start < text.Length)
        {
            var end = text.IndexOf('\n', start);
            var next = end < 0 ? text.Length : end + 1;
            yield return (text[start..(end < 0 ? text.Length : end)], start, next);
            start = next;
        }
    }
}
