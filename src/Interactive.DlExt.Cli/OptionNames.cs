namespace Interactive.DlExt.Cli;

/// <summary>The options of <c>dlext</c>, spelled once: the parser, the help, the error messages and the table of
/// library parameter names all use these. A training hyperparameter's option is its descriptor's
/// (<see cref="Hyperparameters"/>), the same as the magics'.</summary>
internal static class OptionNames
{
    public const string Data = "--data";
    public const string DataDir = "--data-dir";
    public const string Model = "--model";
    public static readonly string Epochs = Hyperparameters.Epochs.Option;
    public static readonly string BatchSize = Hyperparameters.BatchSize.Option;
    public static readonly string LearningRate = Hyperparameters.LearningRate.Option;
    public static readonly string Optimizer = Hyperparameters.Optimizer.Option;
    public static readonly string ValidationSplit = Hyperparameters.ValidationSplit.Option;
    public static readonly string EarlyStop = Hyperparameters.EarlyStop.Option;
    public static readonly string ClipNorm = Hyperparameters.ClipNorm.Option;
    public static readonly string ClipValue = Hyperparameters.ClipValue.Option;
    public static readonly string Seed = Hyperparameters.Seed.Option;
    public static readonly string Threads = Hyperparameters.Threads.Option;
    public const string Report = "--report";
    public const string Manifest = "--manifest";
    public const string Checkpoint = "--checkpoint";
    public const string CheckpointEvery = "--checkpoint-every";
    public const string Resume = "--resume";
    public static readonly string Momentum = Hyperparameters.Momentum.Option;
    public static readonly string Beta1 = Hyperparameters.Beta1.Option;
    public static readonly string Beta2 = Hyperparameters.Beta2.Option;
    public static readonly string Rho = Hyperparameters.Rho.Option;
    public static readonly string WeightDecay = Hyperparameters.WeightDecay.Option;
    public const string SweepStrategy = "--sweep-strategy";
    public const string SweepTrials = "--sweep-trials";
    public const string SweepEpochs = "--sweep-epochs";
    public const string SweepPruner = "--sweep-pruner";
    public const string SweepLearningRates = "--sweep-lr";
    public const string SweepBatchSizes = "--sweep-batch-sizes";
}
