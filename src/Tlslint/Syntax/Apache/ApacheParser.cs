using Sprache;
using Tlslint.Analysis;
using Tlslint.Text;

namespace Tlslint.Syntax.Apache;

/// <summary>
/// Parses one httpd 2.4 configuration file into statements. Never throws: what httpd would reject (an unmatched or
/// unclosed section, a section tag without its <c>&gt;</c>) becomes a located diagnostic and the rest is still read.
/// Sections are matched with an explicit stack, so nesting depth costs no call stack.
/// </summary>
public static class ApacheParser
{
    public static ApacheDocument Parse(SourceFile file)
    {
        var diagnostics = new List<ConfigDiagnostic>();
        var (lines, comments) = ApacheLineReader.Read(file, diagnostics);
        var statements = new List<ApacheStatement>(lines.Count);
        var open = new Stack<int>();
        foreach (var (line, start, end) in lines)
        {
            var statement = ToStatement(line, start, end, diagnostics);
            if (statement is null)
            {
                continue;
            }

            var index = statements.Count;
            switch (statement.Kind)
            {
                case ApacheStatementKind.SectionOpen:
                    open.Push(index);
                    statements.Add(statement);
                    break;
                case ApacheStatementKind.SectionClose:
                    statements.Add(Close(statement, index, statements, open, file, diagnostics));
                    break;
                default:
                    statements.Add(statement);
                    CommentInArguments(file, statement, diagnostics);
                    break;
            }
        }

        foreach (var index in open.Reverse())
        {
            var s = statements[index];
            diagnostics.Add(new ConfigDiagnostic(DiagnosticKind.ParseError,
                $"`<{s.Name}>` is never closed: httpd refuses the file; add `</{s.Name}>` where the section ends",
                new SourceLocation(file, s.NameRange), Fatal: true));
        }

        return new ApacheDocument(file, statements, comments, diagnostics);
    }

    /// <summary>Matches a section end with the innermost open section; on a mismatch, recovers at the nearest open section of that name.</summary>
    private static ApacheStatement Close(ApacheStatement close, int index, List<ApacheStatement> statements, Stack<int> open,
        SourceFile file, List<ConfigDiagnostic> diagnostics)
    {
        var location = new SourceLocation(file, close.Range);
        if (open.Count == 0)
        {
            diagnostics.Add(new ConfigDiagnostic(DiagnosticKind.ParseError,
                $"`</{close.Name}>` has no matching `<{close.Name}>` section in this file: httpd refuses the file; remove it or add the section start",
                location, Fatal: true));
            return close;
        }

        var top = statements[open.Peek()];
        if (!SameName(top, close))
        {
            var line = top.Range.Start.Line;
            diagnostics.Add(new ConfigDiagnostic(DiagnosticKind.ParseError,
                $"`</{close.Name}>` closes `<{top.Name}>` from line {line}: httpd expects `</{top.Name}>` here and refuses the file",
                location, Fatal: true));
            if (!open.Any(i => SameName(statements[i], close)))
            {
                return close;
            }

            // The sections opened in between end here too, as if their end tags were forgotten.
            while (!SameName(statements[open.Peek()], close))
            {
                open.Pop();
            }
        }

        var start = open.Pop();
        statements[start] = statements[start] with { Match = index };
        return close with { Match = start };
    }

    private static bool SameName(ApacheStatement a, ApacheStatement b) =>
        string.Equals(a.Name, b.Name, StringComparison.OrdinalIgnoreCase);

