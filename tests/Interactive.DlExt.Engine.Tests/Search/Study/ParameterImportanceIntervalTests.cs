using Interactive.DlExt.Search;

namespace Interactive.DlExt.Tests.Search;

public sealed class ParameterImportanceIntervalTests
{
    private static readonly SearchSpace Space = SearchSpace.Create().Uniform("lr", 0, 1).Choice("optimizer", "sgd", "adam");

    private static StudyHistory Run(int trials)
    {
        var study = new Study("imp-" + trials, Space, new StudyOptions { Strategy = new RandomSearch(), Seed = 4 });
        study.Optimize(t => 10 * t.Parameters.Double("lr"), trials: trials); // the optimizer does nothing
        return study.History;
    }

    [Fact]
    public void After_six_trials_the_interval_shows_that_a_parameter_without_effect_may_have_none()
    {
        var history = Run(6);
        var point = ParameterImportance.Compute(history);
        var interval = ParameterImportanceInterval.Compute(history);

        Assert.True(point["optimizer"] > 0.3, $"{point["optimizer"]} {interval["optimizer"]} {interval["lr"]}"); // chance, read alone as a finding
        Assert.True(interval["optimizer"].Low < 0.05, interval["optimizer"].ToString());
        Assert.True(interval["lr"].High - interval["lr"].Low > 0.5, interval["lr"].ToString());
        Assert.InRange(point["lr"], interval["lr"].Low, interval["lr"].High);
    }

    [Fact]
    public void Many_trials_narrow_the_interval()
    {
        var few = ParameterImportanceInterval.Compute(Run(6))["lr"];
        var many = ParameterImportanceInterval.Compute(Run(80))["lr"];

        Assert.True(many.High - many.Low < few.High - few.Low, $"{many} vs {few}");
        Assert.True(many.Low > 0.6, many.ToString());
    }

    [Fact]
    public void Fewer_than_six_trials_say_nothing_and_the_same_seed_gives_the_same_interval()
    {
        Assert.All(ParameterImportanceInterval.Compute(Run(5)).Values, i => Assert.Equal(new ImportanceInterval(0, 1), i));
        var history = Run(10);
        Assert.Equal(ParameterImportanceInterval.Compute(history), ParameterImportanceInterval.Compute(history));
    }
}
