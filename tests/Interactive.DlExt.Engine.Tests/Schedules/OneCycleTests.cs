namespace Interactive.DlExt.Tests.Schedules;

public class OneCycleTests
{
    // 10 epochs × 10 steps = 100 steps; pctStart 0.25 puts the peak at step 0.25·100 − 1 = 24.
    private static double Rate(LearningRateSchedule schedule, int step, double baseRate = 0.5) =>
        At.Step(schedule, step, baseRate, stepsPerEpoch: 10, epochs: 10);

    [Fact]
    public void One_cycle_starts_at_max_over_div_peaks_and_ends_at_start_over_final_div()
    {
        var schedule = new OneCycle(maxLearningRate: 1, pctStart: 0.25, divFactor: 25, finalDivFactor: 1e4);
        Assert.Equal(0.04, Rate(schedule, 0), 12);
        Assert.Equal(1.0, Rate(schedule, 24), 12);
        Assert.Equal(0.04 / 1e4, Rate(schedule, 99), 12);
        Assert.Equal(1.0, schedule.Preview(0.5, 10, 10).Max(), 12);
    }

    [Fact]
    public void One_cycle_follows_half_cosines_between_the_endpoints()
    {
        var schedule = new OneCycle(maxLearningRate: 1, pctStart: 0.25);
        Assert.Equal((0.04 + 1) / 2, Rate(schedule, 12), 12); // halfway up: progress 12/24
        const double end = 0.04 / 1e4;
        var progress = (54 - 24) / 75.0;                       // (step − P)/(N − 1 − P)
        Assert.Equal(end + (0.5 * (1 - end) * (1 + Math.Cos(Math.PI * progress))), Rate(schedule, 54), 12);
    }

    [Fact]
    public void One_cycle_peaks_at_the_base_rate_when_no_maximum_is_given()
    {
        var schedule = new OneCycle(pctStart: 0.25);
        Assert.Equal(0.5, Rate(schedule, 24, baseRate: 0.5), 12);
        Assert.Equal(0.5 / 25, Rate(schedule, 0, baseRate: 0.5), 12);
    }

    [Fact]
    public void One_cycle_rejects_a_pct_start_of_one()
    {
        var e = Assert.Throws<DlExtArgumentException>(() => new OneCycle(pctStart: 1));
        Assert.Equal("pct start", e.ParamName);
        Assert.Contains("(0, 1)", e.Message, StringComparison.Ordinal);
    }
}
