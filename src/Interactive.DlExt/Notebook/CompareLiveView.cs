namespace Interactive.DlExt.Notebook;

/// <summary>Keeps a displayed comparison up to date while #!compare trains its runs: the finished runs and the running
/// one, at most once per interval, and once more when each run ends.</summary>
internal sealed class CompareLiveView(IDisplayHandle handle, List<TrainingHistory> finished, ComparisonAxis axis, int? referenceBatchSize, TimeSpan interval)
    : TrainingCallback
{
    private readonly UpdateThrottle _throttle = new(TimeProvider.System, interval);

    /// <inheritdoc />
    protected override void OnEpochEnded(TrainingState state)
    {
        if (_throttle.TryPass())
        {
            Send(state.History);
        }
    }

    /// <inheritdoc />
    protected override void OnTrainingEnded(TrainingState state)
    {
        finished.Add(state.History);
        _throttle.Sent();
        handle.Update(new RunComparison(finished, names: null, axis, referenceBatchSize));
    }

    private void Send(TrainingHistory running) => handle.Update(new RunComparison([.. finished, running], names: null, axis, referenceBatchSize));
}