    private static ApacheStatement? ToStatement(LogicalLine line, int start, int end, List<ConfigDiagnostic> diagnostics)
    {
        var text = line.Text[start..end];
        var words = Words(text);
        if (words.Count == 0)
        {
            return null;
        }

        var (first, firstStart, firstEnd) = words[0];
        var file = line.File;
        TextRange R(int from, int to) => line.Range(start + from, start + to);
        var whole = R(0, text.Length);
        var argumentStart = firstEnd;
        while (argumentStart < text.Length && ApacheLineReader.IsSpace(text[argumentStart]))
        {
            argumentStart++;
        }

        var rest = text[argumentStart..];
        if (first.Value.StartsWith("</", StringComparison.Ordinal))
        {
            var name = first.Value[2..];
            if (!name.EndsWith('>'))
            {
                diagnostics.Add(new ConfigDiagnostic(DiagnosticKind.ParseError,
                    $"`{ApacheLineReader.Shorten(text)}` is not a section end: httpd wants `</{name}>` as one word and refuses the file",
                    new SourceLocation(file, whole), Fatal: true));
            }
            else
            {
                name = name[..^1];
            }

            return new ApacheStatement(ApacheStatementKind.SectionClose, name, [], string.Empty, whole, R(firstStart, firstEnd), R(firstEnd, firstEnd));
        }

        if (first.Value.StartsWith('<'))
        {
            var name = first.Value[1..];
            var nameClosed = name.EndsWith('>');
            if (nameClosed)
            {
                name = name[..^1];
            }

            if (name.Length == 0)
            {
                diagnostics.Add(new ConfigDiagnostic(DiagnosticKind.ParseError,
                    "a section start needs a name right after `<`, as in `<VirtualHost *:443>`: httpd refuses the file",
                    new SourceLocation(file, whole), Fatal: true));
            }

            var argumentText = rest;
            if (!nameClosed || rest.Length > 0)
            {
                var gt = rest.LastIndexOf('>');
                if (gt < 0)
                {
                    diagnostics.Add(new ConfigDiagnostic(DiagnosticKind.ParseError,
                        $"`<{name}` has no closing `>` on its line: httpd refuses the file; end the line with `>`",
                        new SourceLocation(file, whole), Fatal: true));
                }
                else
                {
                    argumentText = rest[..gt];
                }
            }

            var arguments = Words(argumentText)
                .Select(w => new ApacheWord(w.Token.Value, R(argumentStart + w.Start, argumentStart + w.End), w.Token.Quoted))
                .ToList();
            var argumentsRange = arguments.Count == 0
                ? R(firstEnd, firstEnd)
                : new TextRange(arguments[0].Range.Start, arguments[^1].Range.End);
            return new ApacheStatement(ApacheStatementKind.SectionOpen, name, arguments, argumentText.TrimEnd(), whole,
                R(firstStart, firstEnd), argumentsRange);
        }

        var args = words.Skip(1).Select(w => new ApacheWord(w.Token.Value, R(w.Start, w.End), w.Token.Quoted)).ToList();
        var range = args.Count == 0 ? R(firstEnd, firstEnd) : new TextRange(args[0].Range.Start, args[^1].Range.End);
        return new ApacheStatement(ApacheStatementKind.Directive, first.Value, args, rest, whole, R(firstStart, firstEnd), range);
    }

    /// <summary>Splits a line (or an argument text after <c>${VAR}</c> substitution) into httpd's words.</summary>
    internal static List<(ApacheToken Token, int Start, int End)> Words(string text)
    {
        var result = ApacheGrammar.Words(new ApacheLineInput(text));
        if (!result.WasSuccessful)
        {
            // Unreachable for any input (every character belongs to a word or to whitespace); keep the text whole.
            return text.Length == 0 ? [] : [(new ApacheToken(text, false), 0, text.Length)];
        }

        return result.Value.Select(w => (w.Value, w.Start.Pos, w.End.Pos)).ToList();
    }

    /// <summary>
    /// httpd has only whole-line comments: an unquoted word starting with <c>#</c> after a directive is an argument.
    /// </summary>
    private static void CommentInArguments(SourceFile file, ApacheStatement statement, List<ConfigDiagnostic> diagnostics)
    {
        var hash = statement.Arguments.FirstOrDefault(a => !a.Quoted && a.Value.StartsWith('#'));
        if (hash is null)
        {
            return;
        }

        var range = new TextRange(hash.Range.Start, statement.Arguments[^1].Range.End);
        var from = hash.Range.Start.Offset;
        var shown = ApacheLineReader.Shorten(file.Text[from..range.End.Offset].ReplaceLineEndings(" "));
        diagnostics.Add(new ConfigDiagnostic(DiagnosticKind.CommentInValue,
            $"`{shown}` is passed to `{statement.Name}` as arguments, not read as a comment: httpd has only whole-line comments; move it to a line of its own",
            new SourceLocation(file, range), Fatal: false));
    }
}
