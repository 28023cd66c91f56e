namespace Interactive.DlExt.Tests.Schedules;

public class ExponentialDecayTests
{
    [Fact]
    public void Exponential_decay_counts_epochs_by_default()
    {
        var schedule = new ExponentialDecay(0.5);
        Assert.Equal(0.8, At.Step(schedule, 0, baseRate: 0.8, stepsPerEpoch: 10), 12);
        Assert.Equal(0.8, At.Step(schedule, 9, baseRate: 0.8, stepsPerEpoch: 10), 12);
        Assert.Equal(0.1, At.Step(schedule, 30, baseRate: 0.8, stepsPerEpoch: 10), 12); // 0.8 · 0.5³
    }

    [Fact]
    public void Exponential_decay_can_count_steps()
    {
        var schedule = new ExponentialDecay(0.5, everyStep: true);
        Assert.Equal(0.2, At.Step(schedule, 2, baseRate: 0.8, stepsPerEpoch: 10), 12); // 0.8 · 0.5²
        Assert.Equal("η = η₀ · γ^step", schedule.Formula);
    }
}
