using Tlslint.Text;

namespace Tlslint.Tls.OpenSsl;

/// <summary>
/// OpenSSL 3.0's cipher-string evaluation (<c>SSL_CTX_set_cipher_list</c>, <c>ssl_create_cipher_list</c>), ported
/// from its behaviour: the SUITEB and DEFAULT prefixes, the tokenizer with its exact character classes, the five list
/// operations, <c>@STRENGTH</c>, <c>@SECLEVEL=n</c>, both errors, and the TLS 1.3 part. No regular expressions; one
/// pass over the string with span lookups.
/// </summary>
public static class CipherString
{
    private static readonly string[] ObsoleteWords =
    [
        "EXP", "EXPORT", "EXPORT40", "EXPORT56", "EXPORT1024", "DES", "SSLv2", "kECDH", "kECDHr", "kECDHe", "aECDH", "kDH",
        "kDHr", "kDHd", "aDH", "ECCdraft", "KRB5", "kKRB5", "aKRB5", "FZA", "kFZA", "aFZA", "eFZA", "kEDH-RSA",
    ];

    /// <summary>Evaluates <paramref name="cipherString"/> as OpenSSL on <paramref name="build"/> would.</summary>
    /// <param name="cipherString">The string handed to <c>SSL_CTX_set_cipher_list</c>.</param>
    /// <param name="build">The OpenSSL build to evaluate on.</param>
    /// <param name="tls13Suites">The TLS 1.3 list (<c>SSL_CTX_set_ciphersuites</c>), or null for the library default.</param>
    /// <param name="securityLevel">
    /// The level the context has before the string is applied (a product's own <c>SSL_CTX_set_security_level</c>, a
    /// system configuration); null for the build's default. An <c>@SECLEVEL=n</c> in the string overrides it.
    /// </param>
    public static CipherListResult Evaluate(string cipherString, OpenSslBuild build, string? tls13Suites = null, int? securityLevel = null)
    {
        ArgumentNullException.ThrowIfNull(cipherString);
        var prepared = build.Prepared;
        var tls13 = tls13Suites is null ? null : Tls13Suites.Evaluate(tls13Suites, build);
        var tls13List = tls13?.Suites ?? prepared.DefaultTls13;
        var run = new Run(prepared, cipherString, diagnose: true);

        var text = cipherString;
        var start = 0;
        var suiteB = SuiteBReplacement(cipherString, out var prefixLength);
        if (suiteB is not null)
        {
            run.Note(CipherDiagnosticKind.SuiteB, 0, cipherString[..prefixLength],
                prefixLength < cipherString.Length
                    ? $"`{cipherString[..prefixLength]}` replaces the whole string with `{suiteB}`; the rest is ignored"
                    : $"`{cipherString[..prefixLength]}` selects only `{suiteB}`");
            text = suiteB;
            run = new Run(prepared, suiteB, diagnose: false) { Diagnostics = run.Diagnostics };
        }

        CipherListState state;
        var ok = true;
        if (suiteB is null && text.StartsWith("DEFAULT", StringComparison.Ordinal))
        {
            state = prepared.AfterDefault.Clone();
            start = 7;
            if (start < text.Length && text[start] == ':')
            {
                start++;
            }
        }
        else
        {
            state = CipherListState.FromDefaultOrder(prepared);
        }

        if (start < text.Length)
        {
            ok = run.Process(state, start);
        }

        var level = run.SecurityLevel ?? securityLevel ?? build.DefaultSecurityLevel;
        var ciphers = new List<CipherSuite>();
        if (ok)
        {
            for (var i = 0; i < state.Count; i++)
            {
                var index = state.Order[i];
                if (state.Active[index])
                {
                    ciphers.Add(prepared.Suites[index]);
                }
            }
        }

        var error = CipherListError.None;
        if (!ok)
        {
            error = CipherListError.InvalidCommand;
        }
        else if (ciphers.Count == 0 && !tls13List.Any(s => s.MinTls < ProtocolNumbers.Tls13))
        {
            error = CipherListError.NoCipherMatch;
            run.Note(CipherDiagnosticKind.NoCipherMatch, 0, cipherString,
                cipherString.Length == 0
                    ? "an empty cipher string selects nothing, so OpenSSL rejects it (no cipher match)"
                    : $"`{cipherString}` selects no TLS 1.2-or-older suite on {build.Name}, so OpenSSL rejects it (no cipher match)");
        }

        return new CipherListResult
        {
            Build = build,
            CipherString = cipherString,
            Tls13String = tls13Suites,
            Error = error,
            Tls13Error = tls13?.Error ?? CipherListError.None,
            Ciphers = error == CipherListError.None ? ciphers : [],
            Tls13 = error == CipherListError.None ? tls13List : [],
            SecurityLevel = level,
            SecurityLevelOffset = suiteB is null ? run.SecurityLevelOffset : null,
            SuiteB = suiteB is not null,
            Diagnostics = (IReadOnlyList<CipherDiagnostic>?)run.Diagnostics ?? [],
            Tls13Diagnostics = tls13?.Diagnostics ?? [],
        };
    }

