using System.Globalization;
using System.Text;

namespace Interactive.DlExt;

/// <summary>One line of terminal progress for a training run: epoch bar, losses, accuracy, learning rate, time.</summary>
public static class ProgressLine
{
    /// <summary>Formats the state of <paramref name="history"/>, e.g.
    /// "epoch  3/20 [#####...............] loss 0.2345 val 0.2101 acc 93.10% lr 1.0e-03 1.2s".</summary>
    public static string Format(TrainingHistory history)
    {
        ArgumentNullException.ThrowIfNull(history);
        var s = history.Settings;
        var done = history.Epochs.Count;
        const int width = 20;
        var filled = s.Epochs == 0 ? 0 : (int)Math.Round(width * (double)done / s.Epochs);
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"epoch {done,2}/{s.Epochs} [{new string('#', filled)}{new string('.', width - filled)}]");
        if (history.LastEpoch is { } e)
        {
            sb.Append(CultureInfo.InvariantCulture, $" loss {e.TrainLoss:F4}");
            if (e.ValidationLoss is { } vl)
            {
                sb.Append(CultureInfo.InvariantCulture, $" val {vl:F4}");
            }

            if ((e.ValidationAccuracy ?? e.TrainAccuracy) is { } acc)
            {
                sb.Append(CultureInfo.InvariantCulture, $" acc {acc:P2}");
            }

            sb.Append(CultureInfo.InvariantCulture, $" lr {e.LearningRate:0.0e+00}");
        }
        else if (history.Steps.Count > 0)
        {
            sb.Append(CultureInfo.InvariantCulture, $" step {history.Steps.Count} loss {history.Steps[^1].Loss:F4}");
        }

        sb.Append(CultureInfo.InvariantCulture, $" {history.Epochs.Sum(x => x.Duration.TotalSeconds):F1}s");
        return sb.ToString();
    }

    /// <summary>The closing line of a run, e.g. "done in 1.4 s: completed 20 epochs; best validation loss 0.1204 at epoch 20".</summary>
    public static string Summary(TrainingHistory history)
    {
        ArgumentNullException.ThrowIfNull(history);
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"done in {history.Elapsed.TotalSeconds:F1} s: {history.StopMessage}");
        if (history.BestEpoch is { } best)
        {
            sb.Append(CultureInfo.InvariantCulture, $"; best {history.MonitoredMetric} {history.Monitored(history.Epochs[best]):F4} at epoch {best + 1}");
            if (history.RestoredBestWeights)
            {
                sb.Append(" (weights restored)");
            }
        }

        return sb.ToString();
    }
}
