using static Interactive.DlExt.Cli.OptionNames;

namespace Interactive.DlExt.Cli;

/// <summary>
/// The one table from the library's parameter names to the options a <c>dlext</c> user typed: a
/// <see cref="DlExtArgumentException"/> raised by the library about "validationSplit" or "batch size" is shown as
/// one about <c>--val-split</c> or <c>--batch-size</c>. During the sweep, epochs, batch size and learning rate are
/// the sweep's own options.
/// </summary>
internal static class LibraryParameters
{
    private static readonly Dictionary<string, string> Training = new(StringComparer.OrdinalIgnoreCase)
    {
        ["validationSplit"] = ValidationSplit,
        ["validation split"] = ValidationSplit,
        ["batchSize"] = BatchSize,
        ["batch size"] = BatchSize,
        ["batch_size"] = BatchSize,
        ["learningRate"] = LearningRate,
        ["learning rate"] = LearningRate,
        ["lr"] = LearningRate,
        ["threads"] = Threads,
        ["epochs"] = Epochs,
        ["folder"] = DataDir,
        ["optimizer"] = OptionNames.Optimizer,
        ["patience"] = EarlyStop,
        ["seed"] = Seed,
        ["strategy"] = SweepStrategy,
        ["pruner"] = SweepPruner,
        ["trials"] = SweepTrials,
    };

    private static readonly Dictionary<string, string> InSweep = new(StringComparer.OrdinalIgnoreCase)
    {
        ["epochs"] = SweepEpochs,
        ["batchSize"] = SweepBatchSizes,
        ["batch size"] = SweepBatchSizes,
        ["batch_size"] = SweepBatchSizes,
        ["learningRate"] = SweepLearningRates,
        ["learning rate"] = SweepLearningRates,
        ["lr"] = SweepLearningRates,
    };

    /// <summary>The option for a library parameter name, or null when the name is not one the user can set.</summary>
    public static string? OptionFor(string? parameter, bool sweep = false) =>
        parameter is null ? null
        : sweep && InSweep.TryGetValue(parameter, out var swept) ? swept
        : Training.TryGetValue(parameter, out var option) ? option
        : null;

    /// <summary>The same error, naming the option instead of the library's parameter; unchanged when there is no such option
    /// (or it already names one).</summary>
    public static DlExtArgumentException Rewrite(DlExtArgumentException error, bool sweep = false)
    {
        ArgumentNullException.ThrowIfNull(error);
        if (OptionFor(error.ParamName, sweep) is not { } option)
        {
            return error;
        }

        return error.Accepted.Length > 0
            ? new DlExtArgumentException(option, error.Value, error.Accepted)
            : new DlExtArgumentException(option, $"{option}: {error.Reason}");
    }
}