    /// <summary>The state after the DEFAULT prefix's expansion, once per build.</summary>
    internal static CipherListState RunDefault(PreparedBuild prepared)
    {
        var state = CipherListState.FromDefaultOrder(prepared);
        new Run(prepared, CipherTable.DefaultCipherList, diagnose: false).Process(state, 0);
        return state;
    }

    /// <summary>check_suiteb_cipher_list: a prefix test on the whole string, which it then replaces.</summary>
    private static string? SuiteBReplacement(string s, out int prefixLength)
    {
        (string Prefix, string List)[] table =
        [
            ("SUITEB128ONLY", "ECDHE-ECDSA-AES128-GCM-SHA256"),
            ("SUITEB128C2", "ECDHE-ECDSA-AES256-GCM-SHA384"),
            ("SUITEB128", "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384"),
            ("SUITEB192", "ECDHE-ECDSA-AES256-GCM-SHA384"),
        ];
        foreach (var (prefix, list) in table)
        {
            if (s.StartsWith(prefix, StringComparison.Ordinal))
            {
                prefixLength = prefix.Length;
                return list;
            }
        }

        prefixLength = 0;
        return null;
    }

    /// <summary>OpenSSL's separators: exactly colon, space, semicolon and comma.</summary>
    internal static bool IsSeparator(char c) => c is ':' or ' ' or ';' or ',';

    /// <summary>OpenSSL's word characters: ASCII letters and digits, <c>-</c>, <c>.</c> and <c>=</c>.</summary>
    internal static bool IsWordChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '=';

    /// <summary>One pass of ssl_cipher_process_rulestr over a string, with what it notices.</summary>
    private sealed class Run(PreparedBuild prepared, string text, bool diagnose)
    {
        public List<CipherDiagnostic>? Diagnostics { get; set; }

        public int? SecurityLevel { get; private set; }

        public int? SecurityLevelOffset { get; private set; }

        public void Note(CipherDiagnosticKind kind, int offset, string token, string message, string? suggestion = null, string op = "")
        {
            (Diagnostics ??= []).Add(new CipherDiagnostic(kind, offset, token, message, suggestion, op));
        }

