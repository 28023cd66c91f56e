using System.Globalization;

namespace Interactive.DlExt.Tests.Formatting;

public sealed class SweepTrialTableTests
{
    [Fact]
    public void The_best_epoch_column_shows_the_epoch_of_the_best_value_not_the_value()
    {
        var result = SweepFixtures.Mixed();
        var document = SweepFixtures.Parse(SweepViews.Html(result));

        foreach (var trial in result.Trials)
        {
            var row = document.QuerySelector($"tr[data-trial='{trial.Number.ToString(CultureInfo.InvariantCulture)}']")!;
            var cells = row.QuerySelectorAll("td").Select(c => c.TextContent).ToArray();
            var expected = trial.Curve.Count == 0 ? "—" : (trial.Curve.ToList().IndexOf(trial.Curve.Min()) + 1).ToString(CultureInfo.InvariantCulture);
            Assert.Equal(expected, cells[^3]);
        }

        var best = result.Best!;
        Assert.InRange(int.Parse(document.QuerySelector("tr[data-best='true']")!.QuerySelectorAll("td")[^3].TextContent, CultureInfo.InvariantCulture), 1, best.EpochsRun);
    }

    [Fact]
    public void Each_trial_says_whether_it_was_enqueued_drawn_at_random_before_modelling_or_chosen_by_the_strategy()
    {
        var result = Search.Sweep.Run(new Search.SweepRequest(SweepFixtures.Model, SweepFixtures.Blobs(),
            Search.SearchSpace.Create().LogUniform("lr", 1e-3, 0.3).Choice("hidden", 4, 16, 32))
        {
            Strategy = Search.Sweep.CreateStrategy("tpe", 8), Trials = 8, Epochs = 1, BatchSize = 16, Optimizer = "sgd", Seed = 2, ThreadsPerTrial = 1,
            Enqueued = [new Dictionary<string, object> { ["lr"] = 0.01, ["hidden"] = 16 }],
        });
        var document = SweepFixtures.Parse(SweepViews.Html(result));

        string ChosenBy(int number) => document.QuerySelector($"tr[data-trial='{number.ToString(CultureInfo.InvariantCulture)}'] td.trial-chosen-by")!.TextContent;

        // A budget of 8 gives TPE 3 random start-up trials; the enqueued baseline is the first of them.
        Assert.Equal(3, result.RandomStartupTrials);
        Assert.Equal(["enqueued", "random start-up", "random start-up", "tpe", "tpe", "tpe", "tpe", "tpe"], Enumerable.Range(0, 8).Select(ChosenBy));
    }
}
