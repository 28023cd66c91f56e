namespace Interactive.DlExt.Search;

/// <summary>
/// A hyperparameter sweep: a <see cref="Study"/> whose objective trains a model and scores it on validation data.
/// <code>
/// var space = SearchSpace.Create().LogUniform("lr", 1e-4, 1e-1).Choice("hidden", 32, 64, 128);
/// var result = Sweep.Run(new SweepRequest(p => Mlp(p.Int("hidden")), digits, space)
///     { Strategy = new TpeSearch(), Trials = 30, Epochs = 10, Pruner = new MedianPruner(), Parallelism = 2 });
/// var test = result.EvaluateBest(digitsTest); // the test set, touched once
/// </code>
/// Each trial trains with its own seed (<see cref="TrialSeed"/>), so a trial's result depends only on the study seed
/// and its number and parameters: the same for any parallelism or thread count. After each epoch the objective is
/// reported to the trial; when the pruner rejects it the trial stops and keeps its partial curve. A trial that
/// diverges or throws is recorded Failed with its message and the sweep goes on. Cancelling keeps the finished
/// trials; with a <see cref="SqliteStudyStorage"/> running the same request again runs only the missing trials.
/// </summary>
public static class Sweep
{
    private const ulong TrainingStream = 0x7472_6169_6e69_6e67; // "training"
    private const ulong SplitStream = 0x7370_6c69_74;             // "split"

    /// <summary>Parameter names that set training options rather than (only) reaching the model factory:
    /// lr (or learning_rate), batch_size, epochs, optimizer, momentum, weight_decay, schedule, l1, l2.</summary>
    public static IReadOnlyList<string> TrainingParameterNames { get; } = TrialTraining.Names;

    /// <summary>The accepted strategy names for <see cref="CreateStrategy"/>.</summary>
    public static IReadOnlyList<string> StrategyNames { get; } = ["grid", "random", "coarse-to-fine", "tpe", "gp"];

    /// <summary>The accepted pruner names for <see cref="CreatePruner"/>.</summary>
    public static IReadOnlyList<string> PrunerNames { get; } = ["none", "median", "asha", "hyperband"];

    /// <summary>Runs the sweep to the end (or until cancelled) and returns every trial.</summary>
    public static SweepResult Run(SweepRequest request, CancellationToken cancellationToken = default) =>
        RunAsync(request, cancellationToken).GetAwaiter().GetResult();

    /// <summary>Runs the sweep on worker threads; cancelling returns the finished trials (an interrupted one is left to re-run).</summary>
    public static Task<SweepResult> RunAsync(SweepRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return SweepRunner.Prepare(request).RunAsync(cancellationToken);
    }

    /// <summary>The training seed of trial <paramref name="trialNumber"/> (initialisation, shuffling, dropout), derived from
    /// the study seed only, so that a trial can be reproduced alone with <see cref="Trainer.Fit"/>.</summary>
    public static ulong TrialSeed(ulong studySeed, int trialNumber) =>
        RandomSource.Derive(RandomSource.Derive(studySeed, TrainingStream).NextUInt64(), (ulong)Guard.AtLeast(trialNumber, 0, "trial number")).NextUInt64();

    /// <summary>Creates a strategy by name: grid, random, coarse-to-fine, tpe, or gp (also called bayes), case-insensitive;
    /// for benchmarks also tpe-univariate (one density per parameter) and tpe-multivariate (the same as tpe).</summary>
    /// <param name="name">One of <see cref="StrategyNames"/>.</param>
    /// <param name="trials">The trial budget: coarse-to-fine uses about a third of it per round (at least 2); TPE and GP
    /// start with <see cref="StartupTrials.For"/> random trials.</param>
    public static SearchStrategy CreateStrategy(string name, int trials = 20)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.Trim().ToLowerInvariant() switch
        {
            "grid" => new GridSearch(),
            "random" => new RandomSearch(),
            "coarse-to-fine" or "coarsetofine" => new CoarseToFineSearch(Math.Max(2, (trials + 2) / 3)),
            "tpe" or "tpe-multivariate" => new TpeSearch(StartupTrials.For(trials)),
            "tpe-univariate" => new TpeSearch(StartupTrials.For(trials), multivariate: false),
            "gp" or "bayes" => new GpSearch(StartupTrials.For(trials)),
            _ => throw new DlExtArgumentException("strategy", $"\"{name}\"", "one of " + string.Join(", ", StrategyNames)),
        };
    }

    /// <summary>Creates a pruner by name with its defaults: none (null), median, asha or hyperband (case-insensitive).</summary>
    /// <param name="name">One of <see cref="PrunerNames"/>.</param>
    /// <param name="epochs">The epochs per trial: hyperband's max resource. The default is 10.</param>
    /// <param name="seed">The study seed: picks each trial's hyperband bracket. The default is 0.</param>
    public static Pruner? CreatePruner(string name, int epochs = Hyperparameters.DefaultEpochs, ulong seed = 0)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.Trim().ToLowerInvariant() switch
        {
            "none" or "" => null,
            "median" => new MedianPruner(),
            "asha" => new AshaPruner(),
            "hyperband" => new HyperbandPruner(minResource: 1, maxResource: Math.Max(1, epochs), reductionFactor: 3, seed: seed),
            _ => throw new DlExtArgumentException("pruner", $"\"{name}\"", "one of " + string.Join(", ", PrunerNames)),
        };
    }

    /// <summary>The seed of the validation split taken from the training data when no validation set is given.</summary>
    internal static ulong SplitSeed(ulong studySeed) => RandomSource.Derive(studySeed, SplitStream).NextUInt64();
}
