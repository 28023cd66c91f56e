using Interactive.DlExt.Search;
using Xunit.Abstractions;

namespace Interactive.DlExt.Tests.Search;

public sealed class StrategyComparisonTests(ITestOutputHelper output)
{
    private static readonly ulong[] Seeds = [1, 2, 3, 4, 5];

    private static double MeanBest(Func<SearchStrategy> strategy, int trials)
    {
        var bests = Seeds.Select(seed =>
        {
            var study = new Study("cmp", SyntheticObjective.Space(), new StudyOptions { Strategy = strategy(), Seed = seed });
            study.Optimize(t => SyntheticObjective.Value(t.Parameters), trials);
            return study.BestTrial!.Value!.Value;
        });
        return bests.Average();
    }

    [Fact]
    public void Tpe_and_coarse_to_fine_beat_random_search_on_the_same_budget()
    {
        const int Budget = 60;
        var random = MeanBest(() => new RandomSearch(), Budget);
        var tpe = MeanBest(() => new TpeSearch(), Budget);
        var coarseToFine = MeanBest(() => new CoarseToFineSearch(trialsPerRound: 15, topTrials: 3), Budget);

        output.WriteLine(FormattableString.Invariant($"mean best of {Seeds.Length} seeds, {Budget} trials: random {random:F4}, TPE {tpe:F4}, coarse-to-fine {coarseToFine:F4}"));
        Assert.True(tpe < random, $"TPE {tpe} vs random {random}");
        Assert.True(coarseToFine < random, $"coarse-to-fine {coarseToFine} vs random {random}");
    }

    [Fact]
    public void Tpe_is_deterministic_for_a_seed_when_run_sequentially()
    {
        Assert.Equal(MeanBest(() => new TpeSearch(), 25), MeanBest(() => new TpeSearch(), 25));
    }
}
