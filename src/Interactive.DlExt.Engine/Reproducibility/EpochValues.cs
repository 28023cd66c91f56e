namespace Interactive.DlExt;

/// <summary>The numbers of one epoch a manifest keeps (wall time left out: it differs on every run).</summary>
/// <param name="Epoch">The epoch, 1-based.</param>
/// <param name="TrainLoss">The mean training loss.</param>
/// <param name="TrainAccuracy">The training accuracy, for classifiers.</param>
/// <param name="ValidationLoss">The validation loss, when there is validation data.</param>
/// <param name="ValidationAccuracy">The validation accuracy, for classifiers with validation data.</param>
/// <param name="LearningRate">The learning rate of the epoch's last step.</param>
public sealed record EpochValues(int Epoch, double TrainLoss, double? TrainAccuracy, double? ValidationLoss, double? ValidationAccuracy, double LearningRate)
{
    /// <summary>The names of the fields, in the order a comparison reports the first that differs.</summary>
    public static IReadOnlyList<string> FieldNames { get; } = ["train loss", "train accuracy", "validation loss", "validation accuracy", "learning rate"];

    /// <summary>The values of an epoch record.</summary>
    public static EpochValues Of(EpochRecord epoch)
    {
        ArgumentNullException.ThrowIfNull(epoch);
        return new(epoch.Epoch + 1, epoch.TrainLoss, epoch.TrainAccuracy, epoch.ValidationLoss, epoch.ValidationAccuracy, epoch.LearningRate);
    }

    /// <summary>The fields in the order of <see cref="FieldNames"/>.</summary>
    public IReadOnlyList<double?> Fields => [TrainLoss, TrainAccuracy, ValidationLoss, ValidationAccuracy, LearningRate];
}
