using System.Globalization;

namespace Interactive.DlExt.Search;

/// <summary>
/// A sweep's trials and what they show: the best trial, each parameter's importance, the coarse-to-fine rounds.
/// Live snapshots (<see cref="SweepRequest.Progress"/>) and the final result have the same shape; a snapshot is
/// an immutable copy, safe to read on any thread.
/// </summary>
[TypeFormatterSource(TypeFormatterSourceAttribute.DlExtSource)]
public sealed class SweepResult
{
    private readonly SweepRunner _runner;

    internal SweepResult(
        SweepRunner runner, IReadOnlyList<SweepTrial> trials, IReadOnlyDictionary<string, double> importance,
        IReadOnlyList<SearchRound> rounds, bool isFinished, bool wasCancelled, string? progressError)
    {
        _runner = runner;
        Trials = trials;
        Best = trials.FirstOrDefault(t => t.IsBest);
        ParameterImportance = importance;
        Rounds = rounds;
        IsFinished = isFinished;
        WasCancelled = wasCancelled;
        ProgressError = progressError;
    }

    /// <summary>The study's name.</summary>
    public string StudyName => _runner.Study.Name;

    /// <summary>What the sweep was, for checking a re-run (<see cref="RunManifest"/>): settings, seed, data fingerprints and every
    /// trial's parameters, state, value and curve. <paramref name="command"/> records how it was asked for (default: <see cref="SweepRequest.Command"/>).</summary>
    public RunManifest ManifestFor(string? command = null) => SweepManifest.Of(this, _runner, command ?? _runner.Request.Command);

    /// <summary>Saves <see cref="ManifestFor"/> as JSON to <paramref name="path"/>, atomically.</summary>
    public void SaveManifest(string path, string? command = null) => ManifestFor(command).Save(path);

    /// <summary>The search space (it tells which ranges are logarithmic and what the choices are).</summary>
    public SearchSpace Space => _runner.Study.Space;

    /// <summary>The strategy's name, e.g. "tpe".</summary>
    public string StrategyName => _runner.Request.Strategy.Name;

    /// <summary>How many trials the strategy drew at random before it modelled (TPE, GP; 0 for the others). With
    /// parallel trials a few more may be random: a trial asked before that many had finished is drawn at random too.</summary>
    public int RandomStartupTrials => _runner.Request.Strategy.RandomStartupTrials;

    /// <summary>How trial <paramref name="trialNumber"/> was chosen: "enqueued" (a fixed trial of
    /// <see cref="SweepRequest.Enqueued"/>), "random start-up" (drawn at random before the strategy modelled, see
    /// <see cref="RandomStartupTrials"/>), or the strategy's name. For a fresh study; a resumed one numbers on from its file.</summary>
    public string ChosenBy(int trialNumber)
    {
        var enqueued = _runner.Request.Enqueued.Count;
        return trialNumber < enqueued ? "enqueued"
            : trialNumber < Math.Max(enqueued, RandomStartupTrials) ? "random start-up"
            : StrategyName;
    }

    /// <summary>The pruner's name as --prune takes it ("none", "median", "asha", "hyperband"), or the class name of another.</summary>
    public string PrunerName => _runner.Request.Pruner switch
    {
        null => "none",
        MedianPruner => "median",
        AshaPruner => "asha",
        HyperbandPruner => "hyperband",
        var p => p.GetType().Name,
    };

    /// <summary>What was optimised.</summary>
    public SweepObjective Objective => _runner.Request.Objective;

    /// <summary>"validation loss" or "validation accuracy".</summary>
    public string ObjectiveName => SweepRunner.MetricName(Objective);

    /// <summary>Whether smaller values are better (loss) or larger (accuracy).</summary>
    public StudyDirection Direction => _runner.Study.Direction;

    /// <summary>The trial budget of the study.</summary>
    public int RequestedTrials => _runner.Request.Trials;

    /// <summary>Trials trained at the same time.</summary>
    public int Parallelism => _runner.Request.Parallelism;

    /// <summary>Compute threads per trial.</summary>
    public int ThreadsPerTrial => _runner.Threads;

    /// <summary>Every trial, in number order.</summary>
    public IReadOnlyList<SweepTrial> Trials { get; }

    /// <summary>The best completed trial (ties go to the lower number), or null.</summary>
    public SweepTrial? Best { get; }

    /// <summary>The share of the objective's variance each parameter explains (<see cref="Search.ParameterImportance"/>), in space order.</summary>
    public IReadOnlyDictionary<string, double> ParameterImportance { get; }

    /// <summary>The coarse-to-fine rounds with their boxes; empty for the other strategies.</summary>
    public IReadOnlyList<SearchRound> Rounds { get; }

    /// <summary>Whether the sweep call has returned (false in live snapshots).</summary>
    public bool IsFinished { get; }

    /// <summary>Whether the sweep was cancelled (finished trials are kept; an interrupted one is marked Cancelled with its
    /// partial curve, and re-run when the study is resumed).</summary>
    public bool WasCancelled { get; }

    /// <summary>The first exception the <see cref="SweepRequest.Progress"/> callback threw (the sweep ignores it and goes on), or null.</summary>
    public string? ProgressError { get; }

    /// <summary>The best configuration measured once on <see cref="SweepRequest.Test"/>, when one was given.</summary>
    public EvaluationResult? TestEvaluation { get; internal set; }

    /// <summary>Trials with a value, best first, then the others in number order.</summary>
    public IReadOnlyList<SweepTrial> Ranked()
    {
        var minimize = Direction == StudyDirection.Minimize;
        return Trials.OrderBy(t => t.Value is { } v && double.IsFinite(v) ? 0 : 1)
            .ThenBy(t => t.Value is { } v && double.IsFinite(v) ? (minimize ? v : -v) : 0)
            .ThenBy(t => t.Number)
            .ToArray();
    }

    /// <summary>How many trials are in <paramref name="state"/>.</summary>
    public int Count(TrialState state) => Trials.Count(t => t.State == state);

    /// <summary>
    /// Evaluates the best configuration once on <paramref name="test"/> (mean loss, accuracy and confusion matrix).
    /// The model is the best trial's own trained model when this process trained it; otherwise (a resumed study whose
    /// best trial ran earlier) the configuration is retrained with the trial's seed on the same data, which gives the
    /// same weights bit for bit. Call it once, after choosing: the test set never takes part in choosing.
    /// </summary>
    /// <exception cref="InvalidOperationException">No trial completed.</exception>
    public EvaluationResult EvaluateBest(Dataset test)
    {
        ArgumentNullException.ThrowIfNull(test);
        var best = Best ?? throw new InvalidOperationException("No trial completed, so there is no best configuration to evaluate.");
        return _runner.EvaluateBest(best, test);
    }

    /// <inheritdoc />
    public override string ToString()
    {
        var counts = string.Join(", ", Enum.GetValues<TrialState>().Where(s => Count(s) > 0).Select(s => $"{Count(s)} {s.ToString().ToLowerInvariant()}"));
        var best = Best is { } b
            ? string.Create(CultureInfo.InvariantCulture, $"; best #{b.Number} {ObjectiveName} {b.Value:G6} ({b.Parameters})")
            : string.Empty;
        return $"sweep '{StudyName}' ({StrategyName}): {Trials.Count} of {RequestedTrials} trials ({counts}){best}";
    }
}
