namespace Interactive.DlExt;

/// <summary>
/// The one-cycle policy (Smith &amp; Topin, 2018, "Super-Convergence"), in the cosine form of PyTorch's
/// <c>OneCycleLR</c> (two phases, <c>anneal_strategy='cos'</c>), updated every step over the planned run of N steps:
/// <code>
/// η_start = η_max / divFactor,   η_end = η_start / finalDivFactor,   P = pctStart · N − 1
/// step ≤ P:  η = cosine(η_start → η_max, step / P)               μ = cosine(μ_max → μ_min, step / P)
/// step &gt; P:  η = cosine(η_max → η_end, (step − P) / (N − 1 − P))   μ = cosine(μ_min → μ_max, same progress)
/// cosine(a → b, p) = b + ½(a − b)(1 + cos(π·p))
/// </code>
/// So the first step runs at η_start, step P at η_max and the last step (N − 1) at η_end. η_max is
/// <see cref="MaxLearningRate"/> when given, otherwise the optimizer's base rate η₀. With a momentum range
/// (fastai's <c>fit_one_cycle</c>: 0.95 → 0.85 → 0.95; PyTorch's <c>cycle_momentum</c>) the momentum μ (β₁ for Adam)
/// moves against the rate: μ_max at the first and last step, μ_min at the peak; see <see cref="LearningRateSchedule.MomentumAt"/>.
/// </summary>
public sealed class OneCycle : LearningRateSchedule
{
    /// <summary>fastai's default upper momentum, used when only <see cref="MinMomentum"/> is given.</summary>
    public const double DefaultMaxMomentum = 0.95;

    /// <summary>fastai's default lower momentum, used when only <see cref="MaxMomentum"/> is given.</summary>
    public const double DefaultMinMomentum = 0.85;

    /// <summary>Creates the schedule.</summary>
    /// <param name="maxLearningRate">η_max, &gt; 0, or null to use the base rate η₀. The default is null.</param>
    /// <param name="pctStart">The fraction of the run spent rising, in (0, 1). The default is 0.3.</param>
    /// <param name="divFactor">η_max / η_start, ≥ 1. The default is 25.</param>
    /// <param name="finalDivFactor">η_start / η_end, ≥ 1. The default is 1e4.</param>
    /// <param name="maxMomentum">μ_max, the momentum at the ends of the cycle, in [0, 1). The default is null: no momentum
    /// cycling unless <paramref name="minMomentum"/> is given (then 0.95).</param>
    /// <param name="minMomentum">μ_min, the momentum at the peak rate, in [0, μ_max]. The default is null: no momentum
    /// cycling unless <paramref name="maxMomentum"/> is given (then 0.85).</param>
    public OneCycle(double? maxLearningRate = null, double pctStart = 0.3, double divFactor = 25, double finalDivFactor = 1e4,
        double? maxMomentum = null, double? minMomentum = null)
    {
        MaxLearningRate = maxLearningRate is { } max ? Guard.Positive(max, "maximum learning rate") : null;
        PctStart = Guard.Between(pctStart, 0, 1, "pct start");
        DivFactor = AtLeastOne(divFactor, "div factor");
        FinalDivFactor = AtLeastOne(finalDivFactor, "final div factor");
        if (maxMomentum is not null || minMomentum is not null)
        {
            MaxMomentum = Guard.InHalfOpen(maxMomentum ?? DefaultMaxMomentum, 0, 1, "maximum momentum");
            MinMomentum = Guard.InHalfOpen(minMomentum ?? DefaultMinMomentum, 0, 1, "minimum momentum") is var low && low <= MaxMomentum
                ? low
                : throw new DlExtArgumentException("minimum momentum", Guard.Text(low), $"a number in [0, {Guard.Text(MaxMomentum.Value)}] (at most the maximum momentum)");
        }
    }

    /// <summary>η_max, or null to peak at the base rate η₀.</summary>
    public double? MaxLearningRate { get; }

    /// <summary>The fraction of the run spent rising.</summary>
    public double PctStart { get; }

    /// <summary>η_max / η_start.</summary>
    public double DivFactor { get; }

    /// <summary>η_start / η_end.</summary>
    public double FinalDivFactor { get; }

    /// <summary>μ_max, the momentum at the first and last step, or null when momentum is not cycled.</summary>
    public double? MaxMomentum { get; }

    /// <summary>μ_min, the momentum at the peak rate, or null when momentum is not cycled.</summary>
    public double? MinMomentum { get; }

    /// <inheritdoc />
    public override string Name => "onecycle";

    /// <inheritdoc />
    public override string Formula => "cosine rise η_max/div → η_max over pctStart of the run, then cosine fall → η_max/(div·finalDiv)"
        + (MaxMomentum is null ? string.Empty : "; momentum cosine μ_max → μ_min → μ_max against it");

    /// <inheritdoc />
    public override double LearningRateAt(in ScheduleContext context)
    {
        var max = MaxLearningRate ?? context.BaseLearningRate;
        var start = max / DivFactor;
        var end = start / FinalDivFactor;
        var (rising, progress) = Phase(context);
        return rising ? Cosine(start, max, progress) : Cosine(max, end, progress);
    }

    /// <inheritdoc />
    public override double? MomentumAt(in ScheduleContext context)
    {
        if (MaxMomentum is not { } high || MinMomentum is not { } low)
        {
            return null;
        }

        var (rising, progress) = Phase(context);
        return rising ? Cosine(high, low, progress) : Cosine(low, high, progress);
    }

    /// <summary>Whether the step is in the rising phase (step ≤ P), and its progress through that phase in [0, 1].</summary>
    private (bool Rising, double Progress) Phase(in ScheduleContext context)
    {
        var lastStep = (double)(context.TotalSteps - 1);
        var peakStep = (PctStart * context.TotalSteps) - 1;
        double step = context.Step;
        if (step <= peakStep)
        {
            return (true, peakStep <= 0 ? 1 : step / peakStep);
        }

        var fall = lastStep - Math.Max(peakStep, 0);
        return (false, fall <= 0 ? 1 : Math.Min(1, (step - Math.Max(peakStep, 0)) / fall));
    }

    private static double Cosine(double from, double to, double progress) =>
        to + (0.5 * (from - to) * (1 + DeterministicMath.Cos(Math.PI * progress)));

    private static double AtLeastOne(double value, string parameter) =>
        value >= 1 && double.IsFinite(value) ? value : throw new DlExtArgumentException(parameter, Guard.Text(value), "a finite number ≥ 1");
}
