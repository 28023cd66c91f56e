namespace Interactive.DlExt.Tests.Schedules;

public class SchedulePreviewTests
{
    [Fact]
    public void Compare_plans_every_schedule_over_the_same_steps()
    {
        var comparison = SchedulePreview.Compare(20, 50, 0.1, new StepDecay(5, 0.5), new CosineAnnealing());

        Assert.Equal((20, 50, 0.1), (comparison.Epochs, comparison.StepsPerEpoch, comparison.BaseLearningRate));
        Assert.All(comparison.Schedules, s => Assert.Equal(1000, s.LearningRates.Count));
        Assert.Equal(0.1 * 0.125, comparison.Schedules[0].LearningRates[15 * 50], 15);   // epoch 15: three halvings
        Assert.Equal(0.05, comparison.Schedules[1].LearningRates[500], 15);             // cosine halfway
        Assert.All(comparison.Schedules, s => Assert.Null(s.Momentums));
    }

    [Fact]
    public void Compare_names_each_decay_as_the_course_does()
    {
        var comparison = SchedulePreview.Compare(20, 50, 0.1,
            "step:size=5,gamma=0.5", "step:size=8,gamma=0.1", "multistep:milestones=8", "exponential:gamma=0.9", "linear:end=1e-5",
            "cosine", "cosine:warmup=100", "onecycle:maxmom=0.95,minmom=0.85", "constant");

        Assert.Equal(
            ["step: ×0.5 every 5 epochs", "step: ×0.1 every 8 epochs", "multistep ×0.1 at 8", "exponential γ=0.9", "linear → 1e-5",
             "cosine", "warm-up 2 epochs + cosine", "one-cycle (momentum 0.95→0.85)", "constant"],
            comparison.Schedules.Select(s => s.Label));
    }

    [Fact]
    public void Compare_plans_the_momentum_of_a_one_cycle_that_cycles_it()
    {
        var comparison = SchedulePreview.Compare(10, 10, 1.0, new OneCycle(pctStart: 0.25, maxMomentum: 0.95, minMomentum: 0.85));

        var momentum = comparison.Schedules[0].Momentums!;
        Assert.Equal(100, momentum.Count);
        Assert.Equal(0.95, momentum[0], 12);
        Assert.Equal(0.85, momentum[24], 12);
        Assert.Equal(0.95, momentum[99], 12);
    }

    [Fact]
    public void Compare_needs_at_least_one_schedule()
    {
        var e = Assert.Throws<DlExtArgumentException>(() => SchedulePreview.Compare(10, 10, 0.1, Array.Empty<LearningRateSchedule>()));
        Assert.Equal("schedules", e.ParamName);
    }
}
