using System.Diagnostics;
using System.Globalization;
using Interactive.DlExt;

// Prints one line per measurement: best and median milliseconds over repeated calls, and GFLOP/s of the best.
// Modes: gemm, gemmcold (the same MLP shapes with the caches flushed before every call), convgemm, pool, conv, all,
// peak (the machine's FMA peak, see FmaPeak), bandwidth (cache and memory bandwidth, see Bandwidth), and tiles (every GEMM tiling on the MLP shapes, see TileBench).
var what = args.Length > 0 ? args[0] : "all";
var threadCounts = args.Skip(1).Select(a => int.Parse(a, CultureInfo.InvariantCulture)).DefaultIfEmpty(0).ToArray();
if (threadCounts[0] == 0)
{
    threadCounts = [1, 2];
}

if (what is "tiles")
{
    // tiles [threads...]: every GEMM tiling on the MLP shapes, 7 interleaved rounds (DLEXT_BENCH_ROUNDS to change).
    var rounds = int.TryParse(Environment.GetEnvironmentVariable("DLEXT_BENCH_ROUNDS"), CultureInfo.InvariantCulture, out var r) ? r : 7;
    TileBench.Run(threadCounts, rounds);
    return;
}

if (what is "bandwidth")
{
    foreach (var threads in threadCounts)
    {
        Bandwidth.Run(threads);
    }

    return;
}

if (what is "peak")
{
    foreach (var threads in threadCounts)
    {
        FmaPeak.Run(threads);
    }

    return;
}

foreach (var threads in threadCounts)
{
    using var pool = new ComputePool(threads);
    if (what is "convgemm")
    {
        Gemm(pool, "conv fwd per image", true, true, 196, 64, 288);
        Gemm(pool, "conv fwd per image NN", false, false, 196, 64, 288);
        Gemm(pool, "conv dX per image", true, false, 288, 196, 64);
    }

    if (what is "all" or "gemm" or "gemmcold")
    {
        // In a training step a GEMM's operands were last touched a layer or more earlier: between these two.
        var cold = what is "gemmcold";
        foreach (var batch in new[] { 64, 256 })
        {
            // MLP 784-512-256-10 as Linear runs it, weights stored [out, in]: forward x·Wᵀ (NT), weight gradient
            // gᵀ·x (TN), input gradient g·W (NN).
            foreach (var (inputs, outputs) in new[] { (784, 512), (512, 256), (256, 10) })
            {
                Gemm(pool, $"fwd {inputs}->{outputs} b{batch}", false, true, batch, outputs, inputs, cold);
                Gemm(pool, $"dW  {inputs}->{outputs} b{batch}", true, false, outputs, inputs, batch, cold);
                Gemm(pool, $"dX  {inputs}->{outputs} b{batch}", false, false, batch, inputs, outputs, cold);
            }
        }

        if (cold)
        {
            continue;
        }

        Gemm(pool, "square 512", false, false, 512, 512, 512);
        Gemm(pool, "conv fwd per image", true, true, 196, 64, 288);
        Gemm(pool, "conv dX per image", true, false, 288, 196, 64);
    }

    if (what is "all" or "pool")
    {
        // The CNN's first pooling: 64 images × 32 channels of 28×28.
        var geometry = new PoolingGeometry(64 * 32, 28, 28, 2, 2, 0);
        var input = Fill(geometry.Planes * geometry.InputLength, 3);
        var output = new float[geometry.Planes * geometry.OutputLength];
        var argmax = new int[output.Length];
        var (best, median) = Timer.Measure(() => Pooling.MaxForward(pool, geometry, input, output, argmax));
        var (bBest, bMedian) = Timer.Measure(() => Pooling.MaxBackward(pool, geometry, output, argmax, input));
        Console.WriteLine(FormattableString.Invariant(
            $"maxpool threads={pool.Threads} 2048x28x28 k2 fwd_best_ms={best:F3} fwd_median_ms={median:F3} bwd_best_ms={bBest:F3} bwd_median_ms={bMedian:F3}"));
    }

    if (what is "all" or "conv")
    {
        ConvolutionBench.Run(pool, batch: 64, inChannels: 32, outChannels: 64, size: 14, kernel: 3, padding: 1);
        ConvolutionBench.Run(pool, batch: 64, inChannels: 1, outChannels: 32, size: 28, kernel: 3, padding: 1);
    }
}

static void Gemm(ComputePool pool, string name, bool ta, bool tb, int m, int n, int k, bool cold = false)
{
    var a = Fill(m * k, 1);
    var b = Fill(k * n, 2);
    var c = new float[m * n];
    var (best, median) = Timer.Measure(() => Interactive.DlExt.Gemm.Multiply(pool, ta, tb, m, n, k, a, 0, b, 0, c, 0), cold ? CacheFlush.Run : null);
    var gflops = 2.0 * m * n * k / (best * 1e6);
    Console.WriteLine(FormattableString.Invariant(
        $"{(cold ? "gemmcold" : "gemm")} tiling={GemmTuning.Current} threads={pool.Threads} {name,-34} {(ta ? 'T' : 'N')}{(tb ? 'T' : 'N')} m={m} n={n} k={k} best_ms={best:F4} median_ms={median:F4} gflops={gflops:F1}"));
}

static float[] Fill(int length, int seed)
{
    var random = new RandomSource((ulong)seed);
    var values = new float[length];
    for (var i = 0; i < length; i++)
    {
        values[i] = (float)random.NextGaussian();
    }

    return values;
}

/// <summary>Repeats an action for about 300 ms after a warm-up and reports the best and median call
/// (<c>before</c>, if given, runs untimed ahead of each call).</summary>
internal static class Timer
{
    public static (double Best, double Median) Measure(Action action, Action? before = null)
    {
        for (var i = 0; i < 5; i++)
        {
            action();
        }

        var times = new List<double>();
        var total = Stopwatch.StartNew();
        while (total.ElapsedMilliseconds < 300 || times.Count < 10)
        {
            before?.Invoke();
            var start = Stopwatch.GetTimestamp();
            action();
            times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }

        times.Sort();
        return (times[0], times[times.Count / 2]);
    }
}

/// <summary>Evicts the caches: writes one float per cache line of a buffer twice the size of the L3.</summary>
internal static class CacheFlush
{
    private static readonly float[] Buffer = new float[16 << 20];

    public static void Run()
    {
        for (var i = 0; i < Buffer.Length; i += 16)
        {
            Buffer[i] += 1;
        }
    }
}
