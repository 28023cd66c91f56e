using Interactive.DlExt.Search;

namespace Interactive.DlExt.Tests.Search;

public sealed class SweepAdvisorTests
{
    [Fact]
    public void A_best_learning_rate_on_the_top_of_a_range_of_too_small_rates_is_noted_with_a_wider_range()
    {
        var space = SearchSpace.Create().LogUniform("lr", 1e-6, 1e-4).Choice("hidden", 16);

        var result = Sweep.Run(new SweepSamples().Request(trials: 3, epochs: 2, space: space) with { Strategy = new GridSearch(pointsPerRange: 3) });

        var note = Assert.Single(SweepAdvisor.For(result));
        Assert.Equal("range edge", note.Rule);
        Assert.Matches(@"^the best trial's lr = \S+ sits at the high edge of the searched range 1e-6\.\.0\.0001$", note.Saw);
        Assert.Contains("lr = 0.0001 ", note.Saw, StringComparison.Ordinal);
        Assert.Equal("widen the range past that edge (e.g. to 1e-6..0.001) and sweep again", note.Try);
    }

    [Fact]
    public void A_best_value_inside_its_range_gets_no_note()
    {
        var space = SearchSpace.Create().Choice("lr", 0.001, 0.05, 1e9).Choice("hidden", 16);

        var result = Sweep.Run(new SweepSamples().Request(trials: 3, epochs: 2, space: space) with { Strategy = new GridSearch() });

        Assert.Empty(SweepAdvisor.For(result));
    }
}
