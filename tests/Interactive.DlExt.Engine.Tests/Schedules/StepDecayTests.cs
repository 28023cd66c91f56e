namespace Interactive.DlExt.Tests.Schedules;

public class StepDecayTests
{
    [Theory]
    [InlineData(0, 0.1)]
    [InlineData(2, 0.1)]
    [InlineData(3, 0.05)]   // 0.1 · 0.5^⌊3/3⌋
    [InlineData(5, 0.05)]
    [InlineData(7, 0.025)]  // 0.1 · 0.5^⌊7/3⌋
    public void Step_decay_multiplies_by_gamma_every_step_size_epochs(int epoch, double expected)
    {
        var schedule = new StepDecay(stepSize: 3, gamma: 0.5);
        // Four batches per epoch: every step of the epoch gets the same rate.
        for (var batch = 0; batch < 4; batch++)
        {
            Assert.Equal(expected, At.Step(schedule, (epoch * 4) + batch, baseRate: 0.1, stepsPerEpoch: 4), 12);
        }
    }

    [Fact]
    public void Step_decay_rejects_a_zero_step_size_and_a_gamma_above_one()
    {
        Assert.Equal("step size", Assert.Throws<DlExtArgumentException>(() => new StepDecay(0)).ParamName);
        var e = Assert.Throws<DlExtArgumentException>(() => new StepDecay(2, 1.5));
        Assert.Contains("gamma = 1.5 is not accepted: expected a number in (0, 1]", e.Message, StringComparison.Ordinal);
    }
}
