namespace Interactive.DlExt.Tests.Formatting;

/// <summary>Real objects for the views: tiny models actually trained, with a stepping clock so times are deterministic.</summary>
internal static class FormattingSamples
{
    /// <summary>A 3-class spiral classifier trained for <paramref name="epochs"/> epochs with validation and a cosine schedule.</summary>
    public static TrainingHistory History(int epochs = 6, int samplesPerClass = 40, string? datasetName = null, EarlyStopping? earlyStopping = null, int batchSize = 32, double? clipNorm = null)
    {
        var data = Datasets.Spirals(samplesPerClass, classes: 3, seed: 5);
        if (datasetName is not null)
        {
            data = data.WithName(datasetName);
        }

        var options = new TrainingOptions
        {
            Epochs = epochs,
            BatchSize = batchSize,
            Optimizer = new Adam(0.02),
            Schedule = new CosineAnnealing(),
            ValidationSplit = 0.25,
            Seed = 7,
            Threads = 1,
            EarlyStopping = earlyStopping,
            ClipNorm = clipNorm,
            TimeProvider = new SteppingTimeProvider(TimeSpan.FromMilliseconds(3)),
        };
        return Trainer.Fit(SpiralModel(), data, options);
    }

    public static Sequential SpiralModel(string? layerName = null) =>
        new(new Linear(16, Activation.Relu, name: layerName), new Linear(3));

    /// <summary>A one-epoch digits classifier evaluated on the digits (10 classes).</summary>
    public static EvaluationResult DigitsEvaluation(IReadOnlyList<string>? classNames = null, string? name = null)
    {
        var digits = Datasets.Digits(flatten: true);
        var data = new Dataset(digits.Features, digits.Targets, 10, classNames ?? digits.ClassNames, name ?? "digits");
        var model = new Sequential(new Linear(10));
        Trainer.Fit(model, data, new TrainingOptions { Epochs = 1, BatchSize = 64, Optimizer = new Adam(0.05), Seed = 3, Threads = 1, TimeProvider = new SteppingTimeProvider(TimeSpan.FromMilliseconds(1)) });
        return Trainer.Evaluate(model, data, threads: 1);
    }
}

/// <summary>A clock that advances a fixed step on every reading.</summary>
internal sealed class SteppingTimeProvider(TimeSpan step) : TimeProvider
{
    private long _ticks;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => Interlocked.Add(ref _ticks, step.Ticks);
}
