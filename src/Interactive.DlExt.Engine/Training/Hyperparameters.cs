namespace Interactive.DlExt;

/// <summary>
/// The training hyperparameters, each described once (<see cref="Hyperparameter"/>): the single source the
/// magics, the <c>dlext</c> command, help texts, sweeps and <see cref="Optimizers.Create"/> read their names,
/// defaults, ranges and the rule of which optimizer takes which setting from.
/// </summary>
public static class Hyperparameters
{
    /// <summary>The default learning rate η (Adam's usual first choice).</summary>
    public const double DefaultLearningRate = 1e-3;

    /// <summary>The default batch size.</summary>
    public const int DefaultBatchSize = 32;

    /// <summary>The default number of epochs.</summary>
    public const int DefaultEpochs = 10;

    /// <summary>The default optimizer.</summary>
    public const string DefaultOptimizer = "adam";

    /// <summary>η.</summary>
    public static Hyperparameter LearningRate { get; } = new()
    {
        Name = "learning_rate", Aliases = ["lr"], Option = "--lr", Kind = HyperparameterKind.Number, Sweepable = true,
        Description = "Learning rate η (the base rate when a schedule is used).",
        Default = DefaultLearningRate, Minimum = 0, MinimumExclusive = true,
    };

    /// <summary>Samples per optimizer step.</summary>
    public static Hyperparameter BatchSize { get; } = new()
    {
        Name = "batch_size", Option = "--batch-size", Kind = HyperparameterKind.WholeNumber, Sweepable = true,
        Description = "Samples per optimizer step.", Default = DefaultBatchSize, Minimum = 1,
    };

    /// <summary>Passes over the training data.</summary>
    public static Hyperparameter Epochs { get; } = new()
    {
        Name = "epochs", Option = "--epochs", Kind = HyperparameterKind.WholeNumber, Sweepable = true,
        Description = "Passes over the training data.", Default = DefaultEpochs, Minimum = 1,
    };

    /// <summary>The update rule.</summary>
    public static Hyperparameter Optimizer { get; } = new()
    {
        Name = "optimizer", Option = "--optimizer", Kind = HyperparameterKind.Choice, Sweepable = true,
        Description = "The update rule.", DefaultName = DefaultOptimizer, Choices = Optimizers.Names,
    };

    /// <summary>Momentum β (momentum) or μ (nesterov).</summary>
    public static Hyperparameter Momentum { get; } = Decay("momentum", "Momentum β: the weight of the past velocity (momentum, nesterov).", 0.9, "momentum", "nesterov");

    /// <summary>Adam's β₁.</summary>
    public static Hyperparameter Beta1 { get; } = Decay("beta1", "Adam's first-moment decay β₁ (adam, adamw).", 0.9, "adam", "adamw");

    /// <summary>Adam's β₂.</summary>
    public static Hyperparameter Beta2 { get; } = Decay("beta2", "Adam's second-moment decay β₂ (adam, adamw).", 0.999, "adam", "adamw");

    /// <summary>RMSProp's decay ρ.</summary>
    public static Hyperparameter Rho { get; } = Decay("rho", "RMSProp's decay ρ of its running mean of g² (the course's β for RMSProp).", 0.9, "rmsprop");

    /// <summary>λ.</summary>
    public static Hyperparameter WeightDecay { get; } = new()
    {
        Name = "weight_decay", Option = "--weight-decay", Kind = HyperparameterKind.Number, Sweepable = true,
        Description = "Weight decay λ (decoupled for adamw, added to the gradient otherwise).",
        Default = 0, OptimizerDefaults = new Dictionary<string, double> { ["adamw"] = 0.01 }, Minimum = 0,
    };

    /// <summary>L1 penalty.</summary>
    public static Hyperparameter L1 { get; } = new()
    {
        Name = "l1", Option = "--l1", Kind = HyperparameterKind.Number, Sweepable = true,
        Description = "L1 penalty strength on weights.", Default = 0, Minimum = 0,
    };

    /// <summary>L2 penalty.</summary>
    public static Hyperparameter L2 { get; } = new()
    {
        Name = "l2", Option = "--l2", Kind = HyperparameterKind.Number, Sweepable = true,
        Description = "L2 penalty strength on weights.", Default = 0, Minimum = 0,
    };

    /// <summary>Clipping by global gradient norm.</summary>
    public static Hyperparameter ClipNorm { get; } = new()
    {
        Name = "clip_norm", Option = "--clip-norm", Kind = HyperparameterKind.Number,
        Description = "Rescale the gradients after each backward pass so their global L2 norm is at most this (as PyTorch's clip_grad_norm_).",
        DefaultText = "off", Minimum = 0, MinimumExclusive = true,
    };

