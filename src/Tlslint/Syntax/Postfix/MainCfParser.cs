using Sprache;
using Tlslint.Analysis;
using Tlslint.Text;

namespace Tlslint.Syntax.Postfix;

/// <summary>Parses main.cf. Never throws: a bad line becomes a located diagnostic and the next line is read.</summary>
public static class MainCfParser
{
    public static MainCfDocument Parse(SourceFile file)
    {
        var diagnostics = new List<ConfigDiagnostic>();
        var (lines, comments) = LogicalLineReader.Read(file, diagnostics);
        var parameters = new List<PostfixParameter>(lines.Count);
        foreach (var line in lines)
        {
            var result = PostfixGrammar.Assignment.TryParse(line.Text);
            if (!result.WasSuccessful)
            {
                diagnostics.Add(SyntaxError(line, result));
                continue;
            }

            var parameter = ToParameter(line, result.Value, 0);
            parameters.Add(parameter);
            if (FindDataHash(parameter.Value) is { } hash)
            {
                var valueStart = ValueStart(result.Value);
                diagnostics.Add(CommentInValue(line, parameter, valueStart + hash));
            }
        }

        return new MainCfDocument(file, parameters, comments, diagnostics);
    }

    /// <summary>Turns a parsed <c>name = value</c> at <paramref name="offset"/> of a logical line into a parameter with file ranges.</summary>
    internal static PostfixParameter ToParameter(LogicalLine line, NameValue nv, int offset)
    {
        var (valueStart, valueEnd) = TrimmedValue(nv);
        var nameStart = offset + nv.Name.Start.Pos;
        var nameEnd = nameStart + nv.Name.Length;
        var value = line.Text.Substring(offset + valueStart, valueEnd - valueStart);
        var wholeEnd = valueEnd > valueStart ? offset + valueEnd : offset + nv.RawValue.Start.Pos;
        return new PostfixParameter(
            nv.Name.Value,
            value,
            line.Range(nameStart, wholeEnd),
            line.Range(nameStart, nameEnd),
            line.Range(offset + valueStart, offset + valueEnd));
    }

    internal static int ValueStart(NameValue nv) => TrimmedValue(nv).Start;

    private static (int Start, int End) TrimmedValue(NameValue nv)
    {
        var raw = nv.RawValue.Value;
        var start = 0;
        while (start < raw.Length && LogicalLineReader.IsBlank(raw[start]))
        {
            start++;
        }

        var end = raw.Length;
        while (end > start && LogicalLineReader.IsBlank(raw[end - 1]))
        {
            end--;
        }

        return (nv.RawValue.Start.Pos + start, nv.RawValue.Start.Pos + end);
    }

    /// <summary>The index of a <c>#</c> that starts a would-be comment inside a value: at its start or after whitespace.</summary>
    internal static int? FindDataHash(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '#' && (i == 0 || LogicalLineReader.IsBlank(value[i - 1])))
            {
                return i;
            }
        }

        return null;
    }

    internal static ConfigDiagnostic CommentInValue(LogicalLine line, PostfixParameter parameter, int hashOffset)
    {
        var valueEnd = hashOffset + (parameter.Value.Length - FindDataHash(parameter.Value)!.Value);
        var shown = LogicalLineReader.Shorten(line.Text[hashOffset..valueEnd]);
        return new ConfigDiagnostic(DiagnosticKind.CommentInValue,
            $"`{shown}` is part of the value of `{parameter.Name}`, not a comment: Postfix has only whole-line comments; move it to a line of its own",
            line.Location(hashOffset, valueEnd), Fatal: false);
    }

    private static ConfigDiagnostic SyntaxError(LogicalLine line, IResult<NameValue> result)
    {
        var text = line.Text;
        var first = 0;
        while (first < text.Length && LogicalLineReader.IsBlank(text[first]))
        {
            first++;
        }

        var shown = LogicalLineReader.Shorten(text.Trim());
        if (first < text.Length && text[first] == '=')
        {
            return new ConfigDiagnostic(DiagnosticKind.ParseError,
                $"missing parameter name before `=` in `{shown}`: Postfix stops with a fatal error",
                line.Location(first, first + 1), Fatal: true);
        }

        // The name ends at the first whitespace or '='; Sprache reports the position where '=' was expected.
        var at = Math.Clamp(result.Remainder.Position, 0, text.Length);
        var nameEnd = first;
        while (nameEnd < text.Length && !LogicalLineReader.IsBlank(text[nameEnd]) && text[nameEnd] != '=')
        {
            nameEnd++;
        }

        var hint = line.Segments.Count == 1
            ? "if this line continues the value above, indent it"
            : "write `name = value`";
        return new ConfigDiagnostic(DiagnosticKind.ParseError,
            $"missing `=` after `{text[first..nameEnd]}`: Postfix stops with a fatal error; {hint}",
            line.Location(first, Math.Max(nameEnd, Math.Min(at, text.Length))), Fatal: true);
    }
}
