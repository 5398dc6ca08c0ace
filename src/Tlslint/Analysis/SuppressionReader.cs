using Sprache;
using Tlslint.Text;

namespace Tlslint.Analysis;

/// <summary>
/// Finds the suppression comments of a tree. Every product tlslint reads writes comments as lines whose first
/// non-blank character is <c>#</c>, so this works on the files' text for all of them; what a block is comes from the
/// product (<see cref="ConfigTree.Blocks"/> and the endpoints' anchors).
/// </summary>
public static class SuppressionReader
{
    public static IReadOnlyList<SuppressionComment> Read(ConfigTree tree)
    {
        var blocks = tree.Blocks
            .Select(b => b.Location)
            .Concat(tree.Endpoints.Select(e => e.Anchor))
            .Where(l => l.Range is not null)
            .ToList();
        var result = new List<SuppressionComment>();
        foreach (var file in tree.Files.Distinct())
        {
            Read(file, blocks, result);
        }

        return result;
    }

    private static void Read(SourceFile file, List<SourceLocation> blocks, List<SuppressionComment> result)
    {
        var text = file.Text;
        var pending = new List<int>();
        var line = 0;
        var pos = 0;
        while (pos <= text.Length)
        {
            line++;
            var end = text.IndexOf('\n', pos);
            var lineEnd = end < 0 ? text.Length : end;
            var content = lineEnd > pos && text[lineEnd - 1] == '\r' ? lineEnd - 1 : lineEnd;
            var first = pos;
            while (first < content && text[first] is ' ' or '\t')
            {
                first++;
            }

            if (first < content && text[first] == '#')
            {
                var comment = text[first..content];
                if (SuppressionGrammar.Introducer.TryParse(comment).WasSuccessful)
                {
                    result.Add(Parse(file, comment, first));
                    pending.Add(result.Count - 1);
                }
            }
            else if (first < content && pending.Count > 0)
            {
                var covers = Covers(file, line, blocks);
                foreach (var index in pending)
                {
                    if (!result[index].Global)
                    {
                        result[index] = result[index] with { Covers = covers };
                    }
                }

                pending.Clear();
            }

            if (end < 0)
            {
                break;
            }

            pos = end + 1;
        }
    }

    /// <summary>The line below a comment, or the whole block that starts on it.</summary>
    private static LineSpan Covers(SourceFile file, int line, List<SourceLocation> blocks)
    {
        var last = line;
        foreach (var block in blocks)
        {
            if (block.File == file && block.Range is { } r && r.Start.Line == line)
            {
                last = Math.Max(last, r.End.Line);
            }
        }

        return new LineSpan(line, last);
    }

    private static SuppressionComment Parse(SourceFile file, string comment, int offset)
    {
        var location = new SourceLocation(file, file.RangeOf(offset, offset + comment.Length));
        var parsed = SuppressionGrammar.Pragma.TryParse(comment);
        if (!parsed.WasSuccessful)
        {
            return new SuppressionComment(location, false, [], null, null,
                $"`{Shorten(comment)}` is not a suppression tlslint understands: write `# tlslint ignore=TLS102 -- reason` on the line above, or `# tlslint global ignore=TLS102 -- reason` for the whole file");
        }

        var pragma = parsed.Value;
        var rules = pragma.Rules
            .Select(r => new SuppressedRule(r.Value, new SourceLocation(file, file.RangeOf(offset + r.Start.Pos, offset + r.Start.Pos + r.Length))))
            .ToList();
        return new SuppressionComment(location, pragma.Global, rules, pragma.Reason, null);
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";
}
