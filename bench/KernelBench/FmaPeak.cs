using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

/// <summary>
/// Measures the machine's FMA peak, the denominator of "≥ 75 % of the FMA peak": every thread runs twelve
/// independent chains of 512-bit (or 256-bit) fused multiply-adds held in registers, with no memory traffic,
/// for about a second, all threads at once. GFLOP/s counts a fused multiply-add as two operations per lane.
/// </summary>
internal static class FmaPeak
{
    private const long Iterations = 20_000_000;
    private const int Chains = 12;

    public static void Run(int threads)
    {
        var results = AllThreads.Measure(threads, index => () =>
        {
            var best = 0.0;
            var clock = Stopwatch.StartNew();
            while (clock.ElapsedMilliseconds < 1000)
            {
                var begin = Stopwatch.GetTimestamp();
                var sink = Vector512.IsHardwareAccelerated ? Chain512(index) : Chain256(index);
                var seconds = Stopwatch.GetElapsedTime(begin).TotalSeconds;
                var lanes = Vector512.IsHardwareAccelerated ? 16 : 8;
                best = Math.Max(best, Iterations * Chains * lanes * 2 / seconds / 1e9);
                GC.KeepAlive(sink);
            }

            return best;
        });

        var width = Vector512.IsHardwareAccelerated ? 512 : 256;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"fma_peak threads={threads} width={width} per_thread_gflops={string.Join(",", results.Select(r => r.ToString("F1", CultureInfo.InvariantCulture)))} total_gflops={results.Sum():F1}"));
    }

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static float Chain512(int seed)
    {
        var b = Vector512.Create(0.999_999f);
        var c = Vector512.Create(1e-7f);
        Vector512<float> a0 = Vector512.Create(1.00f + seed), a1 = Vector512.Create(1.01f), a2 = Vector512.Create(1.02f),
            a3 = Vector512.Create(1.03f), a4 = Vector512.Create(1.04f), a5 = Vector512.Create(1.05f),
            a6 = Vector512.Create(1.06f), a7 = Vector512.Create(1.07f), a8 = Vector512.Create(1.08f),
            a9 = Vector512.Create(1.09f), a10 = Vector512.Create(1.10f), a11 = Vector512.Create(1.11f);
        for (long i = 0; i < Iterations; i++)
        {
            a0 = Vector512.FusedMultiplyAdd(a0, b, c);
            a1 = Vector512.FusedMultiplyAdd(a1, b, c);
            a2 = Vector512.FusedMultiplyAdd(a2, b, c);
            a3 = Vector512.FusedMultiplyAdd(a3, b, c);
            a4 = Vector512.FusedMultiplyAdd(a4, b, c);
            a5 = Vector512.FusedMultiplyAdd(a5, b, c);
            a6 = Vector512.FusedMultiplyAdd(a6, b, c);
            a7 = Vector512.FusedMultiplyAdd(a7, b, c);
            a8 = Vector512.FusedMultiplyAdd(a8, b, c);
            a9 = Vector512.FusedMultiplyAdd(a9, b, c);
            a10 = Vector512.FusedMultiplyAdd(a10, b, c);
            a11 = Vector512.FusedMultiplyAdd(a11, b, c);
        }

        return Vector512.Sum(a0 + a1 + a2 + a3 + a4 + a5 + a6 + a7 + a8 + a9 + a10 + a11);
    }

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static float Chain256(int seed)
    {
        var b = Vector256.Create(0.999_999f);
        var c = Vector256.Create(1e-7f);
        Vector256<float> a0 = Vector256.Create(1.00f + seed), a1 = Vector256.Create(1.01f), a2 = Vector256.Create(1.02f),
            a3 = Vector256.Create(1.03f), a4 = Vector256.Create(1.04f), a5 = Vector256.Create(1.05f),
            a6 = Vector256.Create(1.06f), a7 = Vector256.Create(1.07f), a8 = Vector256.Create(1.08f),
            a9 = Vector256.Create(1.09f), a10 = Vector256.Create(1.10f), a11 = Vector256.Create(1.11f);
        for (long i = 0; i < Iterations; i++)
        {
            a0 = Vector256.FusedMultiplyAdd(a0, b, c);
            a1 = Vector256.FusedMultiplyAdd(a1, b, c);
            a2 = Vector256.FusedMultiplyAdd(a2, b, c);
            a3 = Vector256.FusedMultiplyAdd(a3, b, c);
            a4 = Vector256.FusedMultiplyAdd(a4, b, c);
            a5 = Vector256.FusedMultiplyAdd(a5, b, c);
            a6 = Vector256.FusedMultiplyAdd(a6, b, c);
            a7 = Vector256.FusedMultiplyAdd(a7, b, c);
            a8 = Vector256.FusedMultiplyAdd(a8, b, c);
            a9 = Vector256.FusedMultiplyAdd(a9, b, c);
            a10 = Vector256.FusedMultiplyAdd(a10, b, c);
            a11 = Vector256.FusedMultiplyAdd(a11, b, c);
        }

        return Vector256.Sum(a0 + a1 + a2 + a3 + a4 + a5 + a6 + a7 + a8 + a9 + a10 + a11);
    }
}
