namespace Interactive.DlExt;

/// <summary>The same rate throughout: η = η₀.</summary>
public sealed class ConstantSchedule : LearningRateSchedule
{
    /// <inheritdoc />
    public override string Name => "constant";

    /// <inheritdoc />
    public override string Formula => "η = η₀";

    /// <inheritdoc />
    public override double LearningRateAt(in ScheduleContext context) => context.BaseLearningRate;
}