        /// <summary>Returns false on "invalid command" (the string is then rejected whatever else it selected).</summary>
        public bool Process(CipherListState state, int pos)
        {
            var s = text.AsSpan();
            var result = true;
            while (pos < s.Length)
            {
                var ch = s[pos];
                var termStart = pos;
                RuleOperation op;
                var special = false;
                switch (ch)
                {
                    case '-': op = RuleOperation.Delete; pos++; break;
                    case '+': op = RuleOperation.Order; pos++; break;
                    case '!': op = RuleOperation.Kill; pos++; break;
                    case '@': op = RuleOperation.Add; special = true; pos++; break;
                    default: op = RuleOperation.Add; break;
                }

                // OpenSSL tests the character seen before the operator was consumed.
                if (IsSeparator(ch))
                {
                    pos++;
                    continue;
                }

                var c = default(Criteria);
                var found = false;
                var wordStart = pos;
                var wordLength = 0;
                var words = 0;
                var failedWordStart = -1;
                var emptyCombination = false;
                while (true)
                {
                    wordStart = pos;
                    while (pos < s.Length && IsWordChar(s[pos]))
                    {
                        pos++;
                    }

                    wordLength = pos - wordStart;
                    if (wordLength == 0)
                    {
                        if (diagnose)
                        {
                            InvalidWord(s, termStart, pos);
                        }

                        return false;
                    }

                    if (special)
                    {
                        break;
                    }

                    var multi = pos < s.Length && s[pos] == '+';
                    if (multi)
                    {
                        pos++;
                    }

                    words++;
                    found = false;
                    c.Id = 0;
                    if (!prepared.Lookup.TryGetValue(s.Slice(wordStart, wordLength), out var w))
                    {
                        failedWordStart = wordStart;
                        break;
                    }

                    if (!Combine(ref c, in w))
                    {
                        emptyCombination = true;
                        break;
                    }

                    found = true;
                    if (!multi)
                    {
                        break;
                    }
                }

                if (special)
                {
                    if (!Special(state, s, termStart, wordStart, wordLength))
                    {
                        result = false;
                    }

                    pos = SkipToSeparator(s, pos, termStart, wordStart + wordLength, afterCommand: true);
                }
                else if (found)
                {
                    var matched = state.Apply(op, in c);
                    if (diagnose)
                    {
                        Applied(state, s, op, termStart, pos, words, in c, matched);
                    }
                }
                else
                {
                    var end = SkipToSeparator(s, pos, termStart, failedWordStart, afterCommand: false);
                    if (diagnose)
                    {
                        NotFound(s, op, termStart, end, failedWordStart, emptyCombination);
                    }

                    pos = end;
                }
            }

            return result;
        }

        /// <summary>ANDs a word's masks into the term's; false when a field becomes empty (the term is then ignored).</summary>
        private static bool Combine(ref Criteria c, in Word w)
        {
            if (!And(ref c.KeyExchange, w.KeyExchange) || !And(ref c.Authentication, w.Authentication)
                || !And(ref c.Encryption, w.Encryption) || !And(ref c.Mac, w.Mac))
            {
                return false;
            }

            const uint strongMask = 0x1F;
            const uint defaultMask = 0x20;
            if ((w.Strength & strongMask) != 0)
            {
                if ((c.Strength & strongMask) != 0)
                {
                    c.Strength &= (w.Strength & strongMask) | ~strongMask;
                    if ((c.Strength & strongMask) == 0)
                    {
                        return false;
                    }
                }
                else
                {
                    // OpenSSL assigns here, which drops a NOT_DEFAULT bit an earlier word set.
                    c.Strength = w.Strength & strongMask;
                }
            }

            if ((w.Strength & defaultMask) != 0)
            {
                if ((c.Strength & defaultMask) != 0)
                {
                    c.Strength &= (w.Strength & defaultMask) | ~defaultMask;
                    if ((c.Strength & defaultMask) == 0)
                    {
                        return false;
                    }
                }
                else
                {
                    c.Strength |= w.Strength & defaultMask;
                }
            }

            if (w.IsSuite)
            {
                // A suite name's own version is not a criterion; its id is.
                c.Id = w.Id;
            }
            else if (w.MinTls != 0)
            {
                if (c.MinTls != 0 && c.MinTls != w.MinTls)
                {
                    return false;
                }

                c.MinTls = w.MinTls;
            }

            return true;
        }

        private static bool And(ref uint field, uint mask)
        {
            if (mask == 0)
            {
                return true;
            }

            field = field == 0 ? mask : field & mask;
            return field != 0;
        }

        private bool Special(CipherListState state, ReadOnlySpan<char> s, int termStart, int wordStart, int wordLength)
        {
            var word = s.Slice(wordStart, wordLength);
            if (word.SequenceEqual("STRENGTH"))
            {
                state.SortByStrength();
                return true;
            }

            if (wordLength == 10 && word.StartsWith("SECLEVEL=") && word[9] is >= '0' and <= '5')
            {
                SecurityLevel = word[9] - '0';
                SecurityLevelOffset = termStart;
                if (diagnose)
                {
                    Note(CipherDiagnosticKind.SecurityLevel, termStart, s.Slice(termStart, wordStart + wordLength - termStart).ToString(),
                        $"`@SECLEVEL={SecurityLevel}` sets security level {SecurityLevel} for the whole connection", op: "@");
                }

                return true;
            }

            if (diagnose)
            {
                Note(CipherDiagnosticKind.InvalidCommand, termStart, s.Slice(termStart, wordStart + wordLength - termStart).ToString(),
                    $"`@{word}` is not a command (only `@STRENGTH` and `@SECLEVEL=0` to `@SECLEVEL=5` exist), so OpenSSL rejects the string (invalid command)",
                    op: "@");
            }

            return false;
        }

