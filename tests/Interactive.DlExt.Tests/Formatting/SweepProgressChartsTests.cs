using Interactive.DlExt.Search;
using Interactive.DlExt.Tests.Support;

namespace Interactive.DlExt.Tests.Formatting;

public sealed class SweepProgressChartsTests
{
    private static readonly Lazy<SweepResult> CoarseToFine = new(SweepFixtures.CoarseToFine);

    [Fact]
    public void The_rounds_chart_draws_each_rounds_box_at_its_round_with_its_trials_beside_it()
    {
        var result = CoarseToFine.Value;
        Assert.Equal(2, result.Rounds.Count);

        var chart = Assert.Single(SweepViews.CoarseToFineRounds(result)); // lr only: hidden is a choice
        var box = chart.Series[0];
        Assert.Equal("Coarse-to-fine rounds: lr", chart.Title);
        Assert.True(chart.LogY);
        Assert.Equal([0, 0, double.NaN, 1, 1, double.NaN], box.X);
        Assert.Equal([result.Rounds[0]["lr"].Low, result.Rounds[0]["lr"].High, double.NaN, result.Rounds[1]["lr"].Low, result.Rounds[1]["lr"].High, double.NaN], box.Y);
        Assert.Equal(1e-3, box.Y[0], 9);
        Assert.True(box.Y[4] - box.Y[3] < box.Y[1] - box.Y[0], "the second box is narrower");
        var trials = chart.Series[1];
        Assert.Equal([0.2, 0.2, 0.2, 0.2, 1.2, 1.2, 1.2, 1.2], trials.X);
        Assert.Equal(result.Trials.Select(t => t.Parameters.Double("lr")), trials.Y);
        Assert.Equal(["0", "1"], Svg.Texts(Svg.Parse(chart.ToSvg()), ".x-ticks text"));
    }

    [Fact]
    public void The_distribution_is_a_step_line_per_round_rising_by_one_over_n_at_each_sorted_value()
    {
        var result = CoarseToFine.Value;

        var chart = SweepViews.ObjectiveDistribution(result)!;

        Assert.Equal(["round 0", "round 1"], chart.Series.Select(s => s.Name));
        var first = chart.Series[0];
        var values = result.Trials.Where(t => t.Number < 4 && t.State == TrialState.Completed).Select(t => t.Value!.Value).Order().ToArray();
        Assert.Equal(values.SelectMany(v => new[] { v, v }), first.X);
        Assert.Equal(Enumerable.Range(0, values.Length).SelectMany(i => new[] { (double)i / values.Length, (double)(i + 1) / values.Length }), first.Y);
        Assert.Equal("share of trials ≤ x", chart.YLabel);
    }

    [Fact]
    public void The_timeline_draws_each_trial_from_its_start_to_its_end_at_its_number()
    {
        var result = CoarseToFine.Value;
        var origin = result.Trials.Min(t => t.StartedAt!.Value);

        var chart = SweepViews.TrialTimeline(result)!;

        Assert.Equal("Trials over time (parallelism 2)", chart.Title);
        var completed = Assert.Single(chart.Series, s => s.Name == "completed");
        Assert.Equal("#009E73", completed.Color);
        Assert.Equal("7", Svg.Parse(chart.ToSvg()).QuerySelectorAll("path.series").First(p => p.GetAttribute("stroke") == "#009E73").GetAttribute("stroke-width"));
        var trials = result.Trials.Where(t => t.State == TrialState.Completed).ToArray();
        Assert.Equal(trials.SelectMany(t => new[] { (t.StartedAt!.Value - origin).TotalSeconds, (t.StartedAt!.Value - origin + t.Duration!.Value).TotalSeconds, double.NaN }), completed.X);
        Assert.Equal(trials.SelectMany(t => new[] { (double)t.Number, t.Number, double.NaN }), completed.Y);
        Assert.All(trials, t => Assert.True(t.Duration > TimeSpan.Zero));
    }

    [Fact]
    public void The_report_adds_the_distribution_the_timeline_and_the_rounds_when_they_apply()
    {
        var kinds = SweepFixtures.Parse(SweepViews.Html(CoarseToFine.Value)).QuerySelectorAll(".sweep-chart").Select(c => c.GetAttribute("data-chart") ?? "(none)").ToArray();

        Assert.Equal(["history", "curves", "distribution", "timeline", "rounds", "parallel"], kinds[..6]);
        Assert.Null(SweepViews.TrialTimeline(SweepFixtures.Grid())); // a frozen clock: no time passed
        Assert.Empty(SweepViews.CoarseToFineRounds(SweepFixtures.Grid()));
    }
}
