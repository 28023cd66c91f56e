using System.Diagnostics;
using Interactive.DlExt;

/// <summary>
/// Times every GEMM tiling on the MLP's real GEMM shapes (784-512-256-10 at batch 64 and 256: forward NT, weight
/// gradient TN, input gradient NN) at each thread count, in interleaved rounds (round 1 runs every tiling, then
/// round 2 ...) so that load from other processes falls on all of them alike. Prints each round's sum of per-shape
/// medians, then per tiling the median over rounds of that sum and of each shape, and the tuner's own choice.
/// </summary>
internal static class TileBench
{
    private const int Calls = 15;
    private static readonly int[] Depths = [64, 128, 256];

    public static void Run(int[] threadCounts, int rounds)
    {
        Console.WriteLine($"tiles cpu: {CpuFacts.Current}");
        Console.WriteLine($"tiles tuner picks: {GemmTuning.Reason}");
        var tilings = (from rows in GemmTiling.TileRows from depth in Depths select new GemmTiling(rows, depth)).ToArray();
        var shapes = Shapes().ToArray();
        foreach (var threads in threadCounts)
        {
            using var pool = new ComputePool(threads);
            var operands = shapes.Select(s => (A: Fill(s.M * s.K), B: Fill(s.K * s.N), C: new float[s.M * s.N])).ToArray();
            var perShape = new double[tilings.Length, shapes.Length, rounds];
            var sums = new double[tilings.Length, rounds];
            for (var round = 0; round < rounds; round++)
            {
                for (var t = 0; t < tilings.Length; t++)
                {
                    GemmTuning.Forced = tilings[t];
                    for (var s = 0; s < shapes.Length; s++)
                    {
                        var (_, ta, tb, m, n, k) = shapes[s];
                        var (a, b, c) = operands[s];
                        perShape[t, s, round] = MedianMs(() => Interactive.DlExt.Gemm.Multiply(pool, ta, tb, m, n, k, a, 0, b, 0, c, 0));
                        sums[t, round] += perShape[t, s, round];
                    }

                    GemmTuning.Forced = null;
                    Console.WriteLine(FormattableString.Invariant($"tiles round={round + 1} threads={threads} tiling={tilings[t]} mlp_gemm_sum_ms={sums[t, round]:F3}"));
                }
            }

            for (var t = 0; t < tilings.Length; t++)
            {
                var sum = Median(Enumerable.Range(0, rounds).Select(r => sums[t, r]));
                var flops = shapes.Sum(s => 2.0 * s.M * s.N * s.K);
                Console.WriteLine(FormattableString.Invariant(
                    $"tiles summary threads={threads} tiling={tilings[t],-10} median_sum_ms={sum:F3} gflops={flops / (sum * 1e6):F1}{(tilings[t] == GemmTuning.Automatic ? "  <- tuner's choice" : string.Empty)}"));
            }

            for (var s = 0; s < shapes.Length; s++)
            {
                var cells = string.Join(" ", Enumerable.Range(0, tilings.Length).Select(t =>
                    FormattableString.Invariant($"{tilings[t]}={Median(Enumerable.Range(0, rounds).Select(r => perShape[t, s, r])):F4}")));
                Console.WriteLine($"tiles shape threads={threads} {shapes[s].Name,-22} {cells}");
            }
        }
    }

    private static IEnumerable<(string Name, bool TransposeA, bool TransposeB, int M, int N, int K)> Shapes()
    {
        foreach (var batch in new[] { 64, 256 })
        {
            foreach (var (inputs, outputs) in new[] { (784, 512), (512, 256), (256, 10) })
            {
                yield return ($"fwd {inputs}->{outputs} b{batch} NT", false, true, batch, outputs, inputs);
                yield return ($"dW  {inputs}->{outputs} b{batch} TN", true, false, outputs, inputs, batch);
                yield return ($"dX  {inputs}->{outputs} b{batch} NN", false, false, batch, inputs, outputs);
            }
        }
    }

    private static double MedianMs(Action action)
    {
        for (var i = 0; i < 3; i++)
        {
            action();
        }

        var times = new double[Calls];
        for (var i = 0; i < Calls; i++)
        {
            var start = Stopwatch.GetTimestamp();
            action();
            times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        return Median(times);
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static float[] Fill(int length)
    {
        var random = new RandomSource(5);
        var values = new float[length];
        for (var i = 0; i < length; i++)
        {
            values[i] = (float)random.NextGaussian();
        }

        return values;
    }
}
