using System.Globalization;
using Interactive.DlExt.Search;

namespace Interactive.DlExt.Cli;

/// <summary>The sweep after training, from the <c>--sweep-*</c> options: learning rate on a log scale over the optimizer's
/// range (<see cref="Optimizers.LearningRateRange"/>) unless <c>--sweep-lr</c> is given, and a choice of batch sizes,
/// judged on validation data only.</summary>
internal static class SweepPlan
{
    public static SweepRequest Create(CliOptions options, Dataset train, Func<Sequential> model, Action<SweepResult> progress)
    {
        var (min, max) = options.SweepLearningRatesOrDefault;
        var space = SearchSpace.Create().LogUniform("lr", min, max).Choice("batch_size", [.. options.SweepBatchSizes]);
        return new SweepRequest(model, train, space)
        {
            Strategy = Sweep.CreateStrategy(options.SweepStrategy, options.SweepTrials),
            Trials = options.SweepTrials,
            Epochs = options.SweepEpochsOrDefault,
            Optimizer = options.Optimizer,
            ValidationSplit = options.ValidationSplit,
            Seed = options.Seed,
            Pruner = Sweep.CreatePruner(options.SweepPruner, options.SweepEpochsOrDefault, options.Seed),
            ThreadsPerTrial = options.Threads,
            Progress = progress,
        };
    }

    /// <summary>The line printed before the sweep starts.</summary>
    public static string Describe(CliOptions options)
    {
        var (min, max) = options.SweepLearningRatesOrDefault;
        return string.Create(CultureInfo.InvariantCulture,
            $"sweep: {options.SweepTrials} {options.SweepStrategy} trials of {options.SweepEpochsOrDefault} epochs with {options.Optimizer}, " +
            $"pruner {options.SweepPruner}, over lr in [{min:G3}, {max:G3}] (log) and batch size in {{{string.Join(", ", options.SweepBatchSizes)}}}");
    }
}
