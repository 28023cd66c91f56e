namespace Interactive.DlExt;

/// <summary>Plans several schedules over the same run so they can be compared on one chart before training.</summary>
public static class SchedulePreview
{
    /// <summary>The rate (and any cycled momentum) of every step of each schedule over a run of
    /// <paramref name="epochs"/> × <paramref name="stepsPerEpoch"/> steps from base rate <paramref name="baseLearningRate"/>.</summary>
    /// <param name="epochs">The planned number of epochs, ≥ 1.</param>
    /// <param name="stepsPerEpoch">Batches per epoch, ≥ 1.</param>
    /// <param name="baseLearningRate">η₀, &gt; 0.</param>
    /// <param name="schedules">One or more schedules. State is read, never changed (reduce-on-plateau previews as its current rate).</param>
    /// <exception cref="DlExtArgumentException">No schedule, or a bad number.</exception>
    public static ScheduleComparison Compare(int epochs, int stepsPerEpoch, double baseLearningRate, params LearningRateSchedule[] schedules)
    {
        ArgumentNullException.ThrowIfNull(schedules);
        if (schedules.Length == 0)
        {
            throw new DlExtArgumentException(nameof(schedules), "none", "one or more schedules");
        }

        var planned = schedules.Select(schedule =>
        {
            ArgumentNullException.ThrowIfNull(schedule, nameof(schedules));
            return new PlannedSchedule(ScheduleLabel.Of(schedule, stepsPerEpoch), schedule,
                schedule.Preview(baseLearningRate, epochs, stepsPerEpoch), Momentums(schedule, baseLearningRate, epochs, stepsPerEpoch));
        });
        return new ScheduleComparison(epochs, stepsPerEpoch, baseLearningRate, [.. planned]);
    }

    /// <summary>As <see cref="Compare(int, int, double, LearningRateSchedule[])"/>, with each schedule written as
    /// <see cref="Schedules.Parse"/> reads it, e.g. <c>"step:size=5,gamma=0.5"</c>, <c>"cosine:warmup=100"</c>.</summary>
    /// <param name="epochs">The planned number of epochs, ≥ 1.</param>
    /// <param name="stepsPerEpoch">Batches per epoch, ≥ 1.</param>
    /// <param name="baseLearningRate">η₀, &gt; 0.</param>
    /// <param name="specifications">One or more schedule texts.</param>
    /// <exception cref="DlExtArgumentException">No schedule, a text <see cref="Schedules.Parse"/> rejects, or a bad number.</exception>
    public static ScheduleComparison Compare(int epochs, int stepsPerEpoch, double baseLearningRate, params string[] specifications)
    {
        ArgumentNullException.ThrowIfNull(specifications);
        return Compare(epochs, stepsPerEpoch, baseLearningRate, [.. specifications.Select(Schedules.Parse)]);
    }

    private static double[]? Momentums(LearningRateSchedule schedule, double baseLearningRate, int epochs, int stepsPerEpoch)
    {
        if (schedule.MomentumAt(new ScheduleContext(baseLearningRate, 0, 0, stepsPerEpoch, epochs)) is null)
        {
            return null;
        }

        var momentums = new double[(long)epochs * stepsPerEpoch];
        for (var step = 0; step < momentums.Length; step++)
        {
            momentums[step] = schedule.MomentumAt(new ScheduleContext(baseLearningRate, step, step / stepsPerEpoch, stepsPerEpoch, epochs)) ?? double.NaN;
        }

        return momentums;
    }
}
