namespace Interactive.DlExt;

/// <summary>One finished epoch.</summary>
/// <param name="Epoch">The 0-based epoch (displayed 1-based).</param>
/// <param name="TrainLoss">The mean training loss over the epoch's batches (weighted by batch size).</param>
/// <param name="TrainAccuracy">Training accuracy measured on the fly (train mode), for classifiers.</param>
/// <param name="ValidationLoss">The validation loss (eval mode), when there is validation data.</param>
/// <param name="ValidationAccuracy">The validation accuracy, for classifiers with validation data.</param>
/// <param name="LearningRate">The learning rate of the epoch's last step.</param>
/// <param name="Duration">Wall time of the epoch including validation.</param>
public sealed record EpochRecord(
    int Epoch,
    double TrainLoss,
    double? TrainAccuracy,
    double? ValidationLoss,
    double? ValidationAccuracy,
    double LearningRate,
    TimeSpan Duration);
