namespace Interactive.DlExt;

/// <summary>
/// Multiplies the rate by γ every s epochs (PyTorch's <c>StepLR</c>), with 0-based epochs:
/// <code>η = η₀ · γ^⌊epoch / s⌋</code>
/// The rate is constant within an epoch.
/// </summary>
public sealed class StepDecay : LearningRateSchedule
{
    /// <summary>Creates the schedule.</summary>
    /// <param name="stepSize">s, the number of epochs between decays, ≥ 1.</param>
    /// <param name="gamma">γ, in (0, 1]. The default is 0.1.</param>
    public StepDecay(int stepSize, double gamma = 0.1)
    {
        StepSize = Guard.AtLeast(stepSize, 1, "step size");
        Gamma = Schedules.Gamma(gamma);
    }

    /// <summary>s, the number of epochs between decays.</summary>
    public int StepSize { get; }

    /// <summary>γ, the factor applied at each decay.</summary>
    public double Gamma { get; }

    /// <inheritdoc />
    public override string Name => "step";

    /// <inheritdoc />
    public override string Formula => "η = η₀ · γ^⌊epoch / s⌋";

    /// <inheritdoc />
    public override double LearningRateAt(in ScheduleContext context) =>
        context.BaseLearningRate * DeterministicMath.Pow(Gamma, context.Epoch / StepSize);
}
