using System.Text;

namespace Tlslint.Model.Postfix;

/// <summary>
/// Expands Postfix <c>$name</c> references as mac_expand() does at the moment a daemon reads a parameter:
/// <c>$name</c>, <c>${name}</c>, <c>$(name)</c>, <c>${name?value}</c>, <c>${name:value}</c>,
/// <c>${name?{a}:{b}}</c>, <c>${{a} op {b} ? {t} : {f}}</c> (with the <c>level</c> comparisons of 3.6+) and <c>$$</c>.
/// </summary>
public sealed class PostfixExpander
{
    private const int MaxDepth = 100;
    private readonly Func<string, string?> _lookup;

    /// <param name="lookup">Raw (unexpanded) value of a parameter, or null when it is defined nowhere.</param>
    public PostfixExpander(Func<string, string?> lookup) => _lookup = lookup;

    /// <summary>Names that were referenced but defined nowhere, collected across calls.</summary>
    public HashSet<string> Undefined { get; } = new(StringComparer.Ordinal);

    /// <summary>Expands <paramref name="raw"/>; on a reference loop or a malformed macro, returns null and says why.</summary>
    public string? Expand(string raw, out string? error)
    {
        error = null;
        try
        {
            return Expand(raw, 0);
        }
        catch (ExpansionException e)
        {
            error = e.Message;
            return null;
        }
    }

    private string Expand(string text, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new ExpansionException("unreasonable macro call nesting (a parameter refers to itself)");
        }

        if (!text.Contains('$'))
        {
            return text;
        }

