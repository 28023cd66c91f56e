namespace Interactive.DlExt;

/// <summary>
/// Everything a training run recorded: per-step loss and learning rate, per-epoch train and validation
/// metrics and times, the best epoch, and why it stopped. It grows while training runs (live views read
/// it between batches on the training thread) and is complete when <see cref="Trainer.Fit"/> returns.
/// </summary>
[TypeFormatterSource(TypeFormatterSourceAttribute.DlExtSource)]
public sealed class TrainingHistory
{
    private readonly List<StepRecord> _steps = [];
    private readonly List<EpochRecord> _epochs = [];

    internal TrainingHistory(TrainingSettings settings)
    {
        Settings = settings;
    }

    /// <summary>The hyperparameters of the run.</summary>
    public TrainingSettings Settings { get; }

    /// <summary>Every optimizer step in order.</summary>
    public IReadOnlyList<StepRecord> Steps => _steps;

    /// <summary>Every finished epoch in order.</summary>
    public IReadOnlyList<EpochRecord> Epochs => _epochs;

    /// <summary>Whether the run is over.</summary>
    public bool IsComplete { get; private set; }

    /// <summary>Why the run ended (meaningful once <see cref="IsComplete"/>).</summary>
    public StopReason StopReason { get; private set; }

    /// <summary>A sentence saying why the run ended, e.g. "early stopping: validation loss did not improve for 3 epochs".</summary>
    public string StopMessage { get; private set; } = string.Empty;

    /// <summary>The metric that decides the best epoch: "validation loss" when there is validation data, else "training loss".</summary>
    public string MonitoredMetric => Settings.HasValidation ? "validation loss" : "training loss";

    /// <summary>The 0-based epoch with the lowest monitored loss, or null before the first epoch ends.</summary>
    public int? BestEpoch
    {
        get
        {
            int? best = null;
            var bestValue = double.PositiveInfinity;
            foreach (var e in _epochs)
            {
                var v = Monitored(e);
                if (v < bestValue)
                {
                    bestValue = v;
                    best = e.Epoch;
                }
            }

            return best;
        }
    }

    /// <summary>Whether the weights were rolled back to <see cref="BestEpoch"/> at the end.</summary>
    public bool RestoredBestWeights { get; internal set; }

    /// <summary>What the run was, for re-running and checking it (<see cref="RunManifest"/>); null until training ends.</summary>
    public RunManifest? Manifest { get; internal set; }

    /// <summary>Saves <see cref="Manifest"/> as JSON to <paramref name="path"/>, atomically.</summary>
    /// <exception cref="InvalidOperationException">Training has not ended yet.</exception>
    public void SaveManifest(string path) =>
        (Manifest ?? throw new InvalidOperationException("The run has no manifest yet: it is written when training ends.")).Save(path);

    /// <summary>Total wall time of the run.</summary>
    public TimeSpan Elapsed { get; internal set; }

    /// <summary>The last epoch's record, or null.</summary>
    public EpochRecord? LastEpoch => _epochs.Count == 0 ? null : _epochs[^1];

    /// <summary>The value <see cref="BestEpoch"/> is judged by for one epoch.</summary>
    public double Monitored(EpochRecord epoch)
    {
        ArgumentNullException.ThrowIfNull(epoch);
        return Settings.HasValidation ? epoch.ValidationLoss ?? double.PositiveInfinity : epoch.TrainLoss;
    }

    /// <inheritdoc />
    public override string ToString()
    {
        var last = LastEpoch;
        var state = IsComplete ? StopMessage : "running";
        return last is null
            ? $"TrainingHistory: no epoch finished ({state})"
            : $"TrainingHistory: {_epochs.Count} epochs, last train loss {last.TrainLoss:G4}"
              + (last.ValidationLoss is { } vl ? $", validation loss {vl:G4}" : string.Empty)
              + (last.ValidationAccuracy is { } va ? $", validation accuracy {va:P2}" : string.Empty)
              + $" ({state})";
    }

    internal void AddStep(StepRecord step) => _steps.Add(step);

    internal void AddEpoch(EpochRecord epoch) => _epochs.Add(epoch);

    /// <summary>Puts back the steps and epochs a checkpoint recorded (the history is empty when a resumed run starts).</summary>
    internal void Restore(IEnumerable<StepRecord> steps, IEnumerable<EpochRecord> epochs)
    {
        _steps.Clear();
        _epochs.Clear();
        _steps.AddRange(steps);
        _epochs.AddRange(epochs);
    }

    internal void Complete(StopReason reason, string message)
    {
        StopReason = reason;
        StopMessage = message;
        IsComplete = true;
    }
}
