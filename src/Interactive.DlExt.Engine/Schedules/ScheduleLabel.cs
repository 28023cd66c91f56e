using System.Globalization;

namespace Interactive.DlExt;

/// <summary>The short legend text of a schedule, as a course names it: "step: ×0.5 every 5 epochs", "warm-up 2 epochs + cosine".</summary>
internal static class ScheduleLabel
{
    public static string Of(LearningRateSchedule schedule, int stepsPerEpoch) => schedule switch
    {
        ConstantSchedule => "constant",
        StepDecay s => $"step: ×{N(s.Gamma)} every {Epochs(s.StepSize)}",
        MultiStepDecay m => $"multistep ×{N(m.Gamma)} at {string.Join(", ", m.Milestones.Select(e => e.ToString(CultureInfo.InvariantCulture)))}",
        ExponentialDecay e => $"exponential γ={N(e.Gamma)}" + (e.EveryStep ? " per step" : string.Empty),
        LinearDecay l => "linear" + (l.EndLearningRate > 0 ? $" → {N(l.EndLearningRate)}" : string.Empty),
        CosineAnnealing c => "cosine" + (c.MinLearningRate > 0 ? $" → {N(c.MinLearningRate)}" : string.Empty)
            + (c.RestartPeriod is { } r ? $", restarts every {Epochs(r)}" + (c.PeriodMultiplier > 1 ? $" ×{c.PeriodMultiplier}" : string.Empty) : string.Empty),
        OneCycle o => "one-cycle" + (o.MaxLearningRate is { } max ? $" max {N(max)}" : string.Empty)
            + (o.MaxMomentum is { } high && o.MinMomentum is { } low ? $" (momentum {N(high)}→{N(low)})" : string.Empty),
        ReduceOnPlateau => "reduce on plateau (flat until the loss stalls)",
        LinearWarmup w => $"warm-up {Warmup(w.WarmupSteps, stepsPerEpoch)} + {Of(w.Then, stepsPerEpoch)}",
        _ => schedule.Name,
    };

    private static string Warmup(int steps, int stepsPerEpoch) =>
        steps % stepsPerEpoch == 0 ? Epochs(steps / stepsPerEpoch) : $"{steps.ToString(CultureInfo.InvariantCulture)} steps";

    private static string Epochs(int count) => count == 1 ? "epoch" : $"{count.ToString(CultureInfo.InvariantCulture)} epochs";

    /// <summary>A number as a course writes it, to 4 significant digits: 0.01, 0.4, 1e-5 (not .NET's 1E-05).</summary>
    internal static string N(double value) => NumberText.General(value, 4);
}