    /// <summary>Clipping each gradient's value.</summary>
    public static Hyperparameter ClipValue { get; } = new()
    {
        Name = "clip_value", Option = "--clip-value", Kind = HyperparameterKind.Number,
        Description = "Clamp each gradient to [-c, c] after each backward pass (as PyTorch's clip_grad_value_).",
        DefaultText = "off", Minimum = 0, MinimumExclusive = true,
    };

    /// <summary>The learning-rate schedule.</summary>
    public static Hyperparameter Schedule { get; } = new()
    {
        Name = "schedule", Option = "--schedule", Kind = HyperparameterKind.Text, Sweepable = true,
        Description = "Learning-rate schedule: a name, or name:key=value,... e.g. step:size=10,gamma=0.5, cosine:min=1e-5, linear:end=1e-5, onecycle:max=0.01,maxmom=0.95,minmom=0.85, plateau:patience=3.",
        DefaultName = "constant", Choices = Schedules.Names,
    };

    /// <summary>Warm-up steps.</summary>
    public static Hyperparameter Warmup { get; } = new()
    {
        Name = "warmup", Option = "--warmup", Kind = HyperparameterKind.WholeNumber,
        Description = "Steps of linear warm-up before the schedule (any schedule).", Default = 0, Minimum = 0,
    };

    /// <summary>Early-stopping patience.</summary>
    public static Hyperparameter EarlyStop { get; } = new()
    {
        Name = "early_stop", Aliases = ["patience"], Option = "--early-stop", Kind = HyperparameterKind.WholeNumber,
        Description = "Stop after this many epochs without validation improvement (restores the best weights).", Minimum = 1,
    };

    /// <summary>The seed.</summary>
    public static Hyperparameter Seed { get; } = new()
    {
        Name = "seed", Option = "--seed", Kind = HyperparameterKind.WholeNumber,
        Description = "Seed for initialisation, shuffling, the validation split and dropout.", Default = 0, Minimum = 0,
    };

    /// <summary>Compute threads.</summary>
    public static Hyperparameter Threads { get; } = new()
    {
        Name = "threads", Option = "--threads", Kind = HyperparameterKind.WholeNumber,
        Description = $"Compute threads, 1 to {TrainingOptions.MaxThreads} (results are identical for any value).",
        DefaultText = "all cores", Minimum = 1, Maximum = TrainingOptions.MaxThreads,
    };

    /// <summary>The held-out fraction.</summary>
    public static Hyperparameter ValidationSplit { get; } = new()
    {
        Name = "validation_split", Option = "--val-split", Kind = HyperparameterKind.Number,
        Description = "Fraction of the training data held out for validation, in (0, 1).",
        Default = 0.1, Minimum = 0, MinimumExclusive = true, Maximum = 1, MaximumExclusive = true,
    };

    /// <summary>Every hyperparameter, in help order.</summary>
    public static IReadOnlyList<Hyperparameter> All { get; } =
        [LearningRate, BatchSize, Epochs, Optimizer, Momentum, Beta1, Beta2, Rho, WeightDecay, L1, L2, ClipNorm, ClipValue, Schedule, Warmup, EarlyStop, Seed, Threads, ValidationSplit];

    /// <summary>The ones a sweep can search, by their names and aliases.</summary>
    public static IReadOnlyList<Hyperparameter> Sweepable { get; } = [.. All.Where(h => h.Sweepable)];

    /// <summary>Every name a sweep's space may use for a training hyperparameter ("lr", "learning_rate", "batch_size", …).</summary>
    public static IReadOnlyList<string> SweepNames { get; } = [.. Sweepable.SelectMany(h => h.Aliases.Prepend(h.Name))];

    // An optimizer's own decay rate in [0, 1), searchable, taken only by the optimizers named.
    private static Hyperparameter Decay(string name, string description, double defaultValue, params string[] usedBy) => new()
    {
        Name = name, Option = "--" + name, Kind = HyperparameterKind.Number, Sweepable = true, Description = description,
        Default = defaultValue, Minimum = 0, Maximum = 1, MaximumExclusive = true, UsedBy = usedBy,
    };

    /// <summary>The hyperparameter called <paramref name="name"/>, or null: its name or an alias in snake case, spoken
    /// ("batch size") or camel case ("batchSize", as the API's parameters), or its option ("--batch-size").</summary>
    public static Hyperparameter? Find(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var snake = string.Concat(name.Trim().Select((c, i) => char.IsUpper(c) && i > 0 ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()))
            .Replace(' ', '_');
        return All.FirstOrDefault(h => h.IsCalled(snake) || h.Option == name);
    }
}
