namespace Interactive.DlExt;

/// <summary>What the x axis of a <see cref="RunComparison"/> counts.</summary>
public enum ComparisonAxis
{
    /// <summary>Finished epochs (1, 2, …).</summary>
    Epochs,

    /// <summary>Optimizer steps taken: a larger batch takes fewer per epoch.</summary>
    Steps,

    /// <summary>Training samples seen.</summary>
    Samples,

    /// <summary>Wall time in seconds (epoch times, validation included): the cost of a run.</summary>
    Seconds,
}
