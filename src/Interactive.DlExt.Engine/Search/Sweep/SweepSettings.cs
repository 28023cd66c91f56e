using System.Globalization;

namespace Interactive.DlExt.Search;

/// <summary>
/// The sweep settings stored with its study (beside the study's strategy and pruner), so that resuming with other
/// epochs, another optimizer or other data is refused instead of ranking two experiments together. A setting is listed
/// when it changes what a trial's value means; the trial budget, parallelism, threads and views are not.
/// </summary>
internal static class SweepSettings
{
    public static Dictionary<string, string> Of(SweepRequest request)
    {
        var settings = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["objective"] = SweepRunner.MetricName(request.Objective),
            ["data"] = DataSet(request.Train),
            ["validation"] = request.Validation is { } given
                ? DataSet(given)
                : $"{Number(request.ValidationSplit)} of the training data",
            ["epochs"] = Number(request.Epochs),
            ["batch size"] = Number(request.BatchSize),
            ["optimizer"] = request.Optimizer,
            ["learning rate"] = Number(request.LearningRate),
            ["momentum"] = request.Momentum is { } m ? Number(m) : "the optimizer's default",
            ["weight decay"] = request.WeightDecay is { } w ? Number(w) : "the optimizer's default",
            ["schedule"] = request.Schedule ?? "constant",
            ["l1"] = Number(request.L1),
            ["l2"] = Number(request.L2),
            ["loss"] = request.Loss?.Name ?? "the default for the data",
            ["early stopping patience"] = request.EarlyStoppingPatience is { } p ? Number(p) : "none",
        };
        return settings;
    }

    private static string DataSet(Dataset data) => string.Create(CultureInfo.InvariantCulture, $"'{data.Name}' ({data.Count} samples)");

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
