using System.Globalization;

namespace Interactive.DlExt.Cli;

/// <summary>The README's main job: load data, build a model, train with progress, evaluate on the test set.</summary>
internal static class MainJob
{
    public static (Dataset Train, Dataset Test) LoadData(CliOptions options)
    {
        var flatten = options.Model == "mlp";
        switch (options.Data)
        {
            case "digits":
                var digits = Datasets.Digits(flatten);
                return DataSplit.Split(digits, 0.2, options.Seed, stratified: true) is var (train, test)
                    ? (Rename(train, "digits (train)"), Rename(test, "digits (test)"))
                    : throw new InvalidOperationException();
            case "fashion-mnist":
                return (Datasets.FashionMnist(options.DataFolder, train: true, flatten: flatten),
                        Datasets.FashionMnist(options.DataFolder, train: false, flatten: flatten));
            default:
                return (Datasets.Mnist(options.DataFolder, train: true, flatten: flatten),
                        Datasets.Mnist(options.DataFolder, train: false, flatten: flatten));
        }
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

        var side = train.ItemShape[^1];
        return side >= 28
            ? new Sequential(
                new Conv2d(train.ItemShape[0], 32, 3, padding: 1), new ReLU(), new MaxPool2d(2),
                new Conv2d(32, 64, 3, padding: 1), new ReLU(), new MaxPool2d(2),
                new Flatten(), new Linear(64 * (side / 4) * (side / 4), 128), new ReLU(), new Linear(128, classes))
            : new Sequential(
                new Conv2d(train.ItemShape[0], 16, 3, padding: 1), new ReLU(), new MaxPool2d(2),
                new Flatten(), new Linear(16 * (side / 2) * (side / 2), 64), new ReLU(), new Linear(64, classes));
    }

    public static TrainingHistory Run(CliOptions options, Dataset train, Dataset test, TextWriter output)
    {
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
        training.Callbacks.Add(new EpochPrinter(output));
        output.WriteLine($"data: {train}; {test}");
        var history = Trainer.Fit(model, train, training);
        var result = Trainer.Evaluate(model, test, threads: options.Threads);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"test: {result}"));
        if (result.ConfusionMatrix is { } confusion)
        {
            output.WriteLine("confusion matrix (rows: actual, columns: predicted)");
            output.Write(confusion.ToString());
        }

        return history;
    }

    private static Dataset Rename(Dataset d, string name) => new(d.Features, d.Targets, d.ClassCount, d.ClassNames, name);
}
