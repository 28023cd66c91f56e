using static Interactive.DlExt.Cli.OptionNames;

namespace Interactive.DlExt.Cli;

/// <summary>
/// From the library's parameter names to the options a <c>dlext</c> user typed: a <see cref="DlExtArgumentException"/>
/// raised by the library about "validationSplit" or "batch size" is shown as one about <c>--val-split</c> or
/// <c>--batch-size</c>. Training settings are found through their descriptors (<see cref="Hyperparameters.Find"/>);
/// during the sweep, epochs, batch size and learning rate are the sweep's own options.
/// </summary>
internal static class LibraryParameters
{
    // The training hyperparameters dlext has options for; their library names come from the descriptors.
    private static readonly HashSet<string> Settable =
        [Epochs, BatchSize, LearningRate, OptionNames.Optimizer, OptionNames.Momentum, Beta1, Beta2, Rho, WeightDecay, ValidationSplit, EarlyStop, ClipNorm, ClipValue, Seed, Threads];

    // What the library names that is not a training hyperparameter.
    private static readonly Dictionary<string, string> Other = new(StringComparer.OrdinalIgnoreCase)
    {
        ["folder"] = DataDir,
        ["strategy"] = SweepStrategy,
        ["pruner"] = SweepPruner,
        ["trials"] = SweepTrials,
        ["checkpoint"] = Checkpoint,
        ["checkpoint every"] = CheckpointEvery,
        ["resume"] = Resume,
    };

    // During the sweep these settings are the sweep's own options.
    private static readonly Dictionary<Hyperparameter, string> InSweep = new()
    {
        [Hyperparameters.Epochs] = SweepEpochs,
        [Hyperparameters.BatchSize] = SweepBatchSizes,
        [Hyperparameters.LearningRate] = SweepLearningRates,
    };

    /// <summary>The option for a library parameter name, or null when the name is not one the user can set.</summary>
    public static string? OptionFor(string? parameter, bool sweep = false) =>
        parameter is null ? null
        : Hyperparameters.Find(parameter) is { } h
            ? (sweep && InSweep.TryGetValue(h, out var swept) ? swept : Settable.Contains(h.Option) ? h.Option : null)
        : Other.TryGetValue(parameter, out var option) ? option
        : null;

    /// <summary>The same error, naming the option instead of the library's parameter; unchanged when there is no such option
    /// (or it already names one).</summary>
    public static DlExtArgumentException Rewrite(DlExtArgumentException error, bool sweep = false)
    {
        ArgumentNullException.ThrowIfNull(error);
        if (OptionFor(error.ParamName, sweep) is not { } option || option == error.ParamName)
        {
            return error;
        }

        return error.Accepted.Length > 0
            ? new DlExtArgumentException(option, error.Value, error.Accepted)
            : new DlExtArgumentException(option, $"{option}: {error.Reason}");
    }
}
