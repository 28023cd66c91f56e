using System.Diagnostics;
using Interactive.DlExt.Search;

namespace SweepBench;

/// <summary>
/// The same trials three ways: one at a time on 1 thread, one at a time on 2 threads (intra-batch parallelism),
/// and two at a time on 1 thread each (trial parallelism). The modes alternate round by round so that load from
/// other processes on a shared machine falls on all of them alike; medians are compared. Every mode must give
/// bit-identical trials.
/// </summary>
internal static class Speed
{
    private static readonly (string Label, int Parallelism, int Threads)[] Modes =
    [
        ("parallelism 1, 1 thread per trial ", 1, 1),
        ("parallelism 1, 2 threads per trial", 1, 2),
        ("parallelism 2, 1 thread per trial ", 2, 1),
    ];

    public static void Run(int trials, int epochs, int rounds)
    {
        Console.WriteLine($"digits (1,797 × 64), MLP 64-128-128-10, momentum SGD, batch 32, {trials} trials × {epochs} epochs, {Environment.ProcessorCount} cores, {rounds} rounds");
        Measure(Math.Min(2, trials), 2, 1, 1); // warm-up (JIT), not counted
        var seconds = Modes.Select(_ => new List<double>()).ToArray();
        var cores = Modes.Select(_ => new List<double>()).ToArray();
        var fingerprints = new HashSet<string>(StringComparer.Ordinal);
        for (var r = 0; r < rounds; r++)
        {
            for (var m = 0; m < Modes.Length; m++)
            {
                var (time, cpu, fingerprint) = Measure(trials, epochs, Modes[m].Parallelism, Modes[m].Threads);
                seconds[m].Add(time);
                cores[m].Add(cpu / time);
                fingerprints.Add(fingerprint);
            }
        }

        var medians = seconds.Select(Median).ToArray();
        for (var m = 0; m < Modes.Length; m++)
        {
            Console.WriteLine($"{Modes[m].Label}: median {medians[m],6:F2} s  (runs: {string.Join(", ", seconds[m].Select(s => s.ToString("F2", System.Globalization.CultureInfo.InvariantCulture)))}), "
                + $"cores busy (CPU time / wall) median {Median(cores[m]):F2}");
        }

        Console.WriteLine($"speed-up of 2 parallel trials over sequential (1 thread each): {medians[0] / medians[2]:F2}x");
        Console.WriteLine($"speed-up of 2 parallel trials over 1 trial on 2 threads:      {medians[1] / medians[2]:F2}x");
        Console.WriteLine($"bit-identical trials in every mode and round: {fingerprints.Count == 1}");
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static (double Seconds, double CpuSeconds, string Fingerprint) Measure(int trials, int epochs, int parallelism, int threads)
    {
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        var result = Sweep.Run(BenchSweep.Request(trials, epochs, parallelism, threads));
        var seconds = watch.Elapsed.TotalSeconds;
        process.Refresh();
        var cpuSeconds = (process.TotalProcessorTime - cpu).TotalSeconds;
        if (result.Count(TrialState.Completed) != trials)
        {
            throw new InvalidOperationException($"expected {trials} completed trials: {result}");
        }

        return (seconds, cpuSeconds, BenchSweep.Fingerprint(result.Trials.Select(t => (t.Number, t.State, t.Value))));
    }
}
