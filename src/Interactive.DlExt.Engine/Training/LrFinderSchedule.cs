namespace Interactive.DlExt;

/// <summary>The range test's schedule: η_i = η_start · (η_end / η_start)^(i / (n − 1)), i = 0 … n − 1.</summary>
internal sealed class LrFinderSchedule(double start, double end, int steps) : LearningRateSchedule
{
    private readonly double _logRatio = DeterministicMath.Log(end / start) / (steps - 1);

    public override string Name => "lr-range";

    public override string Formula => "η_i = η_start · (η_end / η_start)^(i / (n − 1))";

    public override double LearningRateAt(in ScheduleContext context) => At(context.Step);

    // First exactly η_start; the last never above η_end (exp may round one ulp up).
    public double At(long step) => step == 0 ? start : Math.Min(end, start * DeterministicMath.Exp(_logRatio * step));
}
