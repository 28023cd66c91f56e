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

    /// <inheritdoc />
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{DataName}: {Count} samples, {LossName} {Loss:G5}")
        + (Accuracy is { } a ? string.Create(CultureInfo.InvariantCulture, $", accuracy {a:P2}") : string.Empty);
}
