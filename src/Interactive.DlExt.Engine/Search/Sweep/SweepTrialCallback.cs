namespace Interactive.DlExt.Search;

/// <summary>Reports each epoch's objective to the trial, asks the pruner, and requests a stop when it says so (or when
/// another worker has taken the trial over, so that nothing this run does is recorded any more).</summary>
internal sealed class SweepTrialCallback(Trial trial, SweepObjective objective, Action epochEnded) : TrainingCallback
{
    /// <inheritdoc />
    protected override void OnEpochEnded(TrainingState state)
    {
        var epoch = state.History.LastEpoch!;
        var value = SweepRunner.Metric(epoch, objective);
        trial.Report(epoch.Epoch, value);
        if (trial.IsSuperseded)
        {
            state.RequestStop("another worker took this trial over after this one fell silent; its result stands");
        }
        else if (trial.ShouldPrune())
        {
            state.RequestStop($"pruned after epoch {epoch.Epoch + 1}: its {SweepRunner.MetricName(objective)} is not promising");
        }

        epochEnded();
    }
}