        /// <summary>After an unknown word or an @ command, OpenSSL discards everything up to the next separator.</summary>
        private int SkipToSeparator(ReadOnlySpan<char> s, int pos, int termStart, int wordEnd, bool afterCommand)
        {
            var skipFrom = pos;
            while (pos < s.Length && !IsSeparator(s[pos]))
            {
                pos++;
            }

            if (diagnose && afterCommand && pos > skipFrom)
            {
                var glued = s[skipFrom..pos].ToString();
                Note(CipherDiagnosticKind.TextSkipped, skipFrom, glued,
                    $"`{glued}` is glued to `{s[termStart..wordEnd]}` and never runs; put a `:` before it", op: "@");
            }

            return pos;
        }

        private void InvalidWord(ReadOnlySpan<char> s, int termStart, int pos)
        {
            if (pos >= s.Length)
            {
                var term = s[termStart..].ToString();
                Note(CipherDiagnosticKind.InvalidCommand, termStart, term,
                    $"`{term}` at the end is not followed by a word, so OpenSSL rejects the string (invalid command)");
                return;
            }

            var bad = s[pos];
            var name = bad switch
            {
                '\t' => "a tab",
                '\n' or '\r' => "a line break",
                _ => $"`{bad}`",
            };
            var message = pos > termStart && s[pos - 1] is '+' or '!' or '-' or '@'
                ? $"`{s[pos - 1]}` is followed by {name} instead of a word, so OpenSSL rejects the string (invalid command)"
                : $"{name} is neither a word character nor a separator (`:`, `,`, `;`, space), so OpenSSL rejects the string (invalid command)";
            Note(CipherDiagnosticKind.InvalidCommand, pos, bad.ToString(), message);
        }

        private void Applied(CipherListState state, ReadOnlySpan<char> s, RuleOperation op, int termStart, int end, int words,
            in Criteria c, int matched)
        {
            var opText = OperatorText(op);
            var wordStart = termStart + opText.Length;
            var term = s[wordStart..end].ToString();
            if (words == 1 && op is RuleOperation.Kill or RuleOperation.Delete
                && prepared.Words.TryGetValue(term, out var w) && w.Alias is { IsProtocolVersion: true })
            {
                Note(CipherDiagnosticKind.ProtocolAliasAsSwitch, termStart, opText + term,
                    $"`{opText}{term}` removes the suites introduced in {term}, not the {term} protocol; set the protocol list instead",
                    op: opText);
            }

            // An exclusion that finds nothing is harmless (`!RC4` where there is no RC4); an addition that finds nothing is not.
            if (matched > 0 || op is RuleOperation.Kill or RuleOperation.Delete)
            {
                return;
            }

            var why = state.AnyKilledMatches(in c)
                ? "an earlier `!` removed them for good"
                : words > 1 ? $"no suite of this build has all of them" : $"this build ({prepared.Build.Name}) has no such suite";
            Note(CipherDiagnosticKind.MatchedNothing, termStart, opText + term, $"`{opText}{term}` matches nothing: {why}", op: opText);
        }

