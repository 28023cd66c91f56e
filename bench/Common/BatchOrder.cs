namespace Interactive.DlExt.Bench;

/// <summary>
/// The order in which epoch e of a benchmark visits the training samples, shared by both engines so
/// that they see exactly the same batches.
/// </summary>
/// <remarks>
/// The generator is written out here (rather than taken from either engine) so that anyone can
/// reproduce it in a few lines:
/// <list type="number">
/// <item>s = seed XOR (0x9E3779B97F4A7C15 · (epoch + 1)) mod 2⁶⁴, then one SplitMix64 step gives s'.</item>
/// <item>xoshiro256** is seeded with four successive SplitMix64 outputs starting from s'.</item>
/// <item>Fisher–Yates from the top: for i = n−1 down to 1, j = uniform in [0, i], swap(i, j). The bound
/// is unbiased: draws r below (2⁶⁴ − (i+1)) mod (i+1) are rejected, then j = r mod (i+1).</item>
/// </list>
/// This is, step for step, <c>RandomSource.Derive(seed, epoch).Permutation(n)</c> of the engine, which
/// its <c>DataLoader</c> uses for shuffled epochs; the <c>order</c> mode of each bench prints a prefix so
/// that the two can be compared.
/// </remarks>
public static class BatchOrder
{
    private const ulong GoldenGamma = 0x9E3779B97F4A7C15UL;

    /// <summary>A permutation of 0..<paramref name="count"/>−1 for epoch <paramref name="epoch"/> (0-based).</summary>
    public static int[] Permutation(ulong seed, int epoch, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(epoch);
        ArgumentOutOfRangeException.ThrowIfNegative(count);

        var mixer = seed ^ (GoldenGamma * ((ulong)epoch + 1));
        var generator = new Xoshiro256StarStar(SplitMix64(ref mixer));
        var order = new int[count];
        for (var i = 0; i < count; i++)
        {
            order[i] = i;
        }

        for (var i = count - 1; i > 0; i--)
        {
            var j = generator.NextBelow((ulong)i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }

        return order;
    }

    private static ulong SplitMix64(ref ulong state)
    {
        state += GoldenGamma;
        var z = state;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>xoshiro256** (Blackman and Vigna, 2018), seeded through SplitMix64 as its authors advise.</summary>
    private struct Xoshiro256StarStar
    {
        private ulong _s0, _s1, _s2, _s3;

        public Xoshiro256StarStar(ulong seed)
        {
            _s0 = SplitMix64(ref seed);
            _s1 = SplitMix64(ref seed);
            _s2 = SplitMix64(ref seed);
            _s3 = SplitMix64(ref seed);
        }

        public ulong Next()
        {
            var result = ulong.RotateLeft(_s1 * 5, 7) * 9;
            var t = _s1 << 17;
            _s2 ^= _s0;
            _s3 ^= _s1;
            _s1 ^= _s2;
            _s0 ^= _s3;
            _s2 ^= t;
            _s3 = ulong.RotateLeft(_s3, 45);
            return result;
        }

        /// <summary>Uniform in [0, bound): rejects the lowest (2⁶⁴ mod bound) values so that every residue is equally likely.</summary>
        public int NextBelow(ulong bound)
        {
            var threshold = (0UL - bound) % bound;
            while (true)
            {
                var r = Next();
                if (r >= threshold)
                {
                    return (int)(r % bound);
                }
            }
        }
    }
}
