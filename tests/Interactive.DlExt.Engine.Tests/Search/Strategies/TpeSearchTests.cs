using Interactive.DlExt.Search;

namespace Interactive.DlExt.Tests.Search;

public sealed class TpeSearchTests
{
    [Fact]
    public void The_parzen_density_integrates_to_one_over_its_interval()
    {
        var parzen = new ParzenEstimator([0.1, 0.15, 0.7], 0, 1, priorWeight: 1);
        const int Steps = 20_000;
        var integral = 0.0;
        for (var i = 0; i < Steps; i++)
        {
            integral += Math.Exp(parzen.LogDensity((i + 0.5) / Steps)) / Steps;
        }

        Assert.Equal(1.0, integral, 3);
    }

    [Fact]
    public void The_normal_cdf_matches_tabulated_values()
    {
        Assert.Equal(0.5, Normal.Cdf(0), 7);
        Assert.Equal(0.8413447, Normal.Cdf(1), 6);
        Assert.Equal(0.0227501, Normal.Cdf(-2), 6);
    }

    [Fact]
    public void Model_based_suggestions_stay_valid_for_integer_log_and_conditional_parameters()
    {
        var space = SearchSpace.Create()
            .LogUniform("lr", 1e-4, 1e-1)
            .IntRange("units", 16, 256, step: 16)
            .Choice("optimizer", "sgd", "momentum")
            .Uniform("momentum", 0.8, 0.99, when: ("optimizer", ["momentum"]));
        var study = new Study("tpe", space, new StudyOptions { Strategy = new TpeSearch(startupTrials: 5), Seed = 2 });
        study.Optimize(t => Math.Abs(Math.Log10(t.Parameters.Double("lr")) + 2) + (t.Parameters.Int("units") / 256.0), trials: 30);
        Assert.All(study.Trials, t =>
        {
            Assert.InRange(t.Parameters.Double("lr"), 1e-4, 1e-1);
            Assert.IsType<int>(t.Parameters.Value("units"));
            Assert.Equal(0, (t.Parameters.Int("units") - 16) % 16);
            Assert.Equal(t.Parameters.String("optimizer") == "momentum", t.Parameters.Has("momentum"));
        });

        // After start-up the model concentrates near the optimum lr = 1e-2 with few units.
        var late = study.Trials.Skip(15).ToArray();
        var early = study.Trials.Take(5).ToArray();
        Assert.True(late.Average(t => t.Value!.Value) < early.Average(t => t.Value!.Value));
    }
}
