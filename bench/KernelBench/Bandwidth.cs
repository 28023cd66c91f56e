using System.Diagnostics;
using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

/// <summary>
/// Measures the memory bandwidth a training step's memory-bound parts see: every thread streams its own arrays
/// (read two, write one: <c>a = b + s·c</c>, the triad), all threads at once, about half a second per size. Two sizes:
/// 8 MB per thread (the MLP's optimizer state and gradients, 8.6 MB, fit the last-level cache) and 128 MB per
/// thread (main memory). On a shared host the FMA peak stays put while a busy neighbour takes cache and memory
/// bandwidth, so the compare script prints this before and after, next to the peak.
/// </summary>
internal static class Bandwidth
{
    private static readonly (string Name, int Floats)[] Sizes = [("llc", 2 * 1024 * 1024 / 3), ("dram", 32 * 1024 * 1024 / 3)];

    public static void Run(int threads)
    {
        var parts = new List<string>();
        foreach (var (name, floats) in Sizes)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{name}_gbs={Measure(threads, floats):F1}"));
        }

        Console.WriteLine($"bandwidth threads={threads} {string.Join(" ", parts)}");
    }

    // The best all-threads rate (bytes moved per second, summed over threads) over the repetitions.
    private static double Measure(int threads, int floats)
    {
        var results = AllThreads.Measure(threads, _ =>
        {
            var a = new float[floats];
            var b = Enumerable.Repeat(1f, floats).ToArray();
            var c = Enumerable.Repeat(2f, floats).ToArray();
            Triad(a, b, c);
            return () =>
            {
                var best = 0.0;
                var clock = Stopwatch.StartNew();
                while (clock.ElapsedMilliseconds < 500)
                {
                    var begin = Stopwatch.GetTimestamp();
                    Triad(a, b, c);
                    best = Math.Max(best, 3.0 * sizeof(float) * floats / Stopwatch.GetElapsedTime(begin).TotalSeconds / 1e9);
                }

                return best;
            };
        });
        return results.Sum();
    }

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static void Triad(float[] a, float[] b, float[] c)
    {
        var s = new Vector<float>(0.5f);
        Span<Vector<float>> va = MemoryMarshal.Cast<float, Vector<float>>(a.AsSpan());
        ReadOnlySpan<Vector<float>> vb = MemoryMarshal.Cast<float, Vector<float>>(b.AsSpan());
        ReadOnlySpan<Vector<float>> vc = MemoryMarshal.Cast<float, Vector<float>>(c.AsSpan());
        for (var i = 0; i < va.Length; i++)
        {
            va[i] = vb[i] + (s * vc[i]);
        }
    }
}
