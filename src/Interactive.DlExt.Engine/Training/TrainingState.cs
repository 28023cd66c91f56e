namespace Interactive.DlExt;

/// <summary>
/// Where a run stands, as callbacks see it. Callbacks may ask to stop with <see cref="RequestStop"/>:
/// the trainer finishes the current epoch's bookkeeping and ends the run (stopping is a request, not an exception).
/// </summary>
public sealed class TrainingState
{
    internal TrainingState(Sequential model, TrainingHistory history, CancellationToken cancellationToken)
    {
        Model = model;
        History = history;
        CancellationToken = cancellationToken;
    }

    /// <summary>The model being trained.</summary>
    public Sequential Model { get; }

    /// <summary>The history so far.</summary>
    public TrainingHistory History { get; }

    /// <summary>The run's cancellation token.</summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>The 0-based current epoch.</summary>
    public int Epoch { get; internal set; }

    /// <summary>The 0-based index of the current batch within the epoch.</summary>
    public int BatchIndex { get; internal set; }

    /// <summary>The 0-based global step.</summary>
    public long Step { get; internal set; }

    /// <summary>The learning rate of the current step.</summary>
    public double LearningRate { get; internal set; }

    /// <summary>The last batch's loss.</summary>
    public double BatchLoss { get; internal set; }

    /// <summary>The current batch's global gradient norm before clipping (set before <see cref="TrainingEvent.GradientsComputed"/>).</summary>
    public double GradientNorm { get; internal set; }

    /// <summary>All trainable gradients (<see cref="ParameterStore.Gradients"/> of the model). During
    /// <see cref="TrainingEvent.GradientsComputed"/> they hold the batch's clipped gradients, and what a callback
    /// writes there is what the optimizer applies; after the step they are zero.</summary>
    public Span<float> Gradients => Model.Store.Gradients;

    /// <summary>Whether a stop was requested.</summary>
    public bool StopRequested => PendingStop is not null;

    internal (StopReason Reason, string Message)? PendingStop { get; private set; }

    /// <summary>Asks the trainer to stop after the current batch or epoch.</summary>
    public void RequestStop(string message) => Stop(StopReason.StopRequested, message);

    internal void Stop(StopReason reason, string message) => PendingStop ??= (reason, message);
}
