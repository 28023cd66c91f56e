namespace Interactive.DlExt;

/// <summary>
/// The learning-rate range test (Smith 2017, "Cyclical Learning Rates for Training Neural Networks", §3.3;
/// fastai's <c>lr_find</c>): train for a few steps while the learning rate grows exponentially,
/// η_i = η_start · (η_end / η_start)^(i / (n − 1)), record the loss, smooth it
/// (avg_i = β·avg_{i−1} + (1 − β)·loss_i, smoothed_i = avg_i / (1 − β^(i+1))) and stop once it passes
/// 4 × its best. The suggestion is the rate where the smoothed loss falls fastest against log η.
/// </summary>
public static class LearningRateFinder
{
    /// <summary>Runs the test on <paramref name="model"/> with <paramref name="train"/> and returns the curve and the suggestion.
    /// The model's weights (and non-trainable state) are exactly as before afterwards. A model that is not built yet is
    /// built from <see cref="LrFinderOptions.Seed"/> first, as <see cref="Trainer.Fit"/> would, and keeps those initial
    /// weights, so a later <c>Fit</c> with the same seed starts from the same point.</summary>
    /// <exception cref="DlExtArgumentException">An option out of its range (the message says which values are accepted).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled before the first step;
    /// cancelled later, the test returns the steps it took.</exception>
    public static LearningRateFinderResult Run(Sequential model, Dataset train, LrFinderOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(train);
        options ??= new LrFinderOptions();
        Check(options);
        var optimizer = Optimizers.Create(options.Optimizer, options.StartLearningRate);
        FiniteDataCheck.Require(train, "training data");
        model.Build(train.ItemShape, options.Seed);
        var snapshot = model.Store.Snapshot();

        var batch = Math.Min(options.BatchSize, train.Count);
        var perEpoch = Math.Max(1, train.Count / batch);
        var recorder = new LrFinderRecorder(options.Steps, options.Smoothing, options.DivergenceFactor);
        var training = new TrainingOptions
        {
            Epochs = (options.Steps + perEpoch - 1) / perEpoch,
            BatchSize = batch,
            DropLast = true, // equal batches: a short last batch would be a bump in the curve
            Optimizer = optimizer,
            Schedule = new LrFinderSchedule(options.StartLearningRate, options.EndLearningRate, options.Steps),
            Loss = options.Loss,
            Seed = options.Seed,
            Threads = options.Threads,
            DivergenceFactor = null, // the recorder applies fastai's rule to the smoothed loss instead
        };
        training.Callbacks.Add(recorder);
        TrainingHistory history;
        try
        {
            history = Trainer.Fit(model, train, training, cancellationToken);
        }
        finally
        {
            model.Store.Restore(snapshot);
        }

        if (history.StopReason == StopReason.Diverged)
        {
            recorder.MarkNonFinite();
        }

        var points = recorder.Points;
        if (points.Count == 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            throw new DlExtArgumentException("start learning rate", Guard.Text(options.StartLearningRate),
                $"a rate whose first step gives a finite loss ({history.StopMessage})");
        }

        var steepest = LrFinderSuggestion.Steepest(points);
        var minimum = LrFinderSuggestion.Minimum(points);
        return new LearningRateFinderResult(
            points,
            steepest ?? minimum / 10,
            steepest is null ? LearningRateFinderResult.MinimumOverTenRule : LearningRateFinderResult.SteepestDescentRule,
            steepest,
            minimum,
            minimum / 10,
            recorder.DivergedAtStep,
            history.StopMessage,
            optimizer.Name,
            options.StartLearningRate,
            options.EndLearningRate,
            options.Steps,
            batch,
            options.Smoothing);
    }

    /// <summary>The learning rates of a planned test, step by step (what <see cref="Run"/> uses while it does not stop).</summary>
    public static IReadOnlyList<double> LearningRates(double startLearningRate, double endLearningRate, int steps)
    {
        CheckRange(startLearningRate, endLearningRate, steps);
        var schedule = new LrFinderSchedule(startLearningRate, endLearningRate, steps);
        return [.. Enumerable.Range(0, steps).Select(i => schedule.At(i))];
    }

    private static void Check(LrFinderOptions options)
    {
        CheckRange(options.StartLearningRate, options.EndLearningRate, options.Steps);
        Guard.AtLeast(options.BatchSize, 1, "batch size");
        TrainingOptions.CheckThreads(options.Threads);
        Guard.InHalfOpen(options.Smoothing, 0, 1, "smoothing");
        if (options.DivergenceFactor is { } factor && !(factor > 1 && double.IsFinite(factor)))
        {
            throw new DlExtArgumentException("divergence factor", Guard.Text(factor), "a finite number > 1, or null to run every step");
        }

        ArgumentNullException.ThrowIfNull(options.Optimizer);
    }

    private static void CheckRange(double start, double end, int steps)
    {
        Guard.Positive(start, "start learning rate");
        if (!(end > start && double.IsFinite(end)))
        {
            throw new DlExtArgumentException("end learning rate", Guard.Text(end), $"a finite number > the start learning rate {Guard.Text(start)}");
        }

        Guard.AtLeast(steps, LrFinderOptions.MinimumSteps, "steps");
    }
}
