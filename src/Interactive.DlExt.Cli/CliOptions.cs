namespace Interactive.DlExt.Cli;

/// <summary>The settings of one <c>dlext</c> run, as read from its command line by <see cref="CliCommand"/>.</summary>
internal sealed record CliOptions
{
    /// <summary>The data sets <c>--data</c> accepts.</summary>
    public static IReadOnlyList<string> DataSets { get; } = ["digits", "fashion-mnist", "mnist"];

    /// <summary>The architectures <c>--model</c> accepts.</summary>
    public static IReadOnlyList<string> Models { get; } = ["mlp", "cnn"];

    /// <summary>The batch sizes the sweep tries unless <c>--sweep-batch-sizes</c> is given.</summary>
    public static IReadOnlyList<int> DefaultSweepBatchSizes { get; } = [16, 32, 64, 128];

    public string Data { get; init; } = "digits";

    public string Model { get; init; } = "mlp";

    public int Epochs { get; init; } = 20;

    public int BatchSize { get; init; } = 32;

    /// <summary>The main job holds out more than a notebook's #!train (0.1): its validation curve drives early stopping and the sweep.</summary>
    public const double DefaultValidationSplit = 0.15;

    /// <summary>The main job's seed (the README's numbers are for it).</summary>
    public const ulong DefaultSeed = 1;

    public double LearningRate { get; init; } = Hyperparameters.DefaultLearningRate;

    public string Optimizer { get; init; } = Hyperparameters.DefaultOptimizer;

    /// <summary>Optimizer settings; null keeps the defaults of <see cref="Hyperparameters"/>.</summary>
    public double? Momentum { get; init; }

    /// <summary>Adam's β₁, or null.</summary>
    public double? Beta1 { get; init; }

    /// <summary>Adam's β₂, or null.</summary>
    public double? Beta2 { get; init; }

    /// <summary>RMSProp's ρ, or null.</summary>
    public double? Rho { get; init; }

    /// <summary>Weight decay λ, or null.</summary>
    public double? WeightDecay { get; init; }

    public ulong Seed { get; init; } = DefaultSeed;

    public int Threads { get; init; } = DefaultThreads;

    public double ValidationSplit { get; init; } = DefaultValidationSplit;

    public int? EarlyStop { get; init; }

    /// <summary>The largest global gradient norm, or null for no clipping by norm.</summary>
    public double? ClipNorm { get; init; }

    /// <summary>The largest gradient magnitude, or null for no clamping.</summary>
    public double? ClipValue { get; init; }

    public string? DataFolder { get; init; }

    /// <summary>The folder of the training checkpoint, or null for none.</summary>
    public string? CheckpointFolder { get; init; }

    /// <summary>Save the checkpoint every this many epochs.</summary>
    public int CheckpointEvery { get; init; } = 1;

    /// <summary>Whether training continues from the checkpoint in <see cref="CheckpointFolder"/>.</summary>
    public bool Resume { get; init; }

    public string ReportPath { get; init; } = "dlext-report.html";

    /// <summary>Where to write the training run's manifest, or null.</summary>
    public string? ManifestPath { get; init; }

    /// <summary>The command line as given (recorded in the manifest, so that <c>dlext verify</c> can re-run it).</summary>
    public IReadOnlyList<string> Arguments { get; init; } = [];

    public string SweepStrategy { get; init; } = "tpe";

    public int SweepTrials { get; init; } = 8;

    /// <summary>Epochs per sweep trial; null for 5 on the digits and 2 on the larger image sets.</summary>
    public int? SweepEpochs { get; init; }

    public string SweepPruner { get; init; } = "median";

    /// <summary>The learning rates the sweep searches (log scale); null for <see cref="Optimizers.LearningRateRange"/> of the optimizer.</summary>
    public (double Min, double Max)? SweepLearningRates { get; init; }

    public IReadOnlyList<int> SweepBatchSizes { get; init; } = DefaultSweepBatchSizes;

    /// <summary>All cores, within what the trainer accepts.</summary>
    public static int DefaultThreads => TrainingOptions.DefaultThreads;

    /// <summary>Epochs per sweep trial, with its default filled in.</summary>
    public int SweepEpochsOrDefault => SweepEpochs ?? (Data == "digits" ? 5 : 2);

    /// <summary>The learning-rate range of the sweep, with the optimizer's default filled in.</summary>
    public (double Min, double Max) SweepLearningRatesOrDefault => SweepLearningRates ?? Optimizers.LearningRateRange(Optimizer);

    /// <summary>Reads a command line; a bad one throws <see cref="DlExtArgumentException"/> naming the option.
    /// Help and directives are not handled here (see <see cref="CliProgram"/>).</summary>
    public static CliOptions Parse(IReadOnlyList<string> args)
    {
        var command = new CliCommand();
        return command.Read(command.Parse(args));
    }
}
