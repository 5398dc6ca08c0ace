using Sprache;
using Tlslint.Analysis;
using Tlslint.Text;

namespace Tlslint.Syntax.Postfix;

/// <summary>
/// Parses master.cf. Never throws: a bad entry becomes a located diagnostic and the next entry is read.
/// Also checks what would make master or the daemon exit at start (field count, booleans, <c>-o</c> forms).
/// </summary>
public static class MasterCfParser
{
    // Options of the Postfix daemon skeletons that take a value ("cdDi:lm:n:o:s:St:uvVz").
    private const string OptionsWithValue = "imnost";

    public static MasterCfDocument Parse(SourceFile file)
    {
        var diagnostics = new List<ConfigDiagnostic>();
        var (lines, comments) = LogicalLineReader.Read(file, diagnostics);
        var services = new List<MasterService>(lines.Count);
        foreach (var line in lines)
        {
            var service = ParseEntry(line, diagnostics);
            if (service is not null)
            {
                services.Add(service);
            }
        }

        return new MasterCfDocument(file, services, comments, diagnostics);
    }

    private static MasterService? ParseEntry(LogicalLine line, List<ConfigDiagnostic> diagnostics)
    {
        var result = PostfixGrammar.MasterEntry.TryParse(line.Text);
        if (!result.WasSuccessful)
        {
            var at = LastUnbalancedBrace(line.Text);
            diagnostics.Add(new ConfigDiagnostic(DiagnosticKind.ParseError,
                $"missing `}}` for the `{{` that starts here: the rest of the entry is lost; close the group",
                line.Location(at, line.Text.Length), Fatal: true));
            return null;
        }

        var tokens = result.Value.Select(t => new MasterField(t.Value, line.Range(t.Start.Pos, t.Start.Pos + t.Length))).ToList();
        var spans = result.Value.ToList();
        var header = line.File.LineRange(line.File.PositionAt(line.Segments[0].FileStart).Line);
        if (tokens.Count < 8)
        {
            diagnostics.Add(new ConfigDiagnostic(DiagnosticKind.ParseError,
                $"bad field count: a master.cf entry needs 8 fields (service, type, private, unpriv, chroot, wakeup, maxproc, command), this one has {tokens.Count}",
                new SourceLocation(line.File, line.WholeRange), Fatal: true));
            return null;
        }

        CheckFields(line, tokens, diagnostics);
        var overrides = ParseArguments(line, tokens, spans, diagnostics);
        return new MasterService(tokens[0], tokens[1], tokens[2], tokens[3], tokens[4], tokens[5], tokens[6], tokens[7],
            tokens.Skip(8).ToList(), overrides, line.WholeRange)
        {
            HeaderRange = header,
        };
    }

