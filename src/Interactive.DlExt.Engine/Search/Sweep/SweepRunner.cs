using System.Collections.Concurrent;

namespace Interactive.DlExt.Search;

/// <summary>One sweep in progress: the study, the data every trial shares, the finished trials' histories and the best model.</summary>
internal sealed class SweepRunner
{
    private readonly object _gate = new();
    private readonly ConcurrentDictionary<int, TrainingHistory> _histories = new();
    private (int Number, double Value, Sequential Model)? _best;
    private string? _progressError;

    private SweepRunner(SweepRequest request, Study study, Dataset train, Dataset validation, int threads)
    {
        Request = request;
        Study = study;
        TrainPart = train;
        Validation = validation;
        Threads = threads;
    }

    public SweepRequest Request { get; }

    public Study Study { get; }

    public Dataset TrainPart { get; }

    public Dataset Validation { get; }

    public int Threads { get; }

    public static SweepRunner Prepare(SweepRequest request)
    {
        Guard.AtLeast(request.Trials, 1, "trials");
        TrainingOptions.CheckThreads(request.Parallelism, "parallelism");
        if (request.ThreadsPerTrial is { } t)
        {
            TrainingOptions.CheckThreads(t, "threads per trial");
        }

        if (request.Objective == SweepObjective.ValidationAccuracy && !request.Train.IsClassification)
        {
            throw new DlExtArgumentException("objective", "validation accuracy", $"validation loss: '{request.Train.Name}' is not a classification data set");
        }

        SweepDataCheck.Check(request);
        FiniteDataCheck.Require(request.Train, "training data");
        if (request.Validation is { } heldOut)
        {
            FiniteDataCheck.Require(heldOut, "validation data");
        }

        TrialTraining.CheckOptimizerSettings(request);
        Dataset train = request.Train, validation;
        if (request.Validation is { } given)
        {
            validation = given;
        }
        else
        {
            Guard.Between(request.ValidationSplit, 0, 1, "validation split");
            (train, validation) = request.Train.Split(request.ValidationSplit, Sweep.SplitSeed(request.Seed), stratified: request.Train.IsClassification);
        }

        var study = new Study(request.StudyName, request.Space, new StudyOptions
        {
            Direction = request.Objective == SweepObjective.ValidationLoss ? StudyDirection.Minimize : StudyDirection.Maximize,
            Strategy = request.Strategy,
            Pruner = request.Pruner,
            Seed = request.Seed,
            Settings = SweepSettings.Of(request),
            Storage = request.Storage,
            TimeProvider = request.TimeProvider,
        });
        foreach (var values in request.Enqueued ?? [])
        {
            study.Enqueue(values);
        }

        var threads = request.ThreadsPerTrial ?? Math.Max(1, TrainingOptions.DefaultThreads / request.Parallelism);
        return new SweepRunner(request, study, train, validation, threads);
    }

    public static double Metric(EpochRecord epoch, SweepObjective objective) => objective == SweepObjective.ValidationLoss
        ? epoch.ValidationLoss ?? double.NaN
        : epoch.ValidationAccuracy ?? double.NaN;

    public static string MetricName(SweepObjective objective) =>
        objective == SweepObjective.ValidationLoss ? "validation loss" : "validation accuracy";

