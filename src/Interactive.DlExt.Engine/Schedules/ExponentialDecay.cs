namespace Interactive.DlExt;

/// <summary>
/// Multiplies the rate by γ every epoch (PyTorch's <c>ExponentialLR</c>), or every optimizer step when
/// <see cref="EveryStep"/> is set; epochs and steps are 0-based:
/// <code>η = η₀ · γ^epoch        (or η₀ · γ^step)</code>
/// </summary>
public sealed class ExponentialDecay : LearningRateSchedule
{
    /// <summary>Creates the schedule.</summary>
    /// <param name="gamma">γ, in (0, 1].</param>
    /// <param name="everyStep">Decay after every step instead of every epoch (then pick γ close to 1). The default is false.</param>
    public ExponentialDecay(double gamma, bool everyStep = false)
    {
        Gamma = Schedules.Gamma(gamma);
        EveryStep = everyStep;
    }

    /// <summary>γ, the factor applied per epoch (or per step).</summary>
    public double Gamma { get; }

    /// <summary>Whether the exponent counts steps rather than epochs.</summary>
    public bool EveryStep { get; }

    /// <inheritdoc />
    public override string Name => "exponential";

    /// <inheritdoc />
    public override string Formula => EveryStep ? "η = η₀ · γ^step" : "η = η₀ · γ^epoch";

    /// <inheritdoc />
    public override double LearningRateAt(in ScheduleContext context) =>
        context.BaseLearningRate * DeterministicMath.Pow(Gamma, EveryStep ? context.Step : context.Epoch);
}
