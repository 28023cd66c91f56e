using System.Globalization;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using Interactive.DlExt.Tests.Tensors;
using Xunit.Abstractions;

namespace Interactive.DlExt.Tests.Training;

/// <summary>
/// A whole seeded training run (initialisation, shuffling, dropout masks, batch norm statistics, the optimizer and a
/// schedule) gives the same bits on every SIMD path this CPU has, forced with <see cref="Simd.Forced"/>, and with one
/// or two threads. The weights' SHA-256 is written to the test output so that runs on other machines and operating
/// systems can be compared by eye (or by a script grepping "weights sha256").
/// </summary>
public sealed class WholeRunDeterminismTests(ITestOutputHelper output)
{
    /// <summary>What a run leaves behind that must not depend on the path or the thread count.</summary>
    private sealed record Outcome(double[] EpochLosses, double[] ValidationLosses, double[] StepLosses, byte[] Weights)
    {
        public string WeightsHash => Convert.ToHexString(SHA256.HashData(Weights));

        public string LossesHash
        {
            get
            {
                var bytes = new List<byte>();
                foreach (var l in EpochLosses.Concat(ValidationLosses).Concat(StepLosses))
                {
                    bytes.AddRange(BitConverter.GetBytes(l));
                }

                return Convert.ToHexString(SHA256.HashData(bytes.ToArray()));
            }
        }
    }

    private static Outcome Collect(TrainingHistory history, Sequential model) => new(
        [.. history.Epochs.Select(e => e.TrainLoss)],
        [.. history.Epochs.Select(e => e.ValidationLoss ?? double.NaN)],
        [.. history.Steps.Select(s => s.Loss)],
        MemoryMarshal.AsBytes(model.Store.Values.AsSpan()).ToArray());

    /// <summary>An MLP with batch norm, dropout and a tanh layer (so the engine's own exp/tanh are on the path),
    /// trained with Adam under cosine annealing.</summary>
    private static Outcome TrainMlp(int threads)
    {
        var model = new Sequential(
            new Linear(64, 48), new BatchNorm1d(48), new ReLU(), new Dropout(0.25),
            new Linear(32), new Tanh(), new Linear(10));
        var options = new TrainingOptions
        {
            Epochs = 2, BatchSize = 32, ValidationSplit = 0.2, Seed = 11, Threads = threads,
            Optimizer = new Adam(3e-3), Schedule = new CosineAnnealing(minLearningRate: 1e-4),
        };
        return Collect(Trainer.Fit(model, Datasets.Digits(flatten: true), options), model);
    }

    /// <summary>A small CNN with 2-D batch norm and dropout, trained with SGD with momentum (the "momentum" optimizer).</summary>
    private static Outcome TrainCnn(int threads)
    {
        var model = new Sequential(
            new Conv2d(1, 6, 3, padding: 1), new BatchNorm2d(6), new ReLU(), new MaxPool2d(2),
            new Conv2d(6, 8, 3, padding: 1), new BatchNorm2d(8), new ReLU(),
            new Flatten(), new Dropout(0.2), new Linear(24), new GELU(), new Linear(10));
        var options = new TrainingOptions
        {
            Epochs = 2, BatchSize = 48, ValidationSplit = 0.2, Seed = 12, Threads = threads,
            Optimizer = DlExt.Optimizers.Create("momentum", 0.05),
        };
        return Collect(Trainer.Fit(model, Datasets.Digits(), options), model);
    }

    /// <summary>The SHA-256 of the final weights and of every loss, recorded on Linux x64 (AVX-512, .NET 10) and
    /// reproduced there by the net8.0 build: with <see cref="DeterministicMath"/> in place of the OS's libm they must
    /// come out the same on Windows and macOS, x64 or arm64. They change only when the numerics change on purpose
    /// (then re-record them and say why in the commit).</summary>
    public static TheoryData<string, string, string> Models => new()
    {
        { "mlp-adam", "65ADEC7FBAFF783C4BA7102328C72234EEFEB8B03E3A6F80B369DE758ECCDA93", "94F751E2B44E34B09FCEAA76A05FD81F7A6DDA42022C1FB405C9516D59A47C4B" },
        { "cnn-momentum", "DBCF02B7009077BAE213BC93C756D477CA57814065A10CA133CA9C99CAAB2078", "4F1F87C188773161D2AB7C3CBC2646F0D042154FB8179E02167D369F8B379EF6" },
    };

