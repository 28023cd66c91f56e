namespace Interactive.DlExt.Tests.Schedules;

public class MultiStepDecayTests
{
    [Theory]
    [InlineData(0, 1.0)]
    [InlineData(1, 1.0)]
    [InlineData(2, 0.1)]
    [InlineData(4, 0.1)]
    [InlineData(5, 0.01)]
    [InlineData(50, 0.01)]
    public void Multi_step_decay_multiplies_by_gamma_at_each_milestone(int epoch, double expected)
    {
        Assert.Equal(expected, At.Step(new MultiStepDecay([2, 5], 0.1), epoch), 12);
    }

    [Fact]
    public void Multi_step_decay_rejects_milestones_that_do_not_increase()
    {
        var e = Assert.Throws<DlExtArgumentException>(() => new MultiStepDecay([5, 5]));
        Assert.Equal("milestones", e.ParamName);
        Assert.Contains("[5, 5]", e.Message, StringComparison.Ordinal);
    }
}
