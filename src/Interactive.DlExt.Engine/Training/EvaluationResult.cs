using System.Globalization;

namespace Interactive.DlExt;

/// <summary>Metrics of a model on held-out data, from <see cref="Trainer.Evaluate"/>.</summary>
[TypeFormatterSource(TypeFormatterSourceAttribute.DlExtSource)]
public sealed class EvaluationResult
{
    internal EvaluationResult(string dataName, int count, string lossName, double loss, ConfusionMatrix? confusion)
    {
        DataName = dataName;
        Count = count;
        LossName = lossName;
        Loss = loss;
        ConfusionMatrix = confusion;
    }

    /// <summary>The data set's name.</summary>
    public string DataName { get; }

    /// <summary>The number of samples evaluated.</summary>
    public int Count { get; }

    /// <summary>The loss's name.</summary>
    public string LossName { get; }

    /// <summary>The mean loss.</summary>
    public double Loss { get; }

    /// <summary>The accuracy, for classifiers.</summary>
    public double? Accuracy => ConfusionMatrix?.Accuracy;

    /// <summary>Actual versus predicted classes, for classifiers.</summary>
    public ConfusionMatrix? ConfusionMatrix { get; }

    /// <summary>What was evaluated (<see cref="RunManifest"/>: the data's fingerprint, the weights' hash, the metrics and
    /// every use of the test set so far), when it came from <see cref="Trainer.Evaluate"/>.</summary>
    public RunManifest? Manifest { get; internal set; }

    /// <summary>Saves <see cref="Manifest"/> as JSON to <paramref name="path"/>, atomically.</summary>
    /// <exception cref="InvalidOperationException">The result has no manifest.</exception>
    public void SaveManifest(string path) =>
        (Manifest ?? throw new InvalidOperationException("This result has no manifest: only Trainer.Evaluate's results have one.")).Save(path);

    /// <inheritdoc />
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{DataName}: {Count} samples, {LossName} {Loss:G5}")
        + (Accuracy is { } a ? string.Create(CultureInfo.InvariantCulture, $", accuracy {a:P2}") : string.Empty);
}
