using System.Globalization;

namespace Interactive.DlExt;

/// <summary>
/// Several training runs side by side: each labelled by the settings that differ between them, drawn over one x axis
/// (<see cref="ComparisonAxis"/>), with what each cost per epoch for the batch-size trade-off. Build one from histories
/// (<c>new RunComparison([h1, h2])</c>) or train the runs with <see cref="RunComparer.Train"/>.
/// A notebook shows the loss, validation loss and accuracy of all runs on shared charts.
/// </summary>
[TypeFormatterSource(TypeFormatterSourceAttribute.DlExtSource)]
public sealed class RunComparison
{
    private readonly IReadOnlyList<string>? _names;

    /// <summary>Compares <paramref name="histories"/> (at least one, complete or still running).</summary>
    /// <param name="histories">The runs, in legend order.</param>
    /// <param name="names">Names for runs whose settings do not set them apart (e.g. the variables they came from), or null for "run 1", "run 2", ….</param>
    /// <param name="axis">What the x axis counts.</param>
    /// <param name="referenceBatchSize">The batch size the learning rates were linearly scaled from (the labels then say
    /// "(scaled)"), or null when they were not scaled.</param>
    /// <exception cref="DlExtArgumentException">No history was given.</exception>
    public RunComparison(IEnumerable<TrainingHistory> histories, IReadOnlyList<string>? names = null, ComparisonAxis axis = ComparisonAxis.Epochs, int? referenceBatchSize = null)
    {
        ArgumentNullException.ThrowIfNull(histories);
        var list = histories.ToArray();
        if (list.Length == 0)
        {
            throw new DlExtArgumentException("histories", "none", "at least one TrainingHistory");
        }

        var settings = list.Select(h => h.Settings).ToArray();
        ReferenceBatchSize = referenceBatchSize;
        var labels = RunLabels.Make(settings, names, referenceBatchSize is not null);
        Runs = [.. list.Select((h, i) => new ComparedRun(labels[i], h))];
        DifferingSettings = RunLabels.Differing(settings);
        Axis = axis;
        _names = names;
    }

    /// <summary>The runs in legend order.</summary>
    public IReadOnlyList<ComparedRun> Runs { get; }

    /// <summary>What the x axis counts.</summary>
    public ComparisonAxis Axis { get; }

    /// <summary>The settings that differ between the runs, in label order (e.g. "batch", "lr").</summary>
    public IReadOnlyList<string> DifferingSettings { get; }

    /// <summary>Whether the runs differ in batch size (the view then adds the batch-size table and accuracy against time).</summary>
    public bool DiffersInBatchSize => DifferingSettings.Contains("batch");

    /// <summary>The batch size whose learning rate the others were scaled from (lr = base lr × batch / reference,
    /// Goyal et al. 2017), or null when the learning rate was not scaled.</summary>
    public int? ReferenceBatchSize { get; }

    /// <summary>Whether any run has a validation accuracy (a classifier with validation data).</summary>
    public bool HasValidationAccuracy => Runs.Any(r => r.History.Epochs.Any(e => e.ValidationAccuracy is not null));

    /// <summary>Whether any run has a validation loss.</summary>
    public bool HasValidationLoss => Runs.Any(r => r.History.Epochs.Any(e => e.ValidationLoss is not null));

    /// <summary>The same runs over another x axis.</summary>
    public RunComparison WithAxis(ComparisonAxis axis) => new(Runs.Select(r => r.History), _names, axis, ReferenceBatchSize);

    /// <summary>The x-axis title for <paramref name="axis"/>: "epoch", "optimizer steps", "samples seen" or "wall time (s)".</summary>
    public static string AxisTitle(ComparisonAxis axis) => axis switch
    {
        ComparisonAxis.Steps => "optimizer steps",
        ComparisonAxis.Samples => "samples seen",
        ComparisonAxis.Seconds => "wall time (s)",
        _ => "epoch",
    };

    /// <summary>The accepted names of <see cref="ComparisonAxis"/> values, as the magics take them.</summary>
    public static IReadOnlyList<string> AxisNames { get; } = ["epochs", "steps", "samples", "seconds"];

    /// <summary>The axis called <paramref name="name"/> (one of <see cref="AxisNames"/>, case-insensitive).</summary>
    /// <exception cref="DlExtArgumentException">Another name.</exception>
    public static ComparisonAxis ParseAxis(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var index = AxisNames.ToList().IndexOf(name.Trim().ToLowerInvariant());
        return index >= 0 ? (ComparisonAxis)index : throw new DlExtArgumentException("x axis", name, "one of " + string.Join(", ", AxisNames));
    }

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"RunComparison: {Runs.Count} runs differing in {(DifferingSettings.Count == 0 ? "nothing recorded" : string.Join(", ", DifferingSettings))}: {string.Join("; ", Runs.Select(r => r.Label))}");
}
