namespace Interactive.DlExt.Tests.Schedules;

public class LinearDecayTests
{
    // 5 epochs × 4 steps: N = 20, so η = η₀ + (η_end − η₀) · step / 20.
    private static double Rate(LearningRateSchedule schedule, int step) => At.Step(schedule, step, baseRate: 0.2, stepsPerEpoch: 4, epochs: 5);

    [Fact]
    public void Linear_decay_starts_at_the_base_rate_and_reaches_the_end_rate_one_step_past_the_last()
    {
        var schedule = new LinearDecay(endLearningRate: 0.01);
        Assert.Equal(0.2, Rate(schedule, 0), 15);
        Assert.Equal(0.105, Rate(schedule, 10), 15);            // halfway: (0.2 + 0.01) / 2
        Assert.Equal(0.2 - (0.19 * 19 / 20), Rate(schedule, 19), 15);
        Assert.Equal(0.01, Rate(schedule, 20), 15);
    }

    [Fact]
    public void Linear_decay_falls_by_the_same_amount_every_step_and_never_plans_a_zero_rate()
    {
        var rates = new LinearDecay().Preview(2.0, epochs: 2, stepsPerEpoch: 10);
        Assert.Equal(2.0, rates[0], 15);
        Assert.Equal(1.1, rates[9], 12);   // 2 − 9·0.1
        Assert.Equal(0.1, rates[19], 12);  // η₀/N
        Assert.All(rates.Zip(rates.Skip(1)), p => Assert.Equal(0.1, p.First - p.Second, 12));
    }

    [Fact]
    public void Linear_decay_parses_its_end_rate()
    {
        var schedule = Assert.IsType<LinearDecay>(Interactive.DlExt.Schedules.Parse("linear:end=1e-5"));
        Assert.Equal(1e-5, schedule.EndLearningRate);
        Assert.Contains("linear", Interactive.DlExt.Schedules.Names);
    }

    [Fact]
    public void Linear_decay_rejects_a_negative_end_rate()
    {
        var e = Assert.Throws<DlExtArgumentException>(() => new LinearDecay(-1));
        Assert.Equal("end learning rate", e.ParamName);
    }
}
