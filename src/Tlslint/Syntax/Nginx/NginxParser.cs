using Sprache;
using Tlslint.Analysis;
using Tlslint.Text;

namespace Tlslint.Syntax.Nginx;

/// <summary>
/// Parses one nginx configuration file token by token, as ngx_conf_parse() does for a file: words up to <c>;</c>
/// make a directive, words up to <c>{</c> open a block that the same file must close. Never throws and never
/// recurses: blocks are kept on an explicit stack, so deep nesting and large files cost memory, not the call stack.
/// nginx stops at its first syntax error; so does the diagnostic list (one TLS001 per file), but the parser goes on
/// so that the rest of the file can still be linted.
/// </summary>
public static class NginxParser
{
    /// <summary>Blocks nested deeper than this are read for balance but not kept (no real configuration comes near it).</summary>
    public const int MaxDepth = 100;

    private const string SpaceAfterQuote = " \t\r\n;{)";

    /// <param name="file">The file.</param>
    /// <param name="hadByteOrderMark">True when the bytes on disk started with a UTF-8 BOM (already removed from the text).</param>
    public static NginxDocument Parse(SourceFile file, bool hadByteOrderMark = false)
    {
        var state = new State(file);
        if (hadByteOrderMark)
        {
            state.Error(0, 0, ByteOrderMarkMessage(file.Text));
        }

        IInput input = new Input(file.Text);
        while (!input.AtEnd)
        {
            var result = NginxGrammar.Token(input);
            if (!result.WasSuccessful)
            {
                // Only a quoted word that is never closed gets here: nginx reads on to the end of the file.
                state.Error(input.Position, input.Position + 1,
                    $"the string that starts with `{input.Current}` here is never closed, so nginx reads the rest of the file into it and stops with `unexpected end of file`; add the closing `{input.Current}`");
                state.Pending.Clear();
                break;
            }

            state.Accept(result.Value);
            input = result.Remainder;
            if (result.Value.Quoted && !input.AtEnd && !SpaceAfterQuote.Contains(input.Current))
            {
                state.Error(input.Position, input.Position + 1,
                    $"`{Shown(input.Current)}` right after a closing quote: nginx stops with `unexpected \"{input.Current}\"`; put a space between them");
            }
        }

        state.Finish();
        return new NginxDocument(file, state.Top, state.Comments, state.Diagnostics);
    }

    private static string ByteOrderMarkMessage(string text)
    {
        var first = text.TrimStart(' ', '\t', '\r', '\n');
        var end = 0;
        while (end < first.Length && !char.IsWhiteSpace(first[end]) && first[end] is not (';' or '{'))
        {
            end++;
        }

        var word = end > 0 ? $"`{first[..end]}`" : "the first word";
        return $"the file starts with a UTF-8 byte order mark, which nginx reads as part of {word} (`unknown directive`); save the file without the BOM";
    }

    private static string Shown(char c) => c switch
    {
        '\t' => "\\t",
        _ => c.ToString(),
    };

    /// <summary>The lexer's state between tokens: pending words, open blocks and what was found.</summary>
    private sealed class State(SourceFile file)
    {
        private readonly Stack<Frame> _open = new();

        public List<NginxDirective> Top { get; } = [];

        public List<NginxWord> Pending { get; } = [];

        public List<NginxComment> Comments { get; } = [];

        public List<ConfigDiagnostic> Diagnostics { get; } = [];

        private List<NginxDirective>? Current => _open.Count == 0 ? Top : _open.Peek().Children;

        public void Accept(NginxToken token)
        {
            switch (token.Kind)
            {
                case NginxTokenKind.Blank:
                    break;
                case NginxTokenKind.Comment:
                    Comments.Add(new NginxComment(token.Raw, file.RangeOf(token.Start, token.End)));
                    break;
                case NginxTokenKind.Word:
                    Pending.Add(new NginxWord(NginxGrammar.Unescape(token.Raw, token.Quoted), token.Raw,
                        file.RangeOf(token.Start, token.End), token.Quoted));
                    break;
                case NginxTokenKind.Semicolon:
                    Semicolon(token);
                    break;
                case NginxTokenKind.OpenBrace:
                    Open(token);
                    break;
                case NginxTokenKind.CloseBrace:
                    Close(token);
                    break;
            }
        }

