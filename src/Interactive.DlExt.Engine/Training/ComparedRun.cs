namespace Interactive.DlExt;

/// <summary>One run of a <see cref="RunComparison"/>: its history, the label that says how it differs from the others,
/// and what it cost (time and steps per epoch, throughput) for the batch-size trade-off.</summary>
public sealed class ComparedRun
{
    internal ComparedRun(string label, TrainingHistory history)
    {
        Label = label;
        History = history;
    }

    /// <summary>What sets this run apart, e.g. "lr 0.01" or "batch 64, lr 0.2 (scaled)".</summary>
    public string Label { get; }

    /// <summary>The run's history.</summary>
    public TrainingHistory History { get; }

    /// <summary>The run's hyperparameters.</summary>
    public TrainingSettings Settings => History.Settings;

    /// <summary>Optimizer steps per epoch.</summary>
    public int StepsPerEpoch => Settings.StepsPerEpoch;

    /// <summary>The mean wall time of a finished epoch (validation included), or zero before the first.</summary>
    public TimeSpan TimePerEpoch =>
        History.Epochs.Count == 0 ? TimeSpan.Zero : TimeSpan.FromTicks(History.Epochs.Sum(e => e.Duration.Ticks) / History.Epochs.Count);

    /// <summary>Training samples per second over the finished epochs (each sees every training sample once), or 0 before the first.</summary>
    public double SamplesPerSecond
    {
        get
        {
            var seconds = History.Epochs.Sum(e => e.Duration.TotalSeconds);
            return seconds > 0 ? (double)Settings.TrainCount * History.Epochs.Count / seconds : 0;
        }
    }

    /// <summary>The validation accuracy of the last finished epoch, or null (no validation, not a classifier, no epoch).</summary>
    public double? FinalValidationAccuracy => History.LastEpoch?.ValidationAccuracy;

    /// <summary>The highest validation accuracy of any epoch, or null.</summary>
    public double? BestValidationAccuracy => History.Epochs.Max(e => e.ValidationAccuracy);

    /// <summary>Where each finished epoch ends on <paramref name="axis"/>: its number (1-based), the steps or samples
    /// taken by its end, or the seconds of wall time by its end.</summary>
    public IReadOnlyList<double> EpochEnds(ComparisonAxis axis)
    {
        var ends = new double[History.Epochs.Count];
        var seconds = 0.0;
        for (var i = 0; i < ends.Length; i++)
        {
            seconds += History.Epochs[i].Duration.TotalSeconds;
            ends[i] = axis switch
            {
                ComparisonAxis.Steps => (i + 1.0) * StepsPerEpoch,
                ComparisonAxis.Samples => (i + 1.0) * Settings.TrainCount,
                ComparisonAxis.Seconds => seconds,
                _ => i + 1,
            };
        }

        return ends;
    }

    /// <summary>Validation accuracy against cumulative wall time (seconds at each epoch's end), for the epochs that have one.</summary>
    public IReadOnlyList<(double Seconds, double Accuracy)> AccuracyAgainstTime()
    {
        var ends = EpochEnds(ComparisonAxis.Seconds);
        return [.. History.Epochs.Select((e, i) => (ends[i], e.ValidationAccuracy)).Where(p => p.ValidationAccuracy is not null).Select(p => (p.Item1, p.ValidationAccuracy!.Value))];
    }

    /// <inheritdoc />
    public override string ToString() => $"{Label}: {History}";
}
