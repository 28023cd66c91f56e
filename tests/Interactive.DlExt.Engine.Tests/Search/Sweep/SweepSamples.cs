using Interactive.DlExt.Search;
using Interactive.DlExt.Tests.Support;

namespace Interactive.DlExt.Tests.Search;

/// <summary>A tiny seeded sweep (blobs, a small MLP whose width is a parameter) and a counter of model builds.</summary>
internal sealed class SweepSamples
{
    private int _builds;

    public static SearchSpace Space { get; } = SearchSpace.Create().LogUniform("lr", 1e-3, 0.3).Choice("hidden", 4, 16);

    public static Dataset Train { get; } = TestData.Blobs(perClass: 40, seed: 1);

    /// <summary>How many models the factory built (one per trial run).</summary>
    public int Builds => Volatile.Read(ref _builds);

    public Sequential Model(TrialParameters p)
    {
        Interlocked.Increment(ref _builds);
        var hidden = p.Int("hidden");
        return new Sequential(new Linear(2, hidden), new ReLU(), new Linear(hidden, 3));
    }

    public SweepRequest Request(int trials = 6, int epochs = 3, SearchSpace? space = null) =>
        new(Model, Train, space ?? Space)
        {
            Trials = trials,
            Epochs = epochs,
            BatchSize = 16,
            Optimizer = "sgd",
            Seed = 5,
            ThreadsPerTrial = 1,
        };

    /// <summary>Every trial's number, state, parameters, value bits and curve bits: equal strings mean bit-identical sweeps.</summary>
    public static string Fingerprint(SweepResult result) => string.Join("\n", result.Trials.Select(t =>
        $"{t.Number} {t.State} {t.Parameters} {Bits(t.Value ?? double.NaN)} [{string.Join(",", t.Curve.Select(Bits))}]"));

    private static string Bits(double x) => BitConverter.DoubleToInt64Bits(x).ToString("x16", System.Globalization.CultureInfo.InvariantCulture);
}
