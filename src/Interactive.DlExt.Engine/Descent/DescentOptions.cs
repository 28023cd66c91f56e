namespace Interactive.DlExt;

/// <summary>How the descent lab runs: steps, start, tolerance, and the rule that calls a run diverged.</summary>
public sealed record DescentOptions
{
    /// <summary>The default <see cref="Steps"/>.</summary>
    public const int DefaultSteps = 100;

    /// <summary>The most steps a run may take.</summary>
    public const int MaxSteps = 100_000;

    /// <summary>The lab's default optimizer: plain gradient descent, the rule every other one is compared with.</summary>
    public const string DefaultOptimizer = "sgd";

    /// <summary>The lab's default learning rate: a step that moves visibly on the built-in surfaces in
    /// <see cref="DefaultSteps"/> steps (training's default, 1e-3 for Adam, would barely leave the start).</summary>
    public const double DefaultLearningRate = 0.1;

    /// <summary>The default <see cref="Tolerance"/>.</summary>
    public const double DefaultTolerance = 1e-3;

    /// <summary>Optimizer steps per run (1 to <see cref="MaxSteps"/>).</summary>
    /// <value>The default is <see cref="DefaultSteps"/>.</value>
    public int Steps { get; init; } = DefaultSteps;

    /// <summary>Where every run starts, or null for the surface's own start.</summary>
    /// <value>The default is <see langword="null"/>.</value>
    public (double X, double Y)? Start { get; init; }

    /// <summary>When a run counts as arrived: f − f* ≤ tolerance where the surface's minimum f* is known, else ‖∇f‖ ≤ tolerance.</summary>
    /// <value>The default is <see cref="DefaultTolerance"/>.</value>
    public double Tolerance { get; init; } = DefaultTolerance;

    /// <summary>A run diverges when its loss exceeds this many times max(|f(start)|, 1), as training's
    /// <see cref="TrainingOptions.DivergenceFactor"/>.</summary>
    /// <value>The default is <see cref="TrainingOptions.DefaultDivergenceFactor"/>.</value>
    public double DivergenceFactor { get; init; } = TrainingOptions.DefaultDivergenceFactor;

    /// <summary>Parses a start point written "x,y".</summary>
    /// <exception cref="DlExtArgumentException">Not two finite numbers.</exception>
    public static (double X, double Y) ParseStart(string text, string parameter = "start")
    {
        ArgumentNullException.ThrowIfNull(text);
        return DescentValues.Point(text, parameter);
    }

    /// <summary>Checks every setting.</summary>
    /// <exception cref="DlExtArgumentException">A value out of range.</exception>
    internal void Validate()
    {
        if (Steps < 1 || Steps > MaxSteps)
        {
            throw new DlExtArgumentException("steps", Steps.ToString(System.Globalization.CultureInfo.InvariantCulture), $"an integer in [1, {MaxSteps}]");
        }

        Guard.Positive(Tolerance, "tolerance");
        if (!(DivergenceFactor > 1) || !double.IsFinite(DivergenceFactor))
        {
            throw new DlExtArgumentException("divergence factor", DivergenceFactor.ToString(System.Globalization.CultureInfo.InvariantCulture), "a finite number > 1");
        }

        if (Start is { } s && (!double.IsFinite(s.X) || !double.IsFinite(s.Y)))
        {
            throw new DlExtArgumentException("start", $"{s.X},{s.Y}", "a point with finite coordinates");
        }
    }
}
