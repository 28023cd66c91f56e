using Interactive.DlExt.Charts;

namespace Interactive.DlExt.Tests.Charts;

public class AxisScaleTests
{
    [Theory]
    [InlineData(0.13, 0.2)]
    [InlineData(0.26, 0.5)]
    [InlineData(0.7, 1)]
    [InlineData(1, 1)]
    [InlineData(17, 20)]
    [InlineData(3e-5, 5e-5)]
    public void Steps_are_one_two_or_five_times_a_power_of_ten(double rough, double expected) =>
        Assert.Equal(expected, AxisScale.NiceStep(rough), 12);

    [Fact]
    public void Linear_domain_widens_to_whole_steps_and_labels_use_the_steps_decimals()
    {
        var scale = AxisScale.Create(0.03, 0.97, 0, 100, log: false);

        Assert.Equal(["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"], scale.Ticks.Select(scale.Format));
        Assert.Equal(0, scale.Map(0), 9);
        Assert.Equal(100, scale.Map(1), 9);
    }

    [Fact]
    public void Log_axis_over_two_decades_adds_two_and_five()
    {
        var scale = AxisScale.Create(0.015, 0.9, 0, 100, log: true);

        Assert.Equal(["0.01", "0.02", "0.05", "0.1", "0.2", "0.5", "1"], scale.Ticks.Select(scale.Format));
        Assert.True(double.IsNaN(scale.Map(0)));
        Assert.True(double.IsNaN(scale.Map(-1)));
    }

    [Fact]
    public void Log_axis_over_many_decades_thins_to_at_most_about_six_labels()
    {
        var scale = AxisScale.Create(1e-9, 10, 0, 100, log: true);

        Assert.Equal(["1e-9", "1e-7", "1e-5", "1e-3", "1e-1", "1e1"], scale.Ticks.Select(scale.Format));
    }

    [Fact]
    public void Large_and_tiny_linear_values_use_exponent_notation()
    {
        Assert.Equal("2e6", TickFormat.Linear(2e6, 0));
        Assert.Equal("1.5e-7", TickFormat.Linear(1.5e-7, 8));
        Assert.Equal("0.0003", TickFormat.Linear(0.0003, 4));
    }

    [Fact]
    public void An_integer_axis_ticks_whole_numbers_only_with_half_a_unit_of_room_at_each_end()
    {
        Assert.Equal([1.0, 2.0], AxisScale.Create(1, 2, 0, 500, false, 6, integer: true).Ticks);
        Assert.Equal([1.0, 2.0, 3.0], AxisScale.Create(1, 3, 0, 500, false, 6, integer: true).Ticks);
        Assert.Equal([1.0], AxisScale.Create(1, 1, 0, 500, false, 6, integer: true).Ticks);
        var trials = AxisScale.Create(0, 14, 0, 500, false, 3, integer: true);
        Assert.Equal([0.0, 5.0, 10.0], trials.Ticks);
        Assert.Equal((-0.5, 14.5), (trials.Minimum, trials.Maximum)); // trial 0 sits off the axis line
        var before = AxisScale.Create(1, 2, 0, 500, false, 6); // what epoch axes got before
        Assert.Equal(["1.0", "1.2", "1.4", "1.6", "1.8", "2.0"], before.Ticks.Select(before.Format));
    }

    [Fact]
    public void A_categorical_axis_ticks_each_name_at_its_index_with_half_a_step_of_room()
    {
        var scale = AxisScale.Categorical(["8", "16", "32"], 0, 300);

        Assert.Equal([0.0, 1.0, 2.0], scale.Ticks);
        Assert.Equal(["8", "16", "32"], scale.Ticks.Select(scale.Format));
        Assert.Equal(50, scale.Map(0), 6);
        Assert.Equal(250, scale.Map(2), 6);
    }
}
