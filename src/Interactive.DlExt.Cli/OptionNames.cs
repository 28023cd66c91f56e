namespace Interactive.DlExt.Cli;

/// <summary>The options of <c>dlext</c>, spelled once: the parser, the help, the error messages and the table of
/// library parameter names all use these.</summary>
internal static class OptionNames
{
    public const string Data = "--data";
    public const string DataDir = "--data-dir";
    public const string Model = "--model";
    public const string Epochs = "--epochs";
    public const string BatchSize = "--batch-size";
    public const string LearningRate = "--lr";
    public const string Optimizer = "--optimizer";
    public const string ValidationSplit = "--val-split";
    public const string EarlyStop = "--early-stop";
    public const string Seed = "--seed";
    public const string Threads = "--threads";
    public const string Report = "--report";
    public const string SweepStrategy = "--sweep-strategy";
    public const string SweepTrials = "--sweep-trials";
    public const string SweepEpochs = "--sweep-epochs";
    public const string SweepPruner = "--sweep-pruner";
    public const string SweepLearningRates = "--sweep-lr";
    public const string SweepBatchSizes = "--sweep-batch-sizes";
}
