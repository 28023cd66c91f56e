namespace Interactive.DlExt.Search;

/// <summary>Where a trial is in its life.</summary>
public enum TrialState
{
    /// <summary>Claimed by a worker and being evaluated.</summary>
    Running,

    /// <summary>Finished with an objective value.</summary>
    Completed,

    /// <summary>Stopped early by a pruner; its partial curve is kept.</summary>
    Pruned,

    /// <summary>The objective threw or returned a non-finite value; the message says why.</summary>
    Failed,

    /// <summary>Interrupted before it finished, as earlier versions recorded it (without its curve); re-run like <see cref="Cancelled"/>.</summary>
    Waiting,

    /// <summary>Interrupted by cancellation: its partial curve is kept for the views, but it is not finished, so the
    /// next run of the study re-runs it from the start with the same number and parameters.</summary>
    Cancelled,
}
