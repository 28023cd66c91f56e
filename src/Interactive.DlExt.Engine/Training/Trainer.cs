namespace Interactive.DlExt;

/// <summary>
/// Trains a model on a data set and evaluates it. One loop, one place that raises the
/// <see cref="TrainingEvent"/>s, bit-identical results for a seed whatever the thread count.
/// </summary>
public static class Trainer
{
    private const ulong ShuffleStream = 1;
    private const ulong DropoutStream = 2;
    private const ulong SplitStream = 3;

    /// <summary>Trains <paramref name="model"/> on <paramref name="train"/> and returns what happened.
    /// The model is built from the data's shape and <see cref="TrainingOptions.Seed"/> if it is not built yet.
    /// Cancelling <paramref name="cancellationToken"/> stops within one batch and returns the partial history.</summary>
    public static TrainingHistory Fit(Sequential model, Dataset train, TrainingOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(train);
        options ??= new TrainingOptions();
        var run = TrainingRun.Prepare(model, train, options);
        return run.Execute(cancellationToken);
    }

    /// <summary>Runs <see cref="Fit"/> on a worker thread (for hosts that must stay responsive).</summary>
    public static Task<TrainingHistory> FitAsync(Sequential model, Dataset train, TrainingOptions? options = null, CancellationToken cancellationToken = default) =>
        Task.Run(() => Fit(model, train, options, cancellationToken), CancellationToken.None);

    /// <summary>Measures <paramref name="model"/> on held-out <paramref name="data"/> in evaluation mode: mean loss
    /// and, for classifiers, accuracy and a confusion matrix. Use it once on the test set, after choosing hyperparameters.</summary>
    /// <param name="model">The trained model.</param>
    /// <param name="data">The held-out data.</param>
    /// <param name="loss">The loss to report; null for the data's default (cross-entropy or mean squared error).</param>
    /// <param name="batchSize">Samples per forward pass.</param>
    /// <param name="threads">Compute threads; 0 for the default.</param>
    /// <param name="command">How the evaluation was asked for (a magic line), recorded in the result's manifest.</param>
    public static EvaluationResult Evaluate(Sequential model, Dataset data, Loss? loss = null, int batchSize = 256, int threads = 0, string? command = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        Guard.AtLeast(batchSize, 1, "batch size");
        if (threads != 0)
        {
            TrainingOptions.CheckThreads(threads);
        }

        if (!model.HasStore)
        {
            throw new InvalidOperationException("The model has no weights yet: train it (Trainer.Fit) or build it (model.Build) before evaluating.");
        }

        model.Build(data.ItemShape);
        FiniteDataCheck.Require(data, "evaluation data");
        data.RecordTestAccess(TestSetAccess.Evaluated);
        loss ??= DefaultLoss(data);
        using var pool = new ComputePool(threads > 0 ? threads : TrainingOptions.DefaultThreads);
        var context = new LayerContext(pool, new RandomSource(0), training: false);
        var result = Evaluator.Run(model, data, loss, batchSize, context, withConfusion: true);
        result.Manifest = RunManifest.ForEvaluation(result, model, data, command) with { Threads = threads > 0 ? threads : TrainingOptions.DefaultThreads };
        return result;
    }

    internal static Loss DefaultLoss(Dataset data) =>
        data.IsClassification ? new CrossEntropy() : new MeanSquaredError();

    internal static ulong StreamSeed(ulong seed, ulong stream) => RandomSource.Derive(seed, stream).NextUInt64();

    internal static (Dataset Train, Dataset? Validation) SplitValidation(Dataset train, TrainingOptions options)
    {
        if (options.Validation is { } validation)
        {
            return (train, validation);
        }

        if (options.ValidationSplit == 0)
        {
            return (train, null);
        }

        return DataSplit.Split(train, options.ValidationSplit, StreamSeed(options.Seed, SplitStream), stratified: train.IsClassification);
    }

    internal static RandomSource DropoutRandom(ulong seed) => RandomSource.Derive(seed, DropoutStream);

    internal static ulong ShuffleSeed(ulong seed) => StreamSeed(seed, ShuffleStream);
}