    private static int LastUnbalancedBrace(string text)
    {
        var stack = new Stack<int>();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '{')
            {
                stack.Push(i);
            }
            else if (text[i] == '}' && stack.Count > 0)
            {
                stack.Pop();
            }
        }

        return stack.Count > 0 ? stack.Last() : 0;
    }

    private static void CheckFields(LogicalLine line, List<MasterField> fields, List<ConfigDiagnostic> diagnostics)
    {
        string[] names = ["private", "unpriv", "chroot"];
        for (var i = 0; i < names.Length; i++)
        {
            var f = fields[2 + i];
            if (f.Text is not ("y" or "n" or "-"))
            {
                diagnostics.Add(new ConfigDiagnostic(DiagnosticKind.ParseError,
                    $"invalid {names[i]} field `{f.Text}`: master accepts only `y`, `n` or `-`",
                    new SourceLocation(line.File, f.Range), Fatal: true));
            }
        }

        if (!IsWakeup(fields[5].Text))
        {
            diagnostics.Add(new ConfigDiagnostic(DiagnosticKind.ParseError,
                $"invalid wakeup field `{fields[5].Text}`: master accepts `-`, a number of seconds, or a number followed by `?`",
                new SourceLocation(line.File, fields[5].Range), Fatal: true));
        }

        if (fields[6].Text != "-" && !fields[6].Text.All(char.IsAsciiDigit))
        {
            diagnostics.Add(new ConfigDiagnostic(DiagnosticKind.ParseError,
                $"invalid process_limit field `{fields[6].Text}`: master accepts `-` or a number",
                new SourceLocation(line.File, fields[6].Range), Fatal: true));
        }

        if (fields[1].Text == "inet" && fields[2].Text == "y")
        {
            diagnostics.Add(new ConfigDiagnostic(DiagnosticKind.ParseError,
                "inet service cannot be private: master exits on start or reload; set the private field to `n`",
                new SourceLocation(line.File, fields[2].Range), Fatal: true));
        }

        if (fields[1].Text is not ("inet" or "unix" or "unix-dgram" or "fifo" or "pass"))
        {
            diagnostics.Add(new ConfigDiagnostic(DiagnosticKind.ParseError,
                $"unknown service type `{fields[1].Text}`: expected inet, unix, unix-dgram, fifo or pass",
                new SourceLocation(line.File, fields[1].Range), Fatal: true));
        }
    }

    private static bool IsWakeup(string text)
    {
        var digits = text.EndsWith('?') ? text[..^1] : text;
        return text == "-" || (digits.Length > 0 && digits.All(char.IsAsciiDigit));
    }

    private static List<PostfixParameter> ParseArguments(LogicalLine line, List<MasterField> fields,
        List<ITextSpan<string>> spans, List<ConfigDiagnostic> diagnostics)
    {
        var overrides = new List<PostfixParameter>();
        var command = Path.GetFileName(fields[7].Text);
        var i = 8;
        var reported = false;
        while (i < spans.Count)
        {
            var arg = spans[i].Value;
            if (arg.Length < 2 || arg[0] != '-')
            {
                break;
            }

            if (arg == "--")
            {
                i++;
                break;
            }

            for (var j = 1; j < arg.Length; j++)
            {
                if (!OptionsWithValue.Contains(arg[j]))
                {
                    continue;
                }

                ITextSpan<string>? valueSpan = null;
                var valueOffset = 0;
                if (j + 1 < arg.Length)
                {
                    valueSpan = spans[i];
                    valueOffset = j + 1;
                }
                else if (i + 1 < spans.Count)
                {
                    valueSpan = spans[++i];
                }

                if (valueSpan is null)
                {
                    diagnostics.Add(Error(line, spans[i], $"option `-{arg[j]}` needs a value", fatal: true));
                    reported = true;
                }
                else if (arg[j] == 'o')
                {
                    var parameter = ParseOverride(line, valueSpan, valueOffset, diagnostics);
                    if (parameter is null)
                    {
                        reported = true;
                    }
                    else
                    {
                        overrides.Add(parameter);
                    }
                }

                break;
            }

            i++;
        }

        if (i < spans.Count && command == "smtpd" && !reported)
        {
            var extra = spans[i];
            if (extra.Value.StartsWith('#'))
            {
                diagnostics.Add(new ConfigDiagnostic(DiagnosticKind.CommentInValue,
                    "`#` after the command is an argument, not a comment: smtpd exits at start with \"unexpected command-line argument\"; move the comment to a line of its own",
                    line.Location(extra.Start.Pos, line.Text.TrimEnd().Length), Fatal: true));
            }
            else
            {
                diagnostics.Add(Error(line, extra,
                    $"unexpected command-line argument `{extra.Value}`: smtpd exits at start; options such as `-o` must come before any other argument",
                    fatal: true));
            }
        }

        return overrides;
    }

    private static PostfixParameter? ParseOverride(LogicalLine line, ITextSpan<string> span, int offset,
        List<ConfigDiagnostic> diagnostics)
    {
        var text = span.Value[offset..];
        var start = span.Start.Pos + offset;
        if (text.Length >= 2 && text[0] == '{' && text[^1] == '}')
        {
            // Long form (3.0+): -o { name = value }; the braces and the blanks inside them are stripped.
            var inner = PostfixGrammar.Assignment.TryParse(text[1..^1]);
            if (inner.WasSuccessful)
            {
                var parameter = MainCfParser.ToParameter(line, inner.Value, start + 1);
                if (MainCfParser.FindDataHash(parameter.Value) is { } hash)
                {
                    // -o { smtpd_tls_protocols = !SSLv2 # old }: the braces keep everything up to `}` as the value.
                    diagnostics.Add(MainCfParser.CommentInValue(line, parameter, start + 1 + MainCfParser.ValueStart(inner.Value) + hash));
                }

                return parameter with { Range = line.Range(start, start + text.Length) };
            }

            diagnostics.Add(Error(line, span, $"`-o {text}` has no `name = value` inside the braces", fatal: true));
            return null;
        }

        var eq = text.IndexOf('=');
        if (eq <= 0)
        {
            diagnostics.Add(new ConfigDiagnostic(DiagnosticKind.ParseError,
                $"`-o {text}` has no `=value`: the daemon exits at start; write `-o name=value` without spaces, or `-o {{ name = value }}`",
                line.Location(start, start + text.Length), Fatal: true));
            return null;
        }

        var name = text[..eq];
        return new PostfixParameter(name, text[(eq + 1)..],
            line.Range(start, start + text.Length),
            line.Range(start, start + eq),
            line.Range(start + eq + 1, start + text.Length));
    }

    private static ConfigDiagnostic Error(LogicalLine line, ITextSpan<string> span, string message, bool fatal) =>
        new(DiagnosticKind.ParseError, message, line.Location(span.Start.Pos, span.Start.Pos + span.Length), fatal);
}
