namespace Interactive.DlExt.Tests.Schedules;

public class CosineAnnealingTests
{
    [Fact]
    public void Cosine_annealing_without_restarts_spans_the_whole_run()
    {
        var schedule = new CosineAnnealing();
        // 2 epochs × 5 steps: T = 10.
        double Rate(int step) => At.Step(schedule, step, baseRate: 1, stepsPerEpoch: 5, epochs: 2);
        Assert.Equal(1.0, Rate(0), 12);
        Assert.Equal(0.5 * (1 + Math.Cos(Math.PI * 2 / 10)), Rate(2), 12);
        Assert.Equal(0.5, Rate(5), 12);
        Assert.Equal(0.0, Rate(10), 12); // past the plan it stays at the minimum
    }

    [Fact]
    public void Cosine_annealing_ends_at_the_minimum_rate()
    {
        var schedule = new CosineAnnealing(minLearningRate: 0.1);
        Assert.Equal(0.1 + (0.5 * 0.9), At.Step(schedule, 5, stepsPerEpoch: 5, epochs: 2), 12);
        Assert.Equal(0.1, At.Step(schedule, 10, stepsPerEpoch: 5, epochs: 2), 12);
    }

    [Fact]
    public void Cosine_annealing_restarts_every_period()
    {
        var schedule = new CosineAnnealing(restartPeriod: 1);
        // One epoch of 4 steps per cycle.
        Assert.Equal(0.5, At.Step(schedule, 2, stepsPerEpoch: 4), 12);
        Assert.True(At.Step(schedule, 3, stepsPerEpoch: 4) < 0.5);
        Assert.Equal(1.0, At.Step(schedule, 4, stepsPerEpoch: 4), 12);
        Assert.Equal(0.5, At.Step(schedule, 6, stepsPerEpoch: 4), 12);
        Assert.Equal(1.0, At.Step(schedule, 400, stepsPerEpoch: 4), 12);
    }

    [Fact]
    public void Cosine_annealing_cycles_grow_by_the_period_multiplier()
    {
        var schedule = new CosineAnnealing(restartPeriod: 1, periodMultiplier: 2);
        // Cycles of 4, 8, 16 steps start at steps 0, 4 and 12.
        Assert.Equal(1.0, At.Step(schedule, 4, stepsPerEpoch: 4), 12);
        Assert.Equal(0.5, At.Step(schedule, 8, stepsPerEpoch: 4), 12);
        Assert.Equal(1.0, At.Step(schedule, 12, stepsPerEpoch: 4), 12);
        Assert.Equal(0.5, At.Step(schedule, 20, stepsPerEpoch: 4), 12);
    }

    [Fact]
    public void Cosine_annealing_rejects_a_zero_restart_period()
    {
        Assert.Equal("restart period", Assert.Throws<DlExtArgumentException>(() => new CosineAnnealing(restartPeriod: 0)).ParamName);
    }
}
