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

    [Fact]
    public void One_cycle_momentum_is_high_at_the_first_step_low_at_the_peak_and_high_again_at_the_last()
    {
        var schedule = new OneCycle(maxLearningRate: 1, pctStart: 0.25, maxMomentum: 0.95, minMomentum: 0.85);
        Assert.Equal(0.95, Momentum(schedule, 0)!.Value, 12);
        Assert.Equal(0.85, Momentum(schedule, 24)!.Value, 12);  // the peak step P = 24
        Assert.Equal(0.90, Momentum(schedule, 12)!.Value, 12);  // halfway up, halfway down in momentum
        Assert.Equal(0.95, Momentum(schedule, 99)!.Value, 12);
    }

    [Fact]
    public void One_cycle_does_not_cycle_momentum_unless_asked()
    {
        Assert.Null(Momentum(new OneCycle(), 0));
        Assert.Null(Momentum(new OneCycle(), 50));
        Assert.Null(Momentum(new ConstantSchedule(), 0));
    }

    [Fact]
    public void One_cycle_momentum_parses_from_two_keys_and_defaults_the_missing_one_to_fastai_s()
    {
        var both = Assert.IsType<OneCycle>(Interactive.DlExt.Schedules.Parse("onecycle:maxmom=0.9,minmom=0.8"));
        Assert.Equal((0.9, 0.8), (both.MaxMomentum!.Value, both.MinMomentum!.Value));
        var one = Assert.IsType<OneCycle>(Interactive.DlExt.Schedules.Parse("onecycle:minmom=0.8"));
        Assert.Equal((0.95, 0.8), (one.MaxMomentum!.Value, one.MinMomentum!.Value));
    }

    [Fact]
    public void A_warm_up_passes_on_the_one_cycle_momentum()
    {
        var schedule = new LinearWarmup(5, new OneCycle(maxLearningRate: 1, pctStart: 0.25, minMomentum: 0.85));
        Assert.Equal(0.85, Momentum(schedule, 24)!.Value, 12);
    }

    [Fact]
    public void One_cycle_rejects_a_minimum_momentum_above_the_maximum()
    {
        var e = Assert.Throws<DlExtArgumentException>(() => new OneCycle(maxMomentum: 0.8, minMomentum: 0.9));
        Assert.Equal("minimum momentum", e.ParamName);
    }

    private static double? Momentum(LearningRateSchedule schedule, int step) =>
        schedule.MomentumAt(new ScheduleContext(0.5, step, step / 10, 10, 10));
}
