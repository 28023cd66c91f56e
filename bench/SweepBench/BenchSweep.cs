using System.Globalization;
using Interactive.DlExt;
using Interactive.DlExt.Search;

namespace SweepBench;

/// <summary>The benchmark's sweep: small MLPs on the 8×8 digits, the same trials in every mode.</summary>
internal static class BenchSweep
{
    public const string StudyName = "bench";

    // Every trial has the same architecture so the two workers get equal work; only the learning rate and momentum vary.
    public static SearchSpace Space { get; } = SearchSpace.Create().LogUniform("lr", 1e-3, 0.3).Uniform("momentum", 0.5, 0.95).Choice("hidden", 128);

    public static Dataset Digits { get; } = Datasets.Digits(flatten: true);

    public static SweepRequest Request(int trials, int epochs, int parallelism, int threads, Func<TrialParameters, Sequential>? model = null) =>
        new(model ?? Model, Digits, Space)
        {
            Trials = trials, Epochs = epochs, BatchSize = 32, Optimizer = "momentum", Seed = 42,
            Parallelism = parallelism, ThreadsPerTrial = threads, StudyName = StudyName,
        };

    public static Sequential Model(TrialParameters p) =>
        new(new Linear(64, p.Int("hidden")), new ReLU(), new Linear(p.Int("hidden"), p.Int("hidden")), new ReLU(), new Linear(p.Int("hidden"), 10));

    /// <summary>Number, state and the exact bits of each trial's value: equal strings mean bit-identical sweeps.</summary>
    public static string Fingerprint(IEnumerable<(int Number, TrialState State, double? Value)> trials) => string.Join(";", trials.Select(t =>
        string.Create(CultureInfo.InvariantCulture, $"{t.Number}:{t.State}:{BitConverter.DoubleToInt64Bits(t.Value ?? double.NaN):x16}")));
}
