using System.Globalization;

namespace Interactive.DlExt.Bench;

/// <summary>The epochs of a <c>train</c> run, the same on both benches: each printed as an <c>EPOCH</c> line when it
/// ends, then joined into the <c>RESULT</c> line's <c>epoch_ms</c>, <c>samples_per_s</c> and <c>epoch_mean_loss</c>.</summary>
internal sealed class EpochLog
{
    private readonly List<double> _milliseconds = [];
    private readonly List<double> _meanLosses = [];

    /// <summary>Records epoch <paramref name="epoch"/> and prints its line.</summary>
    public void Add(int epoch, double milliseconds, double meanLoss, double lastLoss)
    {
        _milliseconds.Add(milliseconds);
        _meanLosses.Add(meanLoss);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"EPOCH {epoch} ms={milliseconds:F0} mean_loss={meanLoss:F4} last_loss={lastLoss:F4} jit_ms={JitMilliseconds:F0}"));
    }

    /// <summary>Milliseconds the JIT compiler has spent in this process so far (all threads): on two cores, background
    /// re-compilation takes time from the training threads, mostly in the first epoch.</summary>
    public static double JitMilliseconds => System.Runtime.JitInfo.GetCompilationTime().TotalMilliseconds;

    /// <summary>Epoch times in ms, comma-separated.</summary>
    public string Milliseconds => Join(_milliseconds, "F0");

    /// <summary>Epoch mean losses, comma-separated.</summary>
    public string MeanLosses => Join(_meanLosses, "F5");

    /// <summary>Samples per second over all recorded epochs.</summary>
    public double SamplesPerSecond(int samplesPerEpoch) => (double)samplesPerEpoch * _milliseconds.Count / (_milliseconds.Sum() / 1000);

    private static string Join(IEnumerable<double> values, string format) =>
        string.Join(",", values.Select(v => v.ToString(format, CultureInfo.InvariantCulture)));
}
