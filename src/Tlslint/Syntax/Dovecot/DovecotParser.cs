using System.Text;
using Sprache;
using Tlslint.Analysis;
using Tlslint.Text;

namespace Tlslint.Syntax.Dovecot;

/// <summary>
/// Parses one Dovecot configuration file into statements, line by line. Never throws: a bad line becomes a located
/// diagnostic with Dovecot's own wording and the next line is read. Includes are not followed here (the loader does
/// that, keeping the section context).
/// </summary>
public static class DovecotParser
{
    public static DovecotDocument Parse(SourceFile file)
    {
        var diagnostics = new List<ConfigDiagnostic>();
        if (file.HadByteOrderMark)
        {
            diagnostics.Add(new ConfigDiagnostic(DiagnosticKind.ParseError,
                "the file starts with a UTF-8 byte order mark, which Dovecot reads as part of the first line and stops with a fatal error; save the file without it",
                new SourceLocation(file, file.RangeOf(0, 0)), Fatal: true));
        }

        var (lines, comments) = DovecotLineReader.Read(file, diagnostics);
        var statements = new List<DovecotStatement>(lines.Count);
        foreach (var line in lines)
        {
            if (Statement(line, diagnostics) is { } statement)
            {
                statements.Add(statement);
            }
        }

        return new DovecotDocument(file, statements, comments, diagnostics);
    }

    private static DovecotStatement? Statement(LogicalLine line, List<ConfigDiagnostic> diagnostics)
    {
        var include = DovecotGrammar.Include.TryParse(line.Text);
        if (include.WasSuccessful)
        {
            var pattern = include.Value.Pattern;
            if (pattern.Length == 0)
            {
                diagnostics.Add(Error(line, 0, line.Text.Length, $"`{include.Value.Keyword.Value}` names no file: Dovecot stops with a fatal error; add the path to include"));
                return null;
            }

            return new DovecotInclude(pattern.Value, include.Value.Keyword.Value == "!include_try",
                line.Range(pattern.Start.Pos, pattern.Start.Pos + pattern.Length), line.WholeRange);
        }

        var assignment = DovecotGrammar.Assignment.TryParse(line.Text);
        if (assignment.WasSuccessful)
        {
            return Assignment(line, assignment.Value, diagnostics);
        }

        if (DovecotGrammar.SectionEnd.TryParse(line.Text).WasSuccessful)
        {
            return new DovecotSectionEnd(line.WholeRange);
        }

        var header = DovecotGrammar.SectionHeader.TryParse(line.Text);
        return header.WasSuccessful ? Section(line, header.Value, diagnostics) : null;
    }

    private static DovecotAssignment? Assignment(LogicalLine line, AssignmentSyntax syntax, List<ConfigDiagnostic> diagnostics)
    {
        var key = syntax.Key;
        if (key.Length == 0)
        {
            diagnostics.Add(Error(line, 0, Math.Max(1, line.Text.Length),
                "the line starts with `=`, so the setting has no name: Dovecot stops with \"Missing key name\"; write `key = value`"));
            return null;
        }

        var raw = syntax.RawValue;
        var (value, kind) = Interpret(raw.Value);
        var valueStart = raw.Start.Pos;
        var valueEnd = valueStart + raw.Length;
        return new DovecotAssignment(
            key.Value,
            value,
            kind,
            line.Range(key.Start.Pos, key.Start.Pos + key.Length),
            line.Range(valueStart, valueEnd),
            line.Range(key.Start.Pos, Math.Max(valueEnd, key.Start.Pos + key.Length)));
    }

    /// <summary>
    /// What the text after <c>=</c> means: <c>&lt;path</c> is a file (whitespace after <c>&lt;</c> skipped); a value
    /// that starts and ends with the same quote loses them and its backslash escapes; otherwise an unquoted
    /// <c>$name</c> token makes it a variable value.
    /// </summary>
    internal static (string Value, DovecotValueKind Kind) Interpret(string raw)
    {
        if (raw.StartsWith('<'))
        {
            return (raw[1..].TrimStart(' ', '\t'), DovecotValueKind.File);
        }

        if (raw.Length > 0 && (raw[0] == '"' || raw[0] == '\'') && raw[^1] == raw[0])
        {
            return (raw.Length == 1 ? string.Empty : Unescape(raw[1..^1]), DovecotValueKind.Quoted);
        }

        return HasVariable(raw) ? (raw, DovecotValueKind.Variable) : (raw, DovecotValueKind.Literal);
    }

    /// <summary>True when a whitespace-separated token starts with <c>$</c>.</summary>
    internal static bool HasVariable(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '$' && (i == 0 || DovecotLineReader.IsWhite(value[i - 1])))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>str_unescape(): a backslash keeps the next character (<c>\n</c>, <c>\r</c>, <c>\t</c> become controls).</summary>
    private static string Unescape(string text)
    {
        if (!text.Contains('\\'))
        {
            return text;
        }

        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '\\')
            {
                sb.Append(text[i]);
                continue;
            }

            if (++i >= text.Length)
            {
                break;
            }

            sb.Append(text[i] switch
            {
                'n' => '\n',
                'r' => '\r',
                't' => '\t',
                var c => c,
            });
        }

        return sb.ToString();
    }

    private static DovecotSectionStart? Section(LogicalLine line, SectionSyntax syntax, List<ConfigDiagnostic> diagnostics)
    {
        var type = syntax.Type;
        var names = syntax.Names;
        var rest = syntax.Rest;
        var restStart = rest.Start.Pos;
        var isGroup = type.Value == "group" && names.Count == 2 && names[0].Value.StartsWith('@');
        if (names.Count > (isGroup ? 2 : 1))
        {
            var extra = names[isGroup ? 2 : 1];
            diagnostics.Add(Error(line, extra.Start.Pos, line.Text.Length,
                $"`{Shorten(line.Text)}` has more than one name before `{{`: Dovecot stops with \"Expecting '{{'\"; quote a name that holds spaces"));
            return null;
        }

        if (rest.Length == 0 || line.Text[restStart] != '{')
        {
            var what = names.Count == 0 && rest.Length == 0
                ? $"`{Shorten(line.Text)}` is neither a setting (`key = value`) nor a section header (`type [name] {{`): Dovecot stops with \"Expecting '{{'\""
                : $"`{Shorten(line.Text)}` is neither a setting nor a section header ending in `{{`: Dovecot stops with \"Expecting '{{'\"; write `key = value`, or end the header with ` {{`";
            diagnostics.Add(Error(line, rest.Length == 0 ? 0 : restStart, line.Text.Length, what));
            return null;
        }

        if (rest.Length > 1)
        {
            diagnostics.Add(Error(line, restStart + 1, line.Text.Length,
                $"`{Shorten(line.Text[(restStart + 1)..].Trim())}` follows `{{` on the same line: Dovecot stops with \"Garbage after '{{'\"; put each setting and the `}}` on lines of their own"));
            return null;
        }

        var name = names.Count == 0 ? null : names[^1];
        return new DovecotSectionStart(
            type.Value,
            name?.Value,
            isGroup ? names[0].Value : null,
            line.Range(type.Start.Pos, type.Start.Pos + type.Length),
            name is null ? null : line.Range(name.Start.Pos, name.Start.Pos + name.Length),
            line.WholeRange);
    }

    private static string Shorten(string text) => DovecotLineReader.Shorten(text);

    private static ConfigDiagnostic Error(LogicalLine line, int start, int end, string message) =>
        new(DiagnosticKind.ParseError, message, line.Location(start, Math.Max(start, end)), Fatal: true);
}
