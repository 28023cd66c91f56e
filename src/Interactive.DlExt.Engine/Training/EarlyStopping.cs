namespace Interactive.DlExt;

/// <summary>
/// Stops training when the monitored loss (validation loss when there is validation data, else training
/// loss) has not improved by more than <see cref="MinDelta"/> for <see cref="Patience"/> epochs, and can
/// roll the weights back to the best epoch (Keras' EarlyStopping with restore_best_weights).
/// </summary>
public sealed class EarlyStopping : TrainingCallback
{
    private double _best;
    private int _wait;
    private ParameterSnapshot? _bestWeights;
    private int _bestEpoch;

    /// <summary>Creates the callback.</summary>
    /// <param name="patience">Epochs without improvement to tolerate (≥ 1).</param>
    /// <param name="minDelta">The smallest decrease that counts as an improvement (≥ 0).</param>
    /// <param name="restoreBestWeights">Whether to roll back to the best epoch's weights when training ends.</param>
    public EarlyStopping(int patience = 5, double minDelta = 0, bool restoreBestWeights = true)
    {
        Patience = Guard.AtLeast(patience, 1, "patience");
        MinDelta = Guard.NonNegative(minDelta, "min delta");
        RestoreBestWeights = restoreBestWeights;
    }

    /// <summary>Epochs without improvement tolerated.</summary>
    public int Patience { get; }

    /// <summary>The smallest decrease that counts as an improvement.</summary>
    public double MinDelta { get; }

    /// <summary>Whether the best epoch's weights are restored at the end.</summary>
    public bool RestoreBestWeights { get; }

    /// <summary>The callback's state for a training checkpoint.</summary>
    internal (double Best, int Wait, int BestEpoch, ParameterSnapshot? BestWeights) SaveState() => (_best, _wait, _bestEpoch, _bestWeights);

    /// <summary>Restores what <see cref="SaveState"/> returned (after <see cref="TrainingEvent.TrainingStarted"/> reset it).</summary>
    internal void RestoreState(double best, int wait, int bestEpoch, ParameterSnapshot? bestWeights) =>
        (_best, _wait, _bestEpoch, _bestWeights) = (best, wait, bestEpoch, bestWeights);

    /// <inheritdoc />
    protected override void OnTrainingStarted(TrainingState state)
    {
        _best = double.PositiveInfinity;
        _wait = 0;
        _bestWeights = null;
        _bestEpoch = -1;
    }

    /// <inheritdoc />
    protected override void OnEpochEnded(TrainingState state)
    {
        var history = state.History;
        var value = history.Monitored(history.LastEpoch!);
        if (value < _best - MinDelta)
        {
            _best = value;
            _wait = 0;
            _bestEpoch = state.Epoch;
            if (RestoreBestWeights)
            {
                _bestWeights = state.Model.Store.Snapshot();
            }

            return;
        }

        _wait++;
        if (_wait >= Patience)
        {
            state.Stop(StopReason.EarlyStopped,
                $"early stopping: {history.MonitoredMetric} did not improve by more than {MinDelta:G3} for {Patience} epochs (best {_best:G5} at epoch {_bestEpoch + 1})");
        }
    }

    /// <inheritdoc />
    protected override void OnTrainingEnded(TrainingState state)
    {
        if (RestoreBestWeights && _bestWeights is not null && _bestEpoch != state.History.LastEpoch?.Epoch)
        {
            state.Model.Store.Restore(_bestWeights);
            state.History.RestoredBestWeights = true;
        }
    }
}
