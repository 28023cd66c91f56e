namespace Interactive.DlExt.Notebook;

/// <summary>
/// Keeps a displayed <see cref="TrainingHistory"/> up to date while training runs: at most one update per
/// <see cref="MinimumInterval"/> (default 0.5 s) after a finished epoch or batch, plus a final update when
/// training ends, so the saved notebook keeps the final static chart. Each update re-renders the whole output.
/// </summary>
public sealed class LiveView : TrainingCallback
{
    private readonly IDisplayHandle _handle;
    private readonly UpdateThrottle _throttle;

    /// <summary>Creates a live view over a displayed output.</summary>
    public LiveView(IDisplayHandle handle, TimeProvider? timeProvider = null, TimeSpan? minimumInterval = null)
    {
        ArgumentNullException.ThrowIfNull(handle);
        _handle = handle;
        MinimumInterval = minimumInterval ?? TimeSpan.FromMilliseconds(500);
        _throttle = new UpdateThrottle(timeProvider ?? TimeProvider.System, MinimumInterval);
    }

    /// <summary>The least time between two updates (the final update always happens).</summary>
    public TimeSpan MinimumInterval { get; }

    /// <summary>How many updates were sent.</summary>
    public int UpdateCount { get; private set; }

    /// <inheritdoc />
    protected override void OnBatchEnded(TrainingState state) => MaybeUpdate(state);

    /// <inheritdoc />
    protected override void OnEpochEnded(TrainingState state) => MaybeUpdate(state);

    /// <inheritdoc />
    protected override void OnTrainingEnded(TrainingState state)
    {
        _throttle.Sent();
        Send(state);
    }

    private void MaybeUpdate(TrainingState state)
    {
        if (_throttle.TryPass())
        {
            Send(state);
        }
    }

    private void Send(TrainingState state)
    {
        _handle.Update(state.History);
        UpdateCount++;
    }
}
