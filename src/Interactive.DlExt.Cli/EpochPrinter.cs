using System.Globalization;

namespace Interactive.DlExt.Cli;

/// <summary>Prints one aligned line per epoch: losses, accuracies, learning rate and time.</summary>
internal sealed class EpochPrinter(TextWriter output) : TrainingCallback
{
    protected override void OnTrainingStarted(TrainingState state)
    {
        var s = state.History.Settings;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"training {s.Model} ({s.ParameterCount:N0} parameters) on {s.TrainCount} samples, validating on {s.ValidationCount}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"optimizer {s.Optimizer} (η = {s.LearningRate:G3}), schedule {s.Schedule}, batch {s.BatchSize}, {s.Epochs} epochs, seed {s.Seed}, {s.Threads} threads"));
        output.WriteLine("epoch   train loss  train acc   val loss   val acc   learning rate   time");
    }

    protected override void OnEpochEnded(TrainingState state)
    {
        var e = state.History.LastEpoch!;
        var total = state.History.Settings.Epochs;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{e.Epoch + 1,3}/{total,-3} {e.TrainLoss,10:F4} {Percent(e.TrainAccuracy),10} {Number(e.ValidationLoss),10} {Percent(e.ValidationAccuracy),9} {e.LearningRate,15:0.00e+00} {e.Duration.TotalSeconds,6:F2}s"));
    }

    protected override void OnTrainingEnded(TrainingState state)
    {
        var h = state.History;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"stopped: {h.StopMessage} in {h.Elapsed.TotalSeconds:F1}s"));
        if (h.RestoredBestWeights && h.BestEpoch is { } best)
        {
            output.WriteLine($"restored the weights of epoch {best + 1} (best {h.MonitoredMetric})");
        }
    }

    private static string Percent(double? v) => v is { } x ? x.ToString("P2", CultureInfo.InvariantCulture) : "-";

    private static string Number(double? v) => v is { } x ? x.ToString("F4", CultureInfo.InvariantCulture) : "-";
}
