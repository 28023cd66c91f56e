namespace Interactive.DlExt.Tests.Schedules;

public class ReduceOnPlateauTests
{
    [Fact]
    public void Plateau_reduces_after_patience_skips_the_cooldown_and_stops_at_the_minimum()
    {
        var schedule = new ReduceOnPlateau(factor: 0.5, patience: 2, minDelta: 0, cooldown: 1, minLearningRate: 0.2);
        double[] losses = [1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 0.5, 0.5, 0.5];
        double[] expected =
        [
            1.0,  // first value: improvement over +∞
            1.0,  // bad epoch 1
            0.5,  // bad epoch 2 = patience: reduce, cooldown 1
            0.5,  // cooldown: not counted
            0.5,  // bad epoch 1
            0.25, // bad epoch 2: reduce
            0.25, // improvement (and the cooldown epoch)
            0.25, // bad epoch 1
            0.2,  // bad epoch 2: 0.125 is below the floor 0.2
        ];
        for (var epoch = 0; epoch < losses.Length; epoch++)
        {
            schedule.OnEpochEnd(epoch, losses[epoch]);
            Assert.Equal(expected[epoch], At.Step(schedule, epoch + 1), 12);
        }
    }

    [Fact]
    public void Plateau_counts_a_gain_smaller_than_min_delta_as_no_improvement()
    {
        var schedule = new ReduceOnPlateau(patience: 2, minDelta: 0.01);
        schedule.OnEpochEnd(0, 1.0);
        schedule.OnEpochEnd(1, 0.995);
        schedule.OnEpochEnd(2, 0.991);
        Assert.Equal(1, schedule.Reductions);
        Assert.Equal(0.1, At.Step(schedule, 3), 12);
    }

    [Fact]
    public void Plateau_preview_is_constant_and_leaves_the_state_alone()
    {
        var schedule = new ReduceOnPlateau(patience: 1, minDelta: 0);
        schedule.OnEpochEnd(0, 1.0);
        schedule.OnEpochEnd(1, 2.0);
        var preview = schedule.Preview(1, 3, 2);
        Assert.Equal(6, preview.Count);
        Assert.All(preview, rate => Assert.Equal(0.1, rate, 12));
        Assert.Equal(1, schedule.Reductions);
    }

    [Fact]
    public void Reset_restores_the_base_rate()
    {
        var schedule = new ReduceOnPlateau(patience: 1);
        schedule.OnEpochEnd(0, double.NaN);
        Assert.Equal(1, schedule.Reductions);
        schedule.Reset();
        Assert.Equal(1.0, At.Step(schedule, 0));
    }

    [Theory]
    [InlineData(0.0, "factor")]
    [InlineData(1.0, "factor")]
    public void Plateau_rejects_a_factor_outside_zero_to_one(double factor, string parameter)
    {
        Assert.Equal(parameter, Assert.Throws<DlExtArgumentException>(() => new ReduceOnPlateau(factor)).ParamName);
    }
}
