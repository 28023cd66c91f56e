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

    /// <summary>Interrupted (cancelled) before it finished: the next worker re-runs it with the same number and parameters.</summary>
    Waiting,
}