        public void Error(int start, int end, string message)
        {
            // nginx stops at the first error; later ones are usually its echoes.
            if (Diagnostics.Any(d => d.Kind == DiagnosticKind.ParseError && d.Fatal))
            {
                return;
            }

            Diagnostics.Add(new ConfigDiagnostic(DiagnosticKind.ParseError, message,
                new SourceLocation(file, file.RangeOf(start, end)), Fatal: true));
        }

        public void Finish()
        {
            var end = file.Text.Length;
            if (Pending.Count > 0)
            {
                var first = Pending[0].Range.Start.Offset;
                Error(first, Pending[^1].Range.End.Offset,
                    $"`{Words(Pending)}` is not ended by `;` before the end of the file: nginx stops with `unexpected end of file, expecting \";\" or \"}}\"`; add the `;`");
                Pending.Clear();
            }

            while (_open.Count > 0)
            {
                var frame = _open.Pop();
                Error(frame.Header[0].Range.Start.Offset, frame.OpenBrace + 1,
                    $"the `{frame.Header[0].Value}` block opened here is never closed in this file: nginx stops with `unexpected end of file, expecting \"}}\"`; add the missing `}}`");
                Attach(frame, end);
            }
        }

        private void Semicolon(NginxToken token)
        {
            if (Pending.Count == 0)
            {
                Error(token.Start, token.End, "`;` with no directive before it: nginx stops with `unexpected \";\"`; remove it");
                return;
            }

            var range = file.RangeOf(Pending[0].Range.Start.Offset, token.End);
            Current?.Add(new NginxDirective(Pending[0], Pending.Skip(1).ToList(), null, range, range));
            Pending.Clear();
        }

        private void Open(NginxToken token)
        {
            if (Pending.Count == 0)
            {
                Error(token.Start, token.End, "`{` with no directive name before it: nginx stops with `unexpected \"{\"`; name the block or remove the brace");

                // Count the brace all the same, so that its `}` does not close the enclosing block.
                _open.Push(new Frame([new NginxWord("{", "{", file.RangeOf(token.Start, token.End), false)], token.Start, null));
                return;
            }

            var depth = _open.Count + 1;
            var keep = Current is not null && depth <= MaxDepth;
            if (!keep && Current is not null)
            {
                Diagnostics.Add(new ConfigDiagnostic(DiagnosticKind.ParseError,
                    $"`{Pending[0].Value}` opens a block nested more than {MaxDepth} levels deep: tlslint does not read what lies deeper",
                    new SourceLocation(file, file.RangeOf(Pending[0].Range.Start.Offset, token.End)), Fatal: false));
            }

            _open.Push(new Frame(Pending.ToList(), token.Start, keep ? [] : null));
            Pending.Clear();
        }

        private void Close(NginxToken token)
        {
            if (Pending.Count > 0)
            {
                var glued = Pending[^1].Raw.EndsWith('}') && !Pending[^1].Quoted
                    ? $" (the `}}` glued to `{Pending[^1].Raw}` belongs to that word)"
                    : string.Empty;
                Error(token.Start, token.End,
                    $"`}}` ends a block while `{Words(Pending)}` still waits for its `;`{glued}: nginx stops with `unexpected \"}}\"`; add the `;`");
                Pending.Clear();
            }

            if (_open.Count == 0)
            {
                Error(token.Start, token.End,
                    "`}` closes no block opened in this file: nginx stops with `unexpected \"}\"` (each included file must balance its own braces); remove it or add the missing `{`");
                return;
            }

            Attach(_open.Pop(), token.End);
        }

        private void Attach(Frame frame, int end)
        {
            if (frame.Children is null || Current is null)
            {
                return;
            }

            var header = frame.Header;
            Current.Add(new NginxDirective(header[0], header.Skip(1).ToList(), frame.Children,
                file.RangeOf(header[0].Range.Start.Offset, end),
                file.RangeOf(header[0].Range.Start.Offset, frame.OpenBrace + 1)));
        }

        private static string Words(List<NginxWord> words)
        {
            var text = string.Join(' ', words.Select(w => w.Raw));
            return text.Length <= 60 ? text : text[..57] + "...";
        }
    }

    /// <summary>An open block: its header words, the offset of its <c>{</c>, and its children (null when not kept).</summary>
    private sealed record Frame(List<NginxWord> Header, int OpenBrace, List<NginxDirective>? Children);
}
