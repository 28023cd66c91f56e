using Interactive.DlExt.Search;

namespace Interactive.DlExt.Tests.Search;

public sealed class CoarseToFineSearchTests
{
    [Fact]
    public void Boxes_shrink_around_the_optimum_and_rounds_are_recorded()
    {
        var strategy = new CoarseToFineSearch(trialsPerRound: 12, topTrials: 3);
        var study = new Study("c2f", SyntheticObjective.Space(), new StudyOptions { Strategy = strategy, Seed = 4 });
        study.Optimize(t => SyntheticObjective.Value(t.Parameters), trials: 48);
        var rounds = strategy.Rounds(study.History);

        Assert.Equal(4, rounds.Count);
        Assert.Equal(new[] { 0, 12, 24, 36 }, rounds.Select(r => r.FirstTrialNumber));
        Assert.All(rounds, r => Assert.Equal(12, r.TrialCount));
        Assert.Equal(1e-5, rounds[0]["lr"].Low, 12);
        Assert.Equal(1.0, rounds[0]["lr"].High, 12);
        for (var r = 1; r < rounds.Count; r++)
        {
            // Each box lies inside the previous one (log-width never grows).
            Assert.InRange(rounds[r]["lr"].Low, rounds[r - 1]["lr"].Low, rounds[r - 1]["lr"].High);
            Assert.InRange(rounds[r]["lr"].High, rounds[r - 1]["lr"].Low, rounds[r - 1]["lr"].High);
            Assert.True(rounds[r]["dropout"].High - rounds[r]["dropout"].Low <= rounds[r - 1]["dropout"].High - rounds[r - 1]["dropout"].Low);
        }

        var last = rounds[^1];
        Assert.True(Math.Log10(last["lr"].High / last["lr"].Low) < 2.5, last.ToString());
        Assert.InRange(Math.Pow(10, -2.5), last["lr"].Low, last["lr"].High);
        Assert.InRange(0.2, last["dropout"].Low, last["dropout"].High);

        // Every trial of a round was sampled inside that round's box.
        foreach (var t in study.Trials)
        {
            var box = rounds[t.Number / 12];
            Assert.InRange(t.Parameters.Double("lr"), box["lr"].Low * 0.999999, box["lr"].High * 1.000001);
            Assert.Contains(t.Parameters.Value("optimizer"), box["optimizer"].Values);
        }
    }

    [Fact]
    public void Categorical_boxes_keep_only_values_seen_among_the_top_trials()
    {
        var strategy = new CoarseToFineSearch(trialsPerRound: 10, topTrials: 2);
        var space = SearchSpace.Create().Choice("optimizer", "sgd", "momentum", "adam").Uniform("x", 0, 1);
        var study = new Study("cat", space, new StudyOptions { Strategy = strategy, Seed = 9 });
        study.Optimize(t => (t.Parameters.String("optimizer") == "adam" ? 0 : 10) + t.Parameters.Double("x"), trials: 20);
        var rounds = strategy.Rounds(study.History);
        Assert.Equal(new object[] { "adam" }, rounds[1]["optimizer"].Values);
        Assert.All(study.Trials.Where(t => t.Number >= 10), t => Assert.Equal("adam", t.Parameters.String("optimizer")));
    }

    [Fact]
    public void A_round_waits_until_the_previous_round_has_finished()
    {
        var strategy = new CoarseToFineSearch(trialsPerRound: 2);
        var space = SearchSpace.Create().Uniform("x", 0, 1);
        var running = new TrialRecord(1, TrialState.Running, new TrialParameters([new("x", 0.5)]));
        var done = new TrialRecord(0, TrialState.Completed, new TrialParameters([new("x", 0.4)]), 1.0);
        var history = new StudyHistory(space, StudyDirection.Minimize, [done, running]);
        Assert.Equal(SuggestionKind.Wait, strategy.Suggest(history, 2, new RandomSource(1)).Kind);
    }
}