        var sb = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c != '$' || i + 1 >= text.Length)
            {
                sb.Append(c);
                i++;
                continue;
            }

            var next = text[i + 1];
            if (next == '$')
            {
                sb.Append('$');
                i += 2;
            }
            else if (next is '{' or '(')
            {
                var close = next == '{' ? '}' : ')';
                var end = MatchingClose(text, i + 1, next, close);
                if (end < 0)
                {
                    throw new ExpansionException($"truncated macro reference `{text[i..]}`");
                }

                sb.Append(ExpandBraced(text[(i + 2)..end], depth));
                i = end + 1;
            }
            else
            {
                var start = i + 1;
                var end = start;
                while (end < text.Length && IsNameChar(text[end]))
                {
                    end++;
                }

                if (end == start)
                {
                    // "$-x": Postfix warns about an empty macro name and keeps the text.
                    sb.Append(c);
                    i++;
                    continue;
                }

                sb.Append(Value(text[start..end], depth));
                i = end;
            }
        }

        return sb.ToString();
    }

    private string ExpandBraced(string inner, int depth)
    {
        var body = inner.Trim();
        if (body.StartsWith('{'))
        {
            return Relational(body, depth);
        }

        var n = 0;
        while (n < body.Length && IsNameChar(body[n]))
        {
            n++;
        }

        if (n == 0)
        {
            throw new ExpansionException($"empty macro name in `${{{inner}}}`");
        }

        var name = body[..n];
        var rest = body[n..].TrimStart();
        if (rest.Length == 0)
        {
            return Value(name, depth);
        }

        var op = rest[0];
        if (op is not ('?' or ':'))
        {
            throw new ExpansionException($"unexpected `{op}` after `{name}` in `${{{inner}}}`");
        }

        var defined = Value(name, depth).Length > 0;
        var (whenTrue, whenFalse) = SplitAlternatives(rest[1..].Trim());
        if (op == ':')
        {
            return defined ? string.Empty : Expand(whenTrue, depth + 1);
        }

        return defined ? Expand(whenTrue, depth + 1) : Expand(whenFalse ?? string.Empty, depth + 1);
    }

    /// <summary><c>{a}:{b}</c> or <c>{a}:b</c> → (a, b); <c>{a}</c> or <c>plain text</c> → (a, null).</summary>
    private static (string First, string? Second) SplitAlternatives(string text)
    {
        if (!text.StartsWith('{'))
        {
            return (text, null);
        }

        var end = MatchingClose(text, 0, '{', '}');
        if (end < 0)
        {
            throw new ExpansionException($"missing `}}` in `{text}`");
        }

        var first = text[1..end].Trim();
        var rest = text[(end + 1)..].Trim();
        if (rest.Length == 0)
        {
            return (first, null);
        }

        if (rest[0] != ':')
        {
            throw new ExpansionException($"expected `:` after `{{{first}}}`");
        }

        var second = rest[1..].Trim();
        if (second.StartsWith('{') && second.EndsWith('}'))
        {
            second = second[1..^1].Trim();
        }

        return (first, second);
    }

    private string Relational(string body, int depth)
    {
        var (left, afterLeft) = TakeGroup(body);
        var opEnd = 0;
        while (opEnd < afterLeft.Length && afterLeft[opEnd] != '{')
        {
            opEnd++;
        }

        var op = afterLeft[..opEnd].Trim();
        var (right, afterRight) = TakeGroup(afterLeft[opEnd..]);
        afterRight = afterRight.Trim();
        if (!afterRight.StartsWith('?'))
        {
            throw new ExpansionException($"expected `?` in `${{{body}}}`");
        }

        var (whenTrue, whenFalse) = SplitAlternatives(afterRight[1..].Trim());
        var a = Expand(left, depth + 1).Trim();
        var b = Expand(right, depth + 1).Trim();
        var result = Compare(a, op, b);
        return Expand(result ? whenTrue : whenFalse ?? string.Empty, depth + 1);
    }

    private static (string Group, string Remainder) TakeGroup(string text)
    {
        text = text.TrimStart();
        var end = text.StartsWith('{') ? MatchingClose(text, 0, '{', '}') : -1;
        if (end < 0)
        {
            throw new ExpansionException($"expected `{{…}}` in `{text}`");
        }

        return (text[1..end], text[(end + 1)..]);
    }

    private static bool Compare(string a, string op, string b)
    {
        int order;
        var level = op.EndsWith("level", StringComparison.Ordinal);
        var symbol = level ? op[..^"level".Length] : op;
        if (level)
        {
            order = CompareLevels(a, b);
        }
        else if (a.Length > 0 && b.Length > 0 && a.All(char.IsAsciiDigit) && b.All(char.IsAsciiDigit))
        {
            order = decimal.Parse(a).CompareTo(decimal.Parse(b));
        }
        else
        {
            order = string.CompareOrdinal(a, b);
        }

        return symbol switch
        {
            "==" => order == 0,
            "!=" => order != 0,
            "<" => order < 0,
            "<=" => order <= 0,
            ">" => order > 0,
            ">=" => order >= 0,
            _ => throw new ExpansionException($"unknown comparison `{op}`"),
        };
    }

    /// <summary>Compatibility levels compare per component, so 3.10 is above 3.9.</summary>
    internal static int CompareLevels(string a, string b)
    {
        var pa = a.Split('.');
        var pb = b.Split('.');
        for (var i = 0; i < Math.Max(pa.Length, pb.Length); i++)
        {
            var x = i < pa.Length && int.TryParse(pa[i], out var xi) ? xi : 0;
            var y = i < pb.Length && int.TryParse(pb[i], out var yi) ? yi : 0;
            if (x != y)
            {
                return x.CompareTo(y);
            }
        }

        return 0;
    }

    private string Value(string name, int depth)
    {
        var raw = _lookup(name);
        if (raw is null)
        {
            Undefined.Add(name);
            return string.Empty;
        }

        return Expand(raw, depth + 1);
    }

    private static int MatchingClose(string text, int openIndex, char open, char close)
    {
        var level = 0;
        for (var i = openIndex; i < text.Length; i++)
        {
            if (text[i] == open)
            {
                level++;
            }
            else if (text[i] == close && --level == 0)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Every parameter name a value refers to as <c>$name</c>, <c>${name…}</c> or <c>$(name)</c>, without expanding.</summary>
    public static IEnumerable<string> ReferencedNames(string value)
    {
        for (var i = value.IndexOf('$'); i >= 0 && i + 1 < value.Length; i = value.IndexOf('$', i + 1))
        {
            var start = value[i + 1] is '{' or '(' ? i + 2 : i + 1;
            var end = start;
            while (end < value.Length && IsNameChar(value[end]))
            {
                end++;
            }

            if (end > start)
            {
                yield return value[start..end];
            }
        }
    }

    private static bool IsNameChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';

    private sealed class ExpansionException(string message) : Exception(message);
}
