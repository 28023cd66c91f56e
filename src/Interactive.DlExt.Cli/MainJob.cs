using System.Globalization;
using Interactive.DlExt.Notebook;
using Interactive.DlExt.Search;

namespace Interactive.DlExt.Cli;

/// <summary>The README's main job: load data, build a model, train with progress, evaluate on the test set.</summary>
internal static class MainJob
{
    public static (Dataset Train, Dataset Test) LoadData(CliOptions options)
    {
        try
        {
            return Load(options);
        }
        catch (DlExtArgumentException e) when (e.ParamName == "folder" && options.DataFolder is { } folder)
        {
            // The library names its parameter; the user typed --data-dir.
            throw new DlExtArgumentException("--data-dir", folder, e.Accepted);
        }
    }

    private static (Dataset Train, Dataset Test) Load(CliOptions options)
    {
        var (train, test) = options.Data switch
        {
            // The digits have no official test set: hold out a stratified 20 % once, with the run's seed.
            "digits" => DataSplit.TrainTest(Datasets.Digits(), 0.2, options.Seed),
            "fashion-mnist" => (Datasets.FashionMnist(options.DataFolder, train: true), Datasets.FashionMnist(options.DataFolder, train: false)),
            _ => (Datasets.Mnist(options.DataFolder, train: true), Datasets.Mnist(options.DataFolder, train: false)),
        };
        return options.Model == "mlp" ? (train.Flatten(), test.Flatten()) : (train, test);
    }

    public static Sequential BuildModel(CliOptions options, Dataset train)
    {
        var classes = train.ClassCount;
        if (options.Model == "mlp")
        {
            var inputs = train.Features.ItemLength;
            return inputs > 100
                ? new Sequential(new Linear(inputs, 512), new ReLU(), new Linear(512, 256), new ReLU(), new Linear(256, classes))
                : new Sequential(new Linear(inputs, 128), new ReLU(), new Linear(128, 64), new ReLU(), new Linear(64, classes));
        }

        // The benchmark CNN for 28×28 images; a smaller one for the 8×8 digits.
        var side = train.ItemShape[^1];
        var channels = train.ItemShape[0];
        return side >= 28
            ? new Sequential(
                new Conv2d(channels, 32, 3, padding: 1), new ReLU(), new MaxPool2d(2),
                new Conv2d(32, 64, 3, padding: 1), new ReLU(), new MaxPool2d(2),
                new Flatten(), new Linear(128), new ReLU(), new Linear(classes))
            : new Sequential(
                new Conv2d(channels, 16, 3, padding: 1), new ReLU(), new MaxPool2d(2),
                new Flatten(), new Linear(64), new ReLU(), new Linear(classes));
    }

    public static async Task RunAsync(CliOptions options, ReportHost host, TextWriter output)
    {
        var (train, test) = LoadData(options);
        output.WriteLine($"data: {train}; {test}");
        var model = BuildModel(options, train);
        var training = new TrainingOptions
        {
            Epochs = options.Epochs,
            BatchSize = options.BatchSize,
            Optimizer = Optimizers.Create(options.Optimizer, options.LearningRate),
            ValidationSplit = options.ValidationSplit,
            Seed = options.Seed,
            Threads = options.Threads,
            EarlyStopping = options.EarlyStop is { } patience ? new EarlyStopping(patience) : null,
        };
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"training {options.Model} with {options.Optimizer} (η = {options.LearningRate:G3}), batch {options.BatchSize}, {options.Epochs} epochs, seed {options.Seed}"));
        await Dl.TrainAsync(host, new TrainRequest(model, train, training)).ConfigureAwait(false);

        // The test set is touched once, after training: this is the number to report.
        var result = Trainer.Evaluate(model, test, threads: options.Threads);
        host.Display(result);

        if (options.SweepTrials > 0)
        {
            await SweepAsync(options, train, host, output).ConfigureAwait(false);
        }
    }

    /// <summary>A small Bayesian (TPE) search over learning rate and batch size, judged on validation data only.</summary>
    private static async Task SweepAsync(CliOptions options, Dataset train, ReportHost host, TextWriter output)
    {
        var epochs = options.Data == "digits" ? 5 : 2;
        var space = SearchSpace.Create().LogUniform("lr", 1e-4, 3e-2).Choice("batch_size", 16, 32, 64, 128);
        var request = new SweepRequest(() => BuildModel(options, train), train, space)
        {
            Strategy = Sweep.CreateStrategy("tpe", options.SweepTrials),
            Trials = options.SweepTrials,
            Epochs = epochs,
            Optimizer = options.Optimizer,
            ValidationSplit = options.ValidationSplit,
            Seed = options.Seed,
            Pruner = Sweep.CreatePruner("median"),
        };
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"sweep: {options.SweepTrials} TPE trials of {epochs} epochs over lr in [1e-4, 3e-2] (log) and batch size in {{16, 32, 64, 128}}"));
        var handle = host.Display(new TrainingStatus("sweeping…"));
        var result = await Sweep.RunAsync(request, host.CancellationToken).ConfigureAwait(false);
        handle.Update(result);
    }
}