    public async Task<SweepResult> RunAsync(CancellationToken cancellationToken)
    {
        Study.TrialFinished = (_, _) => RaiseProgress();
        try
        {
            await Study.OptimizeAsync(t => Task.FromResult(RunTrial(t)), Request.Trials, Request.Parallelism, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Study.TrialFinished = null;
        }

        var cancelled = cancellationToken.IsCancellationRequested;
        var result = Snapshot(finished: true, cancelled);
        if (Request.Test is { } test && !cancelled && result.Best is not null)
        {
            result.TestEvaluation = EvaluateBest(result.Best, test);
        }

        return result;
    }

    /// <summary>The best configuration's model (kept if this process trained it, else retrained with its seed) on <paramref name="test"/>.</summary>
    public EvaluationResult EvaluateBest(SweepTrial best, Dataset test)
    {
        SweepDataCheck.CheckTest(Request, test);
        Sequential? model;
        lock (_gate)
        {
            model = _best is { } kept && kept.Number == best.Number ? kept.Model : null;
        }

        // Training is deterministic for a seed, so retraining gives the very model the trial trained.
        model ??= Train(best.Parameters, best.Seed, null, CancellationToken.None).Model;
        return Trainer.Evaluate(model, test, Request.Loss, threads: Threads);
    }

    public SweepResult Snapshot(bool finished, bool cancelled)
    {
        var history = Study.History;
        var now = Request.TimeProvider.GetUtcNow();
        var best = history.Best?.Number;
        var trials = history.Trials.Select(r => new SweepTrial(
            r, Sweep.TrialSeed(Request.Seed, r.Number), _histories.TryGetValue(r.Number, out var h) ? h : null, history.Direction, r.Number == best, now)).ToArray();
        var rounds = Request.Strategy is CoarseToFineSearch c ? c.Rounds(history) : [];
        string? progressError;
        lock (_gate)
        {
            progressError = _progressError;
        }

        return new SweepResult(this, trials, ParameterImportance.Compute(history), rounds, finished, cancelled, progressError);
    }

    private double RunTrial(Trial trial)
    {
        RaiseProgress();
        var seed = Sweep.TrialSeed(Request.Seed, trial.Number);
        var callback = new SweepTrialCallback(trial, Request.Objective, RaiseProgress);
        var (model, history) = Train(trial.Parameters, seed, callback, trial.CancellationToken);
        _histories[trial.Number] = history; // a cancelled trial's partial history too: its epochs stay in the views
        if (history.StopReason == StopReason.Cancelled)
        {
            throw new OperationCanceledException(history.StopMessage, trial.CancellationToken);
        }

        if (history.StopReason == StopReason.Diverged)
        {
            throw new TrainingDivergedException(history.StopMessage);
        }

        if (history.LastEpoch is null)
        {
            throw new InvalidOperationException($"no epoch finished: {history.StopMessage}");
        }

        if (trial.IsPruned)
        {
            return Metric(history.LastEpoch, Request.Objective);
        }

        // The objective is the score of the model training leaves behind: the best epoch's when early stopping restored it.
        var at = history.RestoredBestWeights && history.BestEpoch is { } b ? history.Epochs[b] : history.LastEpoch;
        var value = Metric(at, Request.Objective);
        if (double.IsFinite(value) && !trial.IsSuperseded) // a superseded run stopped early: its model is not the trial's
        {
            KeepIfBest(trial.Number, value, model);
        }

        return value;
    }

    private (Sequential Model, TrainingHistory History) Train(TrialParameters parameters, ulong seed, TrainingCallback? callback, CancellationToken cancellationToken)
    {
        var options = TrialTraining.Create(Request, parameters, Validation, seed, Threads);
        if (callback is not null)
        {
            options.Callbacks.Add(callback);
        }

        Request.Configure?.Invoke(parameters, options);
        var model = Request.Model(parameters) ?? throw new InvalidOperationException("The model factory returned null: return a new Sequential on every call.");
        if (model.HasStore)
        {
            throw new InvalidOperationException("The model factory returned a model that is already built (or the same model twice): return a new Sequential on every call.");
        }

        return (model, Trainer.Fit(model, TrainPart, options, cancellationToken));
    }

    private void KeepIfBest(int number, double value, Sequential model)
    {
        var minimize = Request.Objective == SweepObjective.ValidationLoss;
        lock (_gate)
        {
            if (_best is not { } kept
                || (minimize ? value < kept.Value : value > kept.Value)
                || (value == kept.Value && number < kept.Number))
            {
                _best = (number, value, model);
            }
        }
    }

    private void RaiseProgress()
    {
        if (Request.Progress is not { } progress)
        {
            return;
        }

        lock (_gate)
        {
            try
            {
                progress(Snapshot(finished: false, cancelled: false));
            }
#pragma warning disable CA1031 // a broken live view must not fail trials or stop the sweep: keep its first error for the result
            catch (Exception e)
#pragma warning restore CA1031
            {
                _progressError ??= $"{e.GetType().Name}: {e.Message}";
            }
        }
    }
}
