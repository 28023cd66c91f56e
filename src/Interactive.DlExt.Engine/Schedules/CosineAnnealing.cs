namespace Interactive.DlExt;

/// <summary>
/// Cosine annealing, updated every step, optionally with warm restarts (SGDR: Loshchilov &amp; Hutter, 2017,
/// "SGDR: Stochastic Gradient Descent with Warm Restarts", eq. 5; PyTorch's <c>CosineAnnealingLR</c> and
/// <c>CosineAnnealingWarmRestarts</c>):
/// <code>η = η_min + ½(η₀ − η_min)(1 + cos(π · t_cur / T))</code>
/// Without restarts T is the whole run (epochs × steps per epoch) and t_cur the 0-based step, so the rate
/// falls from η₀ at the first step towards η_min (reached at step T, one past the last). With a restart
/// period of R epochs, the first cycle lasts T₀ = R × steps per epoch steps, each later cycle
/// <see cref="PeriodMultiplier"/> times longer than the one before, and t_cur counts steps since the last restart,
/// where the rate jumps back to η₀.
/// </summary>
public sealed class CosineAnnealing : LearningRateSchedule
{
    /// <summary>Creates the schedule.</summary>
    /// <param name="minLearningRate">η_min, ≥ 0. The default is 0.</param>
    /// <param name="restartPeriod">R, the first cycle's length in epochs (≥ 1), or null for one cycle over the whole run. The default is null.</param>
    /// <param name="periodMultiplier">How many times longer each cycle is than the one before, ≥ 1. The default is 1.</param>
    public CosineAnnealing(double minLearningRate = 0, int? restartPeriod = null, int periodMultiplier = 1)
    {
        MinLearningRate = Guard.NonNegative(minLearningRate, "minimum learning rate");
        RestartPeriod = restartPeriod is { } period ? Guard.AtLeast(period, 1, "restart period") : null;
        PeriodMultiplier = Guard.AtLeast(periodMultiplier, 1, "period multiplier");
    }

    /// <summary>η_min, the rate at the end of each cycle.</summary>
    public double MinLearningRate { get; }

    /// <summary>The first cycle's length in epochs, or null for no restarts.</summary>
    public int? RestartPeriod { get; }

    /// <summary>The growth factor of successive cycle lengths.</summary>
    public int PeriodMultiplier { get; }

    /// <inheritdoc />
    public override string Name => "cosine";

    /// <inheritdoc />
    public override string Formula => "η = η_min + ½(η₀ − η_min)(1 + cos(π · t_cur / T))";

    /// <inheritdoc />
    public override double LearningRateAt(in ScheduleContext context)
    {
        long sinceRestart, period;
        if (RestartPeriod is not { } epochs)
        {
            period = context.TotalSteps;
            sinceRestart = Math.Min(context.Step, period);
        }
        else
        {
            period = (long)epochs * context.StepsPerEpoch;
            sinceRestart = context.Step;
            if (PeriodMultiplier == 1)
            {
                sinceRestart %= Math.Max(period, 1);
            }
            else
            {
                // Cycle lengths grow geometrically, so this loop runs O(log step) times.
                while (sinceRestart >= period)
                {
                    sinceRestart -= period;
                    period *= PeriodMultiplier;
                }
            }
        }

        if (period <= 0)
        {
            return context.BaseLearningRate;
        }

        var eta0 = context.BaseLearningRate;
        return MinLearningRate + (0.5 * (eta0 - MinLearningRate) * (1 + DeterministicMath.Cos(Math.PI * sinceRestart / period)));
    }
}
