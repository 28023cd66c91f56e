namespace Interactive.DlExt.Tests.Tensors;

/// <summary>Random inputs and helpers shared by the kernel tests.</summary>
internal static class KernelTestData
{
    public static float[] Random(int length, ulong seed, double scale = 1)
    {
        var random = new RandomSource(seed);
        var values = new float[length];
        for (var i = 0; i < length; i++)
        {
            values[i] = (float)(random.NextGaussian() * scale);
        }

        return values;
    }

    /// <summary>Every SIMD path this CPU can run, widest first.</summary>
    public static IEnumerable<SimdPath> Paths()
    {
        for (var p = Simd.Best; p >= SimdPath.Scalar; p--)
        {
            yield return p;
        }
    }

    /// <summary>Runs <paramref name="action"/> with <paramref name="path"/> forced on this thread.</summary>
    public static T With<T>(SimdPath path, Func<T> action)
    {
        var before = Simd.Forced;
        Simd.Forced = path;
        try
        {
            return action();
        }
        finally
        {
            Simd.Forced = before;
        }
    }

    public static void AssertSameBits(float[] expected, float[] actual, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            if (BitConverter.SingleToInt32Bits(expected[i]) != BitConverter.SingleToInt32Bits(actual[i]))
            {
                Assert.Fail($"{what}: element {i} differs: {expected[i]:R} vs {actual[i]:R}");
            }
        }
    }

    public static void AssertClose(double expected, float actual, double tolerance, string what)
    {
        if (!(Math.Abs(expected - actual) <= tolerance))
        {
            Assert.Fail($"{what}: expected {expected:G9}, got {actual:G9} (tolerance {tolerance:G3})");
        }
    }
}
