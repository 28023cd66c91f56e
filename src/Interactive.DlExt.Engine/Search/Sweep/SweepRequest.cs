namespace Interactive.DlExt.Search;

/// <summary>
/// What a <see cref="Sweep"/> trains and how it searches. The training settings here are the defaults of every
/// trial; a search parameter with one of the names in <see cref="Sweep.TrainingParameterNames"/> (lr,
/// batch_size, optimizer, …) overrides its setting per trial, and every parameter (those too) reaches the
/// model factory, which reads the others (hidden width, dropout, …).
/// <para>
/// Tune on validation, never on test: hyperparameters are chosen by their validation score, so the validation
/// score of the best trial is optimistic. A test set is for one final, unbiased measurement of the chosen
/// configuration (<see cref="Test"/> or <see cref="SweepResult.EvaluateBest"/>), never for choosing.
/// </para>
/// </summary>
public sealed record SweepRequest
{
    /// <summary>Creates a request whose model depends on the trial's parameters (e.g. a hidden width or dropout).</summary>
    /// <param name="model">Returns a new, unbuilt model for the parameters; called once per trial run, possibly on several threads at once.</param>
    /// <param name="train">The training data.</param>
    /// <param name="space">The hyperparameters to search.</param>
    public SweepRequest(Func<TrialParameters, Sequential> model, Dataset train, SearchSpace space)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(space);
        Model = model;
        Train = train;
        Space = space;
    }

    /// <summary>Creates a request whose model is the same architecture for every trial (only training settings are searched).</summary>
    /// <param name="model">Returns a new, unbuilt model; called once per trial run.</param>
    /// <param name="train">The training data.</param>
    /// <param name="space">The hyperparameters to search.</param>
    public SweepRequest(Func<Sequential> model, Dataset train, SearchSpace space)
        : this(WithoutParameters(model), train, space)
    {
    }

    /// <summary>Builds a new model for a trial's parameters.</summary>
    public Func<TrialParameters, Sequential> Model { get; }

    /// <summary>The training data (each trial trains on all of it, minus the validation part when <see cref="Validation"/> is null).</summary>
    public Dataset Train { get; }

    /// <summary>The search space.</summary>
    public SearchSpace Space { get; }

    /// <summary>Held-out data every trial is scored on. Must not be the training set; a name containing "test" is refused
    /// unless <see cref="AllowTestNamedValidation"/>. Null: <see cref="ValidationSplit"/> of the training data is held out
    /// once (seeded by <see cref="Seed"/>), the same samples for every trial.</summary>
    /// <value>The default is null.</value>
    public Dataset? Validation { get; init; }

    /// <summary>The share of the training data held out for validation when <see cref="Validation"/> is null, in (0, 1).</summary>
    /// <value>The default is 0.2.</value>
    public double ValidationSplit { get; init; } = DefaultValidationSplit;

    /// <summary>The default held-out fraction of a sweep: larger than a single run's, since every choice is made on it.</summary>
    public const double DefaultValidationSplit = 0.2;

    /// <summary>Lets a validation set whose name contains "test" be used for tuning (for data sets that are misnamed).</summary>
    /// <value>The default is false.</value>
    public bool AllowTestNamedValidation { get; init; }

    /// <summary>Optional test data, touched once: after the sweep the best configuration is evaluated on it
    /// (<see cref="SweepResult.TestEvaluation"/>). It never influences which trial is best.</summary>
    /// <value>The default is null.</value>
    public Dataset? Test { get; init; }

    /// <summary>The search strategy (see <see cref="Sweep.CreateStrategy"/> for names).</summary>
    /// <value>The default is a <see cref="RandomSearch"/>.</value>
    public SearchStrategy Strategy { get; init; } = new RandomSearch();

    /// <summary>The pruner that stops unpromising trials early, or null (see <see cref="Sweep.CreatePruner"/>).</summary>
    /// <value>The default is null.</value>
    public Pruner? Pruner { get; init; }

    /// <summary>The number of trials the study holds when the sweep ends (a resumed study runs only the missing ones).</summary>
    /// <value>The default is 20.</value>
    public int Trials { get; init; } = 20;

    /// <summary>Fixed trials run before the strategy's suggestions, in order (trial 0 is the first in a new study), as
    /// <see cref="Study.Enqueue(IReadOnlyDictionary{string, object})"/>: e.g. a baseline
    /// <c>[new Dictionary&lt;string, object&gt; { ["lr"] = 0.01, ["batch_size"] = 64 }]</c>. Names are the space's (or a training
    /// hyperparameter's alias), values in range; parameters not given are filled by the strategy. They count in <see cref="Trials"/>,
    /// and a resumed study does not run them again.</summary>
    /// <value>The default is none.</value>
    public IReadOnlyList<IReadOnlyDictionary<string, object>> Enqueued { get; init; } = [];

    /// <summary>What is optimised.</summary>
    /// <value>The default is <see cref="SweepObjective.ValidationLoss"/>.</value>
    public SweepObjective Objective { get; init; } = SweepObjective.ValidationLoss;

    /// <summary>Trials trained at the same time, 1 to <see cref="TrainingOptions.MaxThreads"/>.</summary>
    /// <value>The default is 1.</value>
    public int Parallelism { get; init; } = 1;

    /// <summary>Compute threads per trial (1 to <see cref="TrainingOptions.MaxThreads"/>); null means max(1, processor count ÷ <see cref="Parallelism"/>). Results do not depend on it.</summary>
    /// <value>The default is null.</value>
    public int? ThreadsPerTrial { get; init; }

    /// <summary>How the sweep was asked for (the magic line or command line), recorded in its manifest.</summary>
    /// <value>The default is null.</value>
    public string? Command { get; init; }

    /// <summary>The study seed: it picks the parameters, the validation split and each trial's training seed.</summary>
    /// <value>The default is 0.</value>
    public ulong Seed { get; init; }

    /// <summary>Where trials are kept; a <see cref="SqliteStudyStorage"/> lets an interrupted sweep resume. Null: in memory.
    /// The study stores the settings that change what a trial means (strategy, pruner, objective, data, validation, epochs,
    /// batch size, optimizer, learning rate, momentum, weight decay, schedule, l1, l2, loss, early stopping patience), and
    /// resuming it with a different one is refused; the trial budget, parallelism and threads may change.</summary>
    /// <value>The default is null.</value>
    public IStudyStorage? Storage { get; init; }

    /// <summary>The study's name in <see cref="Storage"/>.</summary>
    /// <value>The default is "sweep".</value>
    public string StudyName { get; init; } = "sweep";

    /// <summary>Epochs per trial (overridden by an "epochs" parameter).</summary>
    /// <value>The default is 10.</value>
    public int Epochs { get; init; } = Hyperparameters.DefaultEpochs;

    /// <summary>Samples per batch (overridden by "batch_size").</summary>
    /// <value>The default is 32.</value>
    public int BatchSize { get; init; } = Hyperparameters.DefaultBatchSize;

    /// <summary>The optimizer name, one of <see cref="Optimizers.Names"/> (overridden by "optimizer").</summary>
    /// <value>The default is "adam".</value>
    public string Optimizer { get; init; } = Hyperparameters.DefaultOptimizer;

    /// <summary>The learning rate η (overridden by "lr" or "learning_rate").</summary>
    /// <value>The default is 0.001.</value>
    public double LearningRate { get; init; } = Hyperparameters.DefaultLearningRate;

    /// <summary>Momentum for the momentum and nesterov optimizers (overridden by "momentum"); null keeps the optimizer's default.</summary>
    /// <value>The default is null.</value>
    public double? Momentum { get; init; }

    /// <summary>Weight decay λ (overridden by "weight_decay"); null keeps the optimizer's default.</summary>
    /// <value>The default is null.</value>
    public double? WeightDecay { get; init; }

    /// <summary>A schedule in <see cref="Schedules.Parse"/> syntax (overridden by "schedule"); null means constant.</summary>
    /// <value>The default is null.</value>
    public string? Schedule { get; init; }

    /// <summary>L1 penalty strength (overridden by "l1").</summary>
    /// <value>The default is 0.</value>
    public double L1 { get; init; }

    /// <summary>L2 penalty strength (overridden by "l2").</summary>
    /// <value>The default is 0.</value>
    public double L2 { get; init; }

    /// <summary>The loss; null means cross-entropy for classification, mean squared error otherwise. Shared by all trials.</summary>
    /// <value>The default is null.</value>
    public Loss? Loss { get; init; }

    /// <summary>Early-stopping patience in epochs (on the validation loss, restoring the best weights); null trains every epoch.</summary>
    /// <value>The default is null.</value>
    public int? EarlyStoppingPatience { get; init; }

    /// <summary>A last hook on each trial's options, after the parameters are applied (e.g. to add a callback).
    /// Called on the trial's thread with a fresh <see cref="TrainingOptions"/> per trial.</summary>
    /// <value>The default is null.</value>
    public Action<TrialParameters, TrainingOptions>? Configure { get; init; }

    /// <summary>Called with a fresh snapshot when a trial starts or ends. It may be called from any worker thread, but
    /// never twice at once (calls are serialised), so a live view can update its display from it directly.</summary>
    /// <value>The default is null.</value>
    public Action<SweepResult>? Progress { get; init; }

    /// <summary>The clock for trial start and end times.</summary>
    /// <value>The default is <see cref="TimeProvider.System"/>.</value>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    private static Func<TrialParameters, Sequential> WithoutParameters(Func<Sequential> model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return _ => model();
    }
}
