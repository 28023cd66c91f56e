namespace Interactive.DlExt;

/// <summary>
/// Ramps the rate up linearly over the first W steps, then hands over to another schedule (constant by default).
/// The inner schedule keeps the global step and epoch count (it is not shifted by W), and the ramp multiplies
/// its value, so the curve is continuous at the hand-over and epoch-based inner schedules keep their epoch boundaries:
/// <code>
/// η = η_inner(step) · (step + 1) / W    for step &lt; W
/// η = η_inner(step)                      afterwards
/// </code>
/// Step 0 thus runs at η_inner/W and step W − 1 at the full η_inner.
/// </summary>
public sealed class LinearWarmup : LearningRateSchedule
{
    /// <summary>Creates the schedule.</summary>
    /// <param name="warmupSteps">W, the number of optimizer steps in the ramp, ≥ 1.</param>
    /// <param name="then">The schedule after (and under) the ramp. The default is <see cref="ConstantSchedule"/>.</param>
    public LinearWarmup(int warmupSteps, LearningRateSchedule? then = null)
    {
        WarmupSteps = Guard.AtLeast(warmupSteps, 1, "warm-up steps");
        Then = then ?? new ConstantSchedule();
    }

    /// <summary>W, the number of steps in the ramp.</summary>
    public int WarmupSteps { get; }

    /// <summary>The schedule the ramp scales and then hands over to.</summary>
    public LearningRateSchedule Then { get; }

    /// <inheritdoc />
    public override string Name => $"warmup+{Then.Name}";

    /// <inheritdoc />
    public override string Formula => $"η = η_inner · min(1, (step + 1) / W), η_inner: {Then.Formula}";

    /// <inheritdoc />
    public override double LearningRateAt(in ScheduleContext context)
    {
        var inner = Then.LearningRateAt(context);
        return context.Step < WarmupSteps ? inner * (context.Step + 1) / WarmupSteps : inner;
    }

    /// <inheritdoc />
    public override double? MomentumAt(in ScheduleContext context) => Then.MomentumAt(context);

    /// <inheritdoc />
    public override void OnEpochEnd(int epoch, double monitoredValue) => Then.OnEpochEnd(epoch, monitoredValue);

    /// <inheritdoc />
    public override void Reset() => Then.Reset();

    /// <inheritdoc />
    internal override double[] SaveState() => Then.SaveState();

    /// <inheritdoc />
    internal override bool RestoreState(double[] state) => Then.RestoreState(state);
}
