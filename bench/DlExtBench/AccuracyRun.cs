using System.Diagnostics;
using System.Globalization;

namespace Interactive.DlExt.Bench;

/// <summary>
/// Trains through the product API, <see cref="Trainer.Fit"/> on <see cref="Datasets.FashionMnist"/> (flattened for
/// the MLP) with the engine's default initialisation, cross-entropy and Adam (1e-3), and prints the test
/// accuracy after every epoch (the test set is passed as the trainer's validation data, evaluated in eval mode).
/// </summary>
internal static class AccuracyRun
{
    public static int Run(BenchOptions options)
    {
        var modelName = options.Model();
        var batchSize = options.Integer("bs", 64, 1);
        var epochs = options.Integer("epochs", 10, 1);
        var seed = options.Integer("seed", 1, 0);
        var directory = options.Text("data", FashionMnistFiles.DefaultDirectory);
        var threads = options.Threads();

        var train = Datasets.FashionMnist(directory, train: true);
        var test = Datasets.FashionMnist(directory, train: false);
        if (modelName == "mlp")
        {
            train = train.Flatten();
            test = test.Flatten();
        }

        var model = EngineModels.Create(modelName);
        var trainingOptions = new TrainingOptions
        {
            Epochs = epochs,
            BatchSize = batchSize,
            Optimizer = new Adam(learningRate: 1e-3),
            Loss = new CrossEntropy(),
            Seed = (ulong)seed,
            Threads = threads,
            Validation = test,
        };
        var clock = Stopwatch.StartNew();
        var history = Trainer.Fit(model, train, trainingOptions);
        var best = 0.0;
        foreach (var epoch in history.Epochs)
        {
            best = Math.Max(best, epoch.ValidationAccuracy ?? 0);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"EPOCH {epoch.Epoch} s={epoch.Duration.TotalSeconds:F1} train_loss={epoch.TrainLoss:F4} test_loss={epoch.ValidationLoss:F4} test_acc={epoch.ValidationAccuracy:F4}"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"RESULT engine=dlext mode=accuracy model={modelName} bs={batchSize} threads={threads} epochs={epochs} seed={seed} " +
            $"best_test_acc={best:F4} seconds={clock.Elapsed.TotalSeconds:F0} peak_rss_mb={ProcessMemory.PeakResidentMegabytes():F0} " +
            $"epochs_run={history.Epochs.Count}"));
        return 0;
    }
}
