namespace Tlslint.Tls.OpenSsl;

/// <summary>
/// OpenSSL's doubly linked cipher list with its "active" flags, as an array of suite indices: every rule is a stable
/// partition of that array (matches to the end for add/order, to the front for delete/bump, out for kill).
/// </summary>
internal sealed class CipherListState
{
    private readonly PreparedBuild _build;
    private readonly int[] _scratch;

    private CipherListState(PreparedBuild build, int[] order, int count, bool[] active, bool[] killed)
    {
        _build = build;
        Order = order;
        Count = count;
        Active = active;
        Killed = killed;
        _scratch = new int[order.Length];
    }

    public int[] Order { get; }

    public int Count { get; private set; }

    /// <summary>By suite index.</summary>
    public bool[] Active { get; }

    /// <summary>By suite index: removed by <c>!X</c>, never to come back.</summary>
    public bool[] Killed { get; }

    public static CipherListState Initial(PreparedBuild build)
    {
        var n = build.Suites.Length;
        var order = new int[n];
        for (var i = 0; i < n; i++)
        {
            order[i] = i;
        }

        return new CipherListState(build, order, n, new bool[n], new bool[n]);
    }

    public static CipherListState FromDefaultOrder(PreparedBuild build)
    {
        var n = build.Suites.Length;
        return new CipherListState(build, (int[])build.DefaultOrder.Clone(), n, new bool[n], new bool[n]);
    }

    public CipherListState Clone() =>
        new(_build, (int[])Order.Clone(), Count, (bool[])Active.Clone(), (bool[])Killed.Clone());

    /// <summary>Applies one rule; returns how many suites in the list matched it (active or not).</summary>
    public int Apply(RuleOperation op, in Criteria c)
    {
        var order = Order;
        var scratch = _scratch;
        var matched = 0;
        var kept = 0;
        var moved = 0;
        for (var i = 0; i < Count; i++)
        {
            var index = order[i];
            if (!Matches(index, in c))
            {
                order[kept++] = index;
                continue;
            }

            matched++;
            switch (op)
            {
                case RuleOperation.Add when !Active[index]:
                    Active[index] = true;
                    scratch[moved++] = index;
                    continue;
                case RuleOperation.Order when Active[index]:
                case RuleOperation.Bump when Active[index]:
                    scratch[moved++] = index;
                    continue;
                case RuleOperation.Delete when Active[index]:
                    Active[index] = false;
                    scratch[moved++] = index;
                    continue;
                case RuleOperation.Kill:
                    Active[index] = false;
                    Killed[index] = true;
                    continue;
                default:
                    order[kept++] = index;
                    continue;
            }
        }

        if (op == RuleOperation.Kill)
        {
            Count = kept;
        }
        else if (op is RuleOperation.Add or RuleOperation.Order)
        {
            Array.Copy(scratch, 0, order, kept, moved);
        }
        else if (moved > 0)
        {
            Array.Copy(order, 0, order, moved, kept);
            Array.Copy(scratch, 0, order, 0, moved);
        }

        return matched;
    }

    /// <summary>
    /// <c>@STRENGTH</c>: for each strength present among the active suites, highest first, move those suites to the end;
    /// that is a stable sort of the active suites by descending strength, behind the inactive ones.
    /// </summary>
    public void SortByStrength()
    {
        var order = Order;
        var scratch = _scratch;
        var bits = _build.Bits;
        var kept = 0;
        var moved = 0;
        var max = -1;
        for (var i = 0; i < Count; i++)
        {
            var index = order[i];
            if (Active[index])
            {
                scratch[moved++] = index;
                max = Math.Max(max, bits[index]);
            }
            else
            {
                order[kept++] = index;
            }
        }

        // Counting pass per distinct value, highest first; values are few (0, 112, 128, 256 …).
        var next = kept;
        var current = max;
        while (current >= 0 && next < Count)
        {
            var lower = -1;
            for (var j = 0; j < moved; j++)
            {
                var b = bits[scratch[j]];
                if (b == current)
                {
                    order[next++] = scratch[j];
                }
                else if (b < current && b > lower)
                {
                    lower = b;
                }
            }

            current = lower;
        }
    }

    /// <summary>Whether any suite removed by an earlier <c>!X</c> would have matched.</summary>
    public bool AnyKilledMatches(in Criteria c)
    {
        for (var i = 0; i < Killed.Length; i++)
        {
            if (Killed[i] && Matches(i, in c))
            {
                return true;
            }
        }

        return false;
    }

    private bool Matches(int i, in Criteria c)
    {
        var b = _build;
        if (c.StrengthBits is { } bits)
        {
            return b.Bits[i] == bits;
        }

        const uint strongMask = 0x1F;
        const uint defaultMask = 0x20;
        return (c.Id == 0 || c.Id == b.Id[i])
            && (c.KeyExchange == 0 || (c.KeyExchange & b.KeyExchange[i]) != 0)
            && (c.Authentication == 0 || (c.Authentication & b.Authentication[i]) != 0)
            && (c.Encryption == 0 || (c.Encryption & b.Encryption[i]) != 0)
            && (c.Mac == 0 || (c.Mac & b.Mac[i]) != 0)
            && (c.MinTls == 0 || c.MinTls == b.MinTls[i])
            && ((c.Strength & strongMask) == 0 || (c.Strength & strongMask & b.Strength[i]) != 0)
            && ((c.Strength & defaultMask) == 0 || (b.Strength[i] & defaultMask) != 0);
    }
}
