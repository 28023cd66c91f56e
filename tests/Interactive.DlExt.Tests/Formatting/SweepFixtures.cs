using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Interactive.DlExt.Search;

namespace Interactive.DlExt.Tests.Formatting;

/// <summary>Small real sweeps on seeded blobs, with a frozen clock so that rendered output is deterministic.</summary>
internal static class SweepFixtures
{
    public static Dataset Blobs(int perClass = 40, ulong seed = 1)
    {
        var random = new RandomSource(seed);
        var n = perClass * 3;
        var x = new float[n * 2];
        var y = new float[n];
        for (var i = 0; i < n; i++)
        {
            var angle = 2 * Math.PI * (i % 3) / 3;
            x[2 * i] = (float)((2 * Math.Cos(angle)) + (0.6 * random.NextGaussian()));
            x[(2 * i) + 1] = (float)((2 * Math.Sin(angle)) + (0.6 * random.NextGaussian()));
            y[i] = i % 3;
        }

        return new Dataset(new Tensor(x, n, 2), new Tensor(y, n), 3, name: "blobs");
    }

    public static Sequential Model(TrialParameters p)
    {
        var hidden = p.Has("hidden") ? p.Int("hidden") : 8;
        return new Sequential(new Linear(2, hidden), new ReLU(), new Linear(hidden, 3));
    }

    /// <summary>Random search with ASHA pruning and one failing configuration (hidden = 4 throws).</summary>
    public static SweepResult Mixed(Action<SweepResult>? progress = null) => Sweep.Run(new SweepRequest(
        p => p.Int("hidden") == 4 ? throw new InvalidOperationException("no <b>small</b> models") : Model(p),
        Blobs(),
        SearchSpace.Create().LogUniform("lr", 1e-3, 0.3).Choice("hidden", 4, 16, 32))
    {
        Trials = 9, Epochs = 4, BatchSize = 16, Optimizer = "sgd", Seed = 2, ThreadsPerTrial = 1,
        Pruner = new AshaPruner(), TimeProvider = new FrozenClock(), Progress = progress,
    });

    /// <summary>Thirteen two-epoch random trials, all completed, over a log range and a numeric choice declared out of order.</summary>
    public static SweepResult Choices() => Sweep.Run(new SweepRequest(
        Model, Blobs(), SearchSpace.Create().LogUniform("lr", 1e-3, 0.3).Choice("hidden", 32, 8, 16))
    {
        Trials = 13, Epochs = 2, BatchSize = 16, Optimizer = "sgd", Seed = 3, ThreadsPerTrial = 1, TimeProvider = new FrozenClock(),
    });

    /// <summary>Eight four-epoch random trials under a median pruner that may stop a trial after its first epoch.</summary>
    public static SweepResult EarlyPruned() => Sweep.Run(new SweepRequest(
        Model, Blobs(), SearchSpace.Create().LogUniform("lr", 1e-4, 0.3).Choice("hidden", 8, 16))
    {
        Trials = 8, Epochs = 4, BatchSize = 16, Optimizer = "sgd", Seed = 5, ThreadsPerTrial = 1, TimeProvider = new FrozenClock(),
        Pruner = new MedianPruner(startupTrials: 2, warmupSteps: 0),
    });

    /// <summary>Coarse-to-fine in two rounds of four, two trials at a time, on a clock that moves one second each time it is read.</summary>
    public static SweepResult CoarseToFine() => Sweep.Run(new SweepRequest(
        Model, Blobs(), SearchSpace.Create().LogUniform("lr", 1e-3, 0.3).Choice("hidden", 8, 16))
    {
        Strategy = new CoarseToFineSearch(trialsPerRound: 4, topTrials: 2), Trials = 8, Epochs = 2, BatchSize = 16, Optimizer = "sgd", Seed = 6,
        ThreadsPerTrial = 1, Parallelism = 2, TimeProvider = new TickingClock(),
    });

    public static SweepResult Grid() => Sweep.Run(new SweepRequest(
        Model, Blobs(), SearchSpace.Create().Choice("lr", 0.01, 0.1).Choice("hidden", 8, 16, 32))
    {
        Strategy = new GridSearch(), Trials = 6, Epochs = 2, BatchSize = 16, Optimizer = "sgd", ThreadsPerTrial = 1, TimeProvider = new FrozenClock(),
    });

    /// <summary>Three trials of 4 epochs, cancelled in the second trial's third epoch (15 batches in, at 6 per epoch).</summary>
    public static SweepResult Cancelled()
    {
        using var cts = new CancellationTokenSource();
        var configured = 0;
        return Sweep.Run(
            new SweepRequest(Model, Blobs(), SearchSpace.Create().Choice("lr", 0.01, 0.1, 0.05).Choice("hidden", 8))
            {
                Strategy = new GridSearch(), Trials = 3, Epochs = 4, BatchSize = 16, Optimizer = "sgd", ThreadsPerTrial = 1, TimeProvider = new FrozenClock(),
                Configure = (_, options) =>
                {
                    if (Interlocked.Increment(ref configured) == 2)
                    {
                        options.Callbacks.Add(new CancelAfterBatches(cts, 15));
                    }
                },
            },
            cts.Token);
    }

    public static IDocument Parse(string html) => new HtmlParser().ParseDocument("<!DOCTYPE html><html><body>" + html + "</body></html>");

    private sealed class CancelAfterBatches(CancellationTokenSource cts, int batches) : TrainingCallback
    {
        private int _seen;

        protected override void OnBatchEnded(TrainingState state)
        {
            if (++_seen == batches)
            {
                cts.Cancel();
            }
        }
    }

    /// <summary>A clock that moves one second each time it is read, so every trial takes a positive time.</summary>
    private sealed class TickingClock : TimeProvider
    {
        private long _reads;

        public override DateTimeOffset GetUtcNow() => new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).AddSeconds(Interlocked.Increment(ref _reads));
    }

    /// <summary>A clock stuck at one instant: trial durations are zero and output does not depend on timing.</summary>
    private sealed class FrozenClock : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    }
}
