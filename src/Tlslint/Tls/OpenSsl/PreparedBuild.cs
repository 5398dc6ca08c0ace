namespace Tlslint.Tls.OpenSsl;

/// <summary>
/// What every evaluation on one build starts from, computed once: the usable TLS 1.2-and-older suites with their masks
/// in flat arrays, OpenSSL's default preference order, the word lookup table, and the state after <c>DEFAULT</c>.
/// </summary>
internal sealed class PreparedBuild
{
    public PreparedBuild(OpenSslBuild build)
    {
        Build = build;

        // ssl_cipher_collect_ciphers walks the id-sorted table from the end: descending id order.
        Suites = CipherTable.Suites.Where(s => !s.IsTls13 && s.MinTls != 0 && build.Offers(s)).OrderByDescending(s => s.Id).ToArray();
        var n = Suites.Length;
        Id = new int[n];
        KeyExchange = new uint[n];
        Authentication = new uint[n];
        Encryption = new uint[n];
        Mac = new uint[n];
        MinTls = new int[n];
        Strength = new uint[n];
        Bits = new int[n];
        for (var i = 0; i < n; i++)
        {
            var s = Suites[i];
            Id[i] = s.Id;
            KeyExchange[i] = (uint)s.KeyExchange;
            Authentication[i] = (uint)s.Authentication;
            Encryption[i] = (uint)s.Encryption;
            Mac[i] = (uint)s.Mac;
            MinTls[i] = s.MinTls;
            Strength[i] = (uint)s.Strength;
            Bits[i] = s.StrengthBits;
        }

        var state = CipherListState.Initial(this);
        ApplyDefaultOrdering(state);
        DefaultOrder = state.Order.AsSpan(0, state.Count).ToArray();

        Words = new Dictionary<string, Word>(StringComparer.Ordinal);
        foreach (var index in DefaultOrder)
        {
            Words.TryAdd(Suites[index].Name, Word.ForSuite(index, Suites[index]));
        }

        foreach (var alias in CipherTable.Aliases.Where(build.Knows))
        {
            Words.TryAdd(alias.Name, Word.ForAlias(alias));
        }

        Lookup = Words.GetAlternateLookup<ReadOnlySpan<char>>();
        AfterDefault = CipherString.RunDefault(this);
        DefaultTls13 = Tls13Suites.Evaluate(CipherTable.DefaultTls13Suites, build).Suites;
    }

    public OpenSslBuild Build { get; }

    public CipherSuite[] Suites { get; }

    public int[] Id { get; }

    public uint[] KeyExchange { get; }

    public uint[] Authentication { get; }

    public uint[] Encryption { get; }

    public uint[] Mac { get; }

    public int[] MinTls { get; }

    public uint[] Strength { get; }

    public int[] Bits { get; }

    /// <summary>Suite indices in OpenSSL's default preference order (all inactive), where every evaluation starts.</summary>
    public int[] DefaultOrder { get; }

    public Dictionary<string, Word> Words { get; }

    public Dictionary<string, Word>.AlternateLookup<ReadOnlySpan<char>> Lookup { get; }

    /// <summary>The list after the <c>DEFAULT</c> prefix's expansion.</summary>
    public CipherListState AfterDefault { get; }

    public IReadOnlyList<CipherSuite> DefaultTls13 { get; }

