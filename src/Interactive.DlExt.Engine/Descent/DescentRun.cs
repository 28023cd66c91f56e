namespace Interactive.DlExt;

/// <summary>One optimizer's path across a surface in the descent lab.</summary>
/// <param name="Setting">The optimizer and its settings.</param>
/// <param name="Label">The legend entry: what differs from the other runs of the lab.</param>
/// <param name="Formula">The optimizer's update rule.</param>
/// <param name="X">x after each step; index 0 is the start.</param>
/// <param name="Y">y after each step.</param>
/// <param name="Loss">f(x, y) after each step.</param>
/// <param name="StepsToTolerance">The first step at which the tolerance was met, or null if it never was.</param>
/// <param name="Outcome">How the run ended.</param>
/// <param name="Message">How it ended, in words, e.g. "diverged: the loss reached 1.2E+05 at step 6 …".</param>
public sealed record DescentRun(
    DescentSetting Setting,
    string Label,
    string Formula,
    IReadOnlyList<double> X,
    IReadOnlyList<double> Y,
    IReadOnlyList<double> Loss,
    int? StepsToTolerance,
    DescentOutcome Outcome,
    string Message)
{
    /// <summary>The steps taken (the run stops early when it diverges or escapes).</summary>
    public int Steps => X.Count - 1;

    /// <summary>The loss after the last step.</summary>
    public double FinalLoss => Loss[^1];

    /// <summary>Where the run ended.</summary>
    public (double X, double Y) End => (X[^1], Y[^1]);

    /// <summary>Whether the loss exploded.</summary>
    public bool Diverged => Outcome == DescentOutcome.Diverged;
}
