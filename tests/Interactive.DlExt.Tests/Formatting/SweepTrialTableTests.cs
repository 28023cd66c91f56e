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
}