    /// <summary>
    /// ssl_create_cipher_list's built-in ordering: ECDHE first (ECDSA before RSA), AES-GCM, ChaCha20, other AES, then
    /// everything; MD5, anonymous, static RSA, PSK and RC4 to the end; sort by strength; TLS 1.2 suites, AEAD, (EC)DHE
    /// and (EC)DHE+AEAD bumped to the front; then everything switched off again with the order kept.
    /// </summary>
    private static void ApplyDefaultOrdering(CipherListState s)
    {
        const uint kRsa = (uint)OpenSsl.KeyExchange.Rsa;
        const uint kDhe = (uint)OpenSsl.KeyExchange.Dhe;
        const uint kEcdhe = (uint)OpenSsl.KeyExchange.Ecdhe;
        const uint kPsk = (uint)OpenSsl.KeyExchange.Psk;
        const uint aEcdsa = (uint)OpenSsl.Authentication.Ecdsa;
        const uint aNull = (uint)OpenSsl.Authentication.Null;
        const uint aesGcm = (uint)(OpenSsl.Encryption.Aes128Gcm | OpenSsl.Encryption.Aes256Gcm);
        const uint aes = (uint)(OpenSsl.Encryption.Aes128 | OpenSsl.Encryption.Aes256 | OpenSsl.Encryption.Aes128Gcm
            | OpenSsl.Encryption.Aes256Gcm | OpenSsl.Encryption.Aes128Ccm | OpenSsl.Encryption.Aes256Ccm
            | OpenSsl.Encryption.Aes128Ccm8 | OpenSsl.Encryption.Aes256Ccm8);
        const uint chacha = (uint)OpenSsl.Encryption.ChaCha20Poly1305;
        const uint rc4 = (uint)OpenSsl.Encryption.Rc4;
        const uint md5 = (uint)MacAlgorithm.Md5;
        const uint aead = (uint)MacAlgorithm.Aead;

        s.Apply(RuleOperation.Add, new Criteria { KeyExchange = kEcdhe, Authentication = aEcdsa });
        s.Apply(RuleOperation.Add, new Criteria { KeyExchange = kEcdhe });
        s.Apply(RuleOperation.Delete, new Criteria { KeyExchange = kEcdhe });
        s.Apply(RuleOperation.Add, new Criteria { Encryption = aesGcm });
        s.Apply(RuleOperation.Add, new Criteria { Encryption = chacha });
        s.Apply(RuleOperation.Add, new Criteria { Encryption = aes ^ aesGcm });
        s.Apply(RuleOperation.Add, default);
        s.Apply(RuleOperation.Order, new Criteria { Mac = md5 });
        s.Apply(RuleOperation.Order, new Criteria { Authentication = aNull });
        s.Apply(RuleOperation.Order, new Criteria { KeyExchange = kRsa });
        s.Apply(RuleOperation.Order, new Criteria { KeyExchange = kPsk });
        s.Apply(RuleOperation.Order, new Criteria { Encryption = rc4 });
        s.SortByStrength();
        s.Apply(RuleOperation.Bump, new Criteria { MinTls = ProtocolNumbers.Tls12 });
        s.Apply(RuleOperation.Bump, new Criteria { Mac = aead });
        s.Apply(RuleOperation.Bump, new Criteria { KeyExchange = kDhe | kEcdhe });
        s.Apply(RuleOperation.Bump, new Criteria { KeyExchange = kDhe | kEcdhe, Mac = aead });
        s.Apply(RuleOperation.Delete, default);
    }
}

/// <summary>A word the parser can look up: a suite of this build or a surviving alias, as selection masks.</summary>
internal readonly record struct Word(int SuiteIndex, int Id, uint KeyExchange, uint Authentication, uint Encryption,
    uint Mac, int MinTls, uint Strength, CipherAlias? Alias)
{
    public bool IsSuite => SuiteIndex >= 0;

    public static Word ForSuite(int index, CipherSuite s) =>
        new(index, s.Id, (uint)s.KeyExchange, (uint)s.Authentication, (uint)s.Encryption, (uint)s.Mac, s.MinTls, (uint)s.Strength, null);

    public static Word ForAlias(CipherAlias a) =>
        new(-1, 0, (uint)a.KeyExchange, (uint)a.Authentication, (uint)a.Encryption, (uint)a.Mac, a.MinTls, (uint)a.Strength, a);
}

/// <summary>The selection of one rule: zero fields match anything; <see cref="StrengthBits"/> ≥ 0 selects by strength alone.</summary>
internal struct Criteria
{
    public int Id;
    public uint KeyExchange;
    public uint Authentication;
    public uint Encryption;
    public uint Mac;
    public int MinTls;
    public uint Strength;
    public int? StrengthBits;
}

/// <summary>ssl_cipher_apply_rule's operations.</summary>
internal enum RuleOperation
{
    /// <summary><c>X</c>: switch on the inactive matches, moving them to the end.</summary>
    Add,

    /// <summary><c>+X</c>: move the active matches to the end.</summary>
    Order,

    /// <summary><c>-X</c>: switch off the active matches, moving them to the front.</summary>
    Delete,

    /// <summary><c>!X</c>: remove every match for good.</summary>
    Kill,

    /// <summary>Internal: move the active matches to the front.</summary>
    Bump,
}
