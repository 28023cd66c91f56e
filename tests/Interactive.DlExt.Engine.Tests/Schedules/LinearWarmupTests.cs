namespace Interactive.DlExt.Tests.Schedules;

public class LinearWarmupTests
{
    [Fact]
    public void Warmup_ramps_linearly_to_the_base_rate()
    {
        var schedule = new LinearWarmup(4);
        Assert.Equal([0.25, 0.5, 0.75, 1.0, 1.0, 1.0], schedule.Preview(1, 6, 1));
    }

    [Fact]
    public void Warmup_scales_the_inner_schedule_which_keeps_the_global_epoch_count()
    {
        // Two steps per epoch; the inner step decay halves the rate every epoch.
        var schedule = new LinearWarmup(4, new StepDecay(1, 0.5));
        Assert.Equal(1.0 * 1 / 4, At.Step(schedule, 0, stepsPerEpoch: 2), 12);
        Assert.Equal(0.5 * 3 / 4, At.Step(schedule, 2, stepsPerEpoch: 2), 12);
        Assert.Equal(0.25, At.Step(schedule, 4, stepsPerEpoch: 2), 12);
        Assert.Equal("warmup+step", schedule.Name);
    }

    [Fact]
    public void Warmup_forwards_epoch_ends_and_reset_to_the_inner_schedule()
    {
        var plateau = new ReduceOnPlateau(patience: 1, minDelta: 0);
        var schedule = new LinearWarmup(2, plateau);
        schedule.OnEpochEnd(0, 1.0);
        schedule.OnEpochEnd(1, 1.0);
        Assert.Equal(1, plateau.Reductions);
        schedule.Reset();
        Assert.Equal(0, plateau.Reductions);
    }

    [Fact]
    public void Warmup_rejects_zero_steps()
    {
        var e = Assert.Throws<DlExtArgumentException>(() => new LinearWarmup(0));
        Assert.Equal("warm-up steps", e.ParamName);
    }
}