    [Theory]
    [MemberData(nameof(Models))]
    public void A_whole_training_run_is_bit_identical_on_every_simd_path_and_thread_count(string which, string weightsHash, string lossesHash)
    {
        Func<int, Outcome> train = which == "mlp-adam" ? TrainMlp : TrainCnn;
        var runs = new List<(string Label, Outcome Outcome)>();
        foreach (var path in KernelTestData.Paths())
        {
            foreach (var threads in new[] { 1, 2 })
            {
                runs.Add(($"{path}, {threads} thread(s)", KernelTestData.With(path, () => train(threads))));
            }
        }

        var (referenceLabel, reference) = runs[0];
        var report = new StringBuilder();
        report.Append(CultureInfo.InvariantCulture, $"{which}: weights sha256 {reference.WeightsHash}, losses sha256 {reference.LossesHash} ");
        report.Append(CultureInfo.InvariantCulture, $"(epoch losses {string.Join(", ", reference.EpochLosses.Select(l => l.ToString("R", CultureInfo.InvariantCulture)))}; ");
        report.Append(CultureInfo.InvariantCulture, $"{runs.Count} runs: {string.Join("; ", runs.Select(r => r.Label))}; best path {Simd.Best}; ");
        report.Append(CultureInfo.InvariantCulture, $"{RuntimeInformation.FrameworkDescription} on {RuntimeInformation.OSDescription} {RuntimeInformation.ProcessArchitecture})");
        output.WriteLine(report.ToString());

        Assert.True(reference.EpochLosses.Length == 2 && reference.EpochLosses.All(double.IsFinite), report.ToString());
        foreach (var (label, outcome) in runs.Skip(1))
        {
            AssertSameBits(reference.EpochLosses, outcome.EpochLosses, $"per-epoch training loss, {label} vs {referenceLabel}");
            AssertSameBits(reference.ValidationLosses, outcome.ValidationLosses, $"per-epoch validation loss, {label} vs {referenceLabel}");
            AssertSameBits(reference.StepLosses, outcome.StepLosses, $"per-step loss, {label} vs {referenceLabel}");
            Assert.True(reference.Weights.AsSpan().SequenceEqual(outcome.Weights), $"final weights differ: {label} vs {referenceLabel} ({outcome.WeightsHash} vs {reference.WeightsHash})");
        }

        Assert.True(weightsHash == reference.WeightsHash && lossesHash == reference.LossesHash,
            $"the run is self-consistent but differs from the one recorded on Linux x64: {report}");
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void A_whole_training_run_gives_the_recorded_bits_under_every_gemm_tiling(string which, string weightsHash, string lossesHash)
    {
        Func<int, Outcome> train = which == "mlp-adam" ? TrainMlp : TrainCnn;
        var labels = new List<string>();
        foreach (var tiling in GemmTiling.TileRows.SelectMany(rows => new[] { new GemmTiling(rows, 64), new GemmTiling(rows, 128) }))
        {
            var outcome = GemmTilingTests.With(tiling, Simd.Best, () => train(2));
            labels.Add($"{tiling}: weights {outcome.WeightsHash[..12]}, losses {outcome.LossesHash[..12]}");
            Assert.True(weightsHash == outcome.WeightsHash && lossesHash == outcome.LossesHash, $"{which} under {tiling} differs from the recorded run: {string.Join("; ", labels)}");
        }

        output.WriteLine($"{which}, 2 threads, {Simd.Best}: {string.Join("; ", labels)}");
    }

    [Fact]
    public void The_forced_path_is_the_one_the_kernels_see_during_a_run()
    {
        // Guards the test above: Trainer.Fit runs its kernels from the calling thread, so a forced path applies.
        var seen = new HashSet<SimdPath>();
        var model = new Sequential(new Linear(64, 10));
        var options = new TrainingOptions { Epochs = 1, BatchSize = 256, Seed = 1, Threads = 2 };
        options.Callbacks.Add(new PathSpy(seen));
        KernelTestData.With(SimdPath.Scalar, () => Trainer.Fit(model, Datasets.Digits(flatten: true), options));

        Assert.Equal([SimdPath.Scalar], seen);
    }

    private static void AssertSameBits(double[] expected, double[] actual, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            if (BitConverter.DoubleToInt64Bits(expected[i]) != BitConverter.DoubleToInt64Bits(actual[i]))
            {
                Assert.Fail($"{what}: element {i} differs: {expected[i]:R} vs {actual[i]:R}");
            }
        }
    }

    private sealed class PathSpy(HashSet<SimdPath> seen) : TrainingCallback
    {
        public override void On(TrainingEvent trainingEvent, TrainingState state) => seen.Add(Simd.Current);
    }
}
