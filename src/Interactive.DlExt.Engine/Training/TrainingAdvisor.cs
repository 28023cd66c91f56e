namespace Interactive.DlExt;

/// <summary>
/// The course's rules of thumb, applied to a finished (or running) training history: a learning rate outside
/// 1e-6 … 1, a batch as large as the training set or not above the number of classes, inputs that are not
/// normalised, a loss that exploded or oscillates, and validation loss rising
/// while training loss falls (overfitting, with the epoch it began). Each rule fires only on what the history shows.
/// </summary>
public static class TrainingAdvisor
{
    /// <summary>The usual span of learning rates; outside it a run is almost always too slow or unstable.</summary>
    public const double LowestUsualLearningRate = 1e-6;

    /// <summary>The top of the usual span.</summary>
    public const double HighestUsualLearningRate = 1;

    /// <summary>Inputs larger than this in absolute value count as not normalised (pixel values 0-255, prices, …).</summary>
    public const double LargestNormalisedInput = 10;

    /// <summary>The notes that apply to <paramref name="history"/>, in the order of the rules above.</summary>
    public static IReadOnlyList<Advice> For(TrainingHistory history)
    {
        ArgumentNullException.ThrowIfNull(history);
        var notes = new List<Advice>();
        var s = history.Settings;
        if (s.LearningRate is < LowestUsualLearningRate or > HighestUsualLearningRate)
        {
            notes.Add(new Advice("learning rate",
                $"the learning rate {NumberText.General(s.LearningRate, 3)} is outside the usual 1e-6 … 1",
                s.LearningRate > HighestUsualLearningRate ? "steps that large overshoot and the loss explodes or oscillates" : "steps that small barely move the weights in the epochs you have",
                "0.01 on normalised inputs (0.001 for adam), or the range test #!lr-find, then candidates ten times apart"));
        }

        if (s.BatchSize >= s.TrainCount && s.TrainCount > 1)
        {
            notes.Add(new Advice("batch size",
                FormattableString.Invariant($"the batch of {s.BatchSize} holds every one of the {s.TrainCount} training samples: one step per epoch"),
                "full-batch steps are few and noiseless, so training is slow and can settle in sharp minima",
                "a batch of 32 to 256, well below the number of samples"));
        }

        if (s.ClassCount > 1 && s.BatchSize <= s.ClassCount && s.TrainCount > s.ClassCount)
        {
            notes.Add(new Advice("batch size",
                FormattableString.Invariant($"the batch of {s.BatchSize} is not above the {s.ClassCount} classes"),
                "most batches miss some classes, so each step pulls the model towards a few of them and the loss jumps",
                "a batch several times the number of classes (32 or more)"));
        }

        if (s.LargestInput is > LargestNormalisedInput)
        {
            notes.Add(new Advice("input scale",
                FormattableString.Invariant($"the inputs reach {s.LargestInput:G4} in absolute value"),
                "unscaled inputs make the first layer's gradients large and the loss surface long and narrow, so no one learning rate suits every weight",
                "scale the inputs to about [0, 1] or standardise them (Standardizer); then 0.01 is a good first learning rate"));
        }

        if (history.StopReason == StopReason.Diverged)
        {
            notes.Add(new Advice("exploding loss", history.StopMessage, "the learning rate is too high for this model and data",
                FormattableString.Invariant($"a learning rate ten times smaller ({s.LearningRate / 10:G3}), gradient clipping, or a warm-up")));
        }
        else if (Oscillation(history) is { } rises)
        {
            notes.Add(new Advice("oscillating loss",
                FormattableString.Invariant($"the training loss rose in {rises} of the last {Math.Min(history.Epochs.Count - 1, Window)} epochs"),
                "steps overshoot the minimum and bounce across it",
                FormattableString.Invariant($"a smaller learning rate ({s.LearningRate / 3:G3}) or a decaying schedule")));
        }

        if (Overfitting(history) is { } began)
        {
            var e = history.Epochs;
            notes.Add(new Advice("overfitting",
                FormattableString.Invariant($"validation loss rose from {e[began - 1].ValidationLoss:G4} (epoch {began}) to {e[^1].ValidationLoss:G4} (epoch {e.Count}) while training loss fell from {e[began - 1].TrainLoss:G4} to {e[^1].TrainLoss:G4}"),
                FormattableString.Invariant($"from epoch {began + 1} on the model learns the training samples rather than the task"),
                FormattableString.Invariant($"early stopping (patience 3 would have kept epoch {began}), weight decay or L2, dropout, or more data")));
        }

        return notes;
    }

    private const int Window = 6;

    // The training loss went up (by more than 1 %) in at least 2 and at least 40 % of the last few epoch-to-epoch moves
    // (never for a steadily falling loss).
    private static int? Oscillation(TrainingHistory history)
    {
        var losses = history.Epochs.Select(e => e.TrainLoss).TakeLast(Window + 1).ToArray();
        if (losses.Length < 5)
        {
            return null;
        }

        var rises = losses.Zip(losses.Skip(1)).Count(p => p.Second > p.First * 1.01);
        return rises >= 2 && rises * 5 >= (losses.Length - 1) * 2 ? rises : null;
    }

    // The first epoch (1-based) after which validation loss rose for two epochs in a row and stayed above its best while
    // training loss kept falling; null when validation loss is still near its best.
    private static int? Overfitting(TrainingHistory history)
    {
        var e = history.Epochs;
        if (e.Count < 4 || e.Any(r => r.ValidationLoss is null))
        {
            return null;
        }

        var best = 0;
        for (var i = 1; i < e.Count; i++)
        {
            if (e[i].ValidationLoss < e[best].ValidationLoss)
            {
                best = i;
            }
        }

        var rising = e.Count - 1 - best >= 2
            && e[^1].ValidationLoss > e[best].ValidationLoss * 1.05
            && e[^1].TrainLoss < e[best].TrainLoss;
        return rising ? best + 1 : null;
    }

}