        private void NotFound(ReadOnlySpan<char> s, RuleOperation op, int termStart, int end, int failedWordStart, bool emptyCombination)
        {
            var opText = OperatorText(op);
            var term = s[(termStart + opText.Length)..end].ToString();
            if (emptyCombination)
            {
                Note(CipherDiagnosticKind.EmptyCombination, termStart, opText + term,
                    $"`{term}` combines words that share no suite, so OpenSSL ignores the term", op: opText);
                return;
            }

            var wordEnd = failedWordStart;
            while (wordEnd < end && IsWordChar(s[wordEnd]))
            {
                wordEnd++;
            }

            var word = s[failedWordStart..wordEnd].ToString();
            var rest = s[wordEnd..end].ToString();
            if (rest.StartsWith('+'))
            {
                rest = string.Empty;
            }

            if (word == "DEFAULT")
            {
                Note(CipherDiagnosticKind.DefaultNotFirst, failedWordStart, word,
                    failedWordStart == 0
                        ? "`DEFAULT` is only recognised at the very start of the string"
                        : "`DEFAULT` is only recognised as the first word of the string; here it is an unknown word and does nothing",
                    "DEFAULT", opText);
            }
            else
            {
                var (message, suggestion) = Unknown(word, opText, term);
                var kind = ObsoleteWords.Contains(word, StringComparer.Ordinal) ? CipherDiagnosticKind.ObsoleteWord : CipherDiagnosticKind.UnknownWord;
                Note(kind, failedWordStart, word, message, suggestion, opText);
            }

            if (rest.AsSpan().IndexOfAny("!@+") >= 0)
            {
                var glued = rest[rest.AsSpan().IndexOfAny("!@+")..];
                Note(CipherDiagnosticKind.TextSkipped, end - glued.Length, glued,
                    $"`{glued}` is glued to the unknown word `{word}` and skipped with it; put a `:` before it", op: opText);
            }
        }

        private (string Message, string? Suggestion) Unknown(string word, string opText, string term)
        {
            var effect = opText switch
            {
                "!" or "-" => "so nothing is removed",
                "+" => "so nothing is moved",
                _ => "so nothing is added",
            };
            var whole = term.Length > word.Length && !term.StartsWith(word + "+", StringComparison.Ordinal) ? $" (and the rest of `{term}`)" : string.Empty;
            var skip = $"OpenSSL skips it{whole}, {effect}";
            if (word.StartsWith("TLS", StringComparison.Ordinal) && term.StartsWith("TLS_", StringComparison.Ordinal))
            {
                return ($"`{term}` is an IANA name, which cipher strings do not accept; OpenSSL skips it, {effect}; TLS 1.3 suites go in the TLS 1.3 list", null);
            }

            if (word is "TLSv1.1" or "TLSv1.3")
            {
                return ($"`{word}` is not a cipher alias; {skip}; protocol versions are set elsewhere", null);
            }

            if (ObsoleteWords.Contains(word, StringComparer.Ordinal))
            {
                return ($"`{word}` is no longer a word OpenSSL 3.0 knows (those suites were removed); {skip}", null);
            }

            var full = OpenSslBuild.Full.Prepared;
            if (!ReferenceEquals(full, prepared) && full.Words.ContainsKey(word))
            {
                return ($"`{word}` is unknown to this build ({prepared.Build.Name} lacks those suites); {skip}", null);
            }

            var suggestion = Suggest(word);
            return suggestion is null
                ? ($"`{word}` is not an OpenSSL cipher word; {skip}", null)
                : ($"`{word}` is not an OpenSSL cipher word (did you mean `{suggestion}`? words are case-sensitive); {skip}", suggestion);
        }

        private static string? Suggest(string word)
        {
            var full = OpenSslBuild.Full.Prepared.Words.Keys;
            var sameLetters = full.FirstOrDefault(k => string.Equals(k, word, StringComparison.OrdinalIgnoreCase));
            if (sameLetters is not null)
            {
                return sameLetters;
            }

            if (word.Length < 3)
            {
                return null;
            }

            var limit = word.Length <= 4 ? 2 : 3;
            string? best = null;
            var bestDistance = limit;
            foreach (var alias in CipherTable.Aliases)
            {
                var d = EditDistance.Between(word.ToUpperInvariant(), alias.Name.ToUpperInvariant(), limit);
                if (d < bestDistance)
                {
                    bestDistance = d;
                    best = alias.Name;
                }
            }

            return bestDistance <= (word.Length <= 4 ? 1 : 2) ? best : null;
        }

        private static string OperatorText(RuleOperation op) => op switch
        {
            RuleOperation.Delete => "-",
            RuleOperation.Order => "+",
            RuleOperation.Kill => "!",
            _ => string.Empty,
        };
    }
}
