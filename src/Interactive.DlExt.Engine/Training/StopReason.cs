namespace Interactive.DlExt;

/// <summary>Why training ended.</summary>
public enum StopReason
{
    /// <summary>All planned epochs ran.</summary>
    Completed,

    /// <summary>Early stopping saw no improvement for its patience.</summary>
    EarlyStopped,

    /// <summary>The loss became NaN or infinite, or exploded past <see cref="TrainingOptions.DivergenceFactor"/> × its start.</summary>
    Diverged,

    /// <summary>The cancellation token fired (e.g. a notebook interrupt).</summary>
    Cancelled,

    /// <summary>A callback asked to stop.</summary>
    StopRequested,
}
