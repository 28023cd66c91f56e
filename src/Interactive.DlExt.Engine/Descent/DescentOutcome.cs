namespace Interactive.DlExt;

/// <summary>How a descent run ended.</summary>
public enum DescentOutcome
{
    /// <summary>It took every planned step (whether or not it reached the tolerance).</summary>
    Completed,

    /// <summary>The loss exploded, became NaN/∞, or rose while the point left the picture far behind: the step was too
    /// large for the surface. The run stopped there.</summary>
    Diverged,

    /// <summary>The point slid far off the drawn surface (beyond <see cref="DescentLab.EscapeFactor"/> times its size) with the loss still falling (a surface unbounded below, such as
    /// the saddle). The run stopped there.</summary>
    Escaped,
}
