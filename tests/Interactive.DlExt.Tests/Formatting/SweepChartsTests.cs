using System.Globalization;
using Interactive.DlExt.Search;
using Interactive.DlExt.Tests.Support;

namespace Interactive.DlExt.Tests.Formatting;

public sealed class SweepChartsTests
{
    private static readonly Lazy<SweepResult> Choices = new(SweepFixtures.Choices);

    [Fact]
    public void A_numeric_choice_is_plotted_as_its_values_in_numeric_order_in_the_scatter_its_legend_and_the_parallel_axis()
    {
        var result = Choices.Value;
        var html = SweepViews.Html(result);
        var scatter = Svg.Parse(SweepViews.ParameterScatters(result)[1].ToSvg());
        var parallel = Svg.Parse(SweepViews.ParallelCoordinates(result)!.ToSvg());

        Assert.DoesNotContain("choice index", html, StringComparison.Ordinal);
        Assert.Contains("hidden", Svg.Texts(scatter, ".axis-label"));
        Assert.Equal(["8", "16", "32"], Svg.Texts(scatter, ".x-ticks text"));
        Assert.Equal(["8", "16", "32"], Svg.Texts(scatter, ".legend-item text"));
        var ticks = parallel.QuerySelectorAll(".parallel-axis")[1].QuerySelectorAll(".y-ticks text")
            .OrderByDescending(t => double.Parse(t.GetAttribute("y")!, CultureInfo.InvariantCulture)).Select(t => t.TextContent);
        Assert.Equal(["8", "16", "32"], ticks);
    }

    [Fact]
    public void Twelve_completed_curves_besides_the_best_get_twelve_distinct_colours()
    {
        var result = Choices.Value;
        Assert.Equal(13, result.Count(TrialState.Completed));

        var strokes = Svg.Parse(SweepViews.ValidationCurves(result)!.ToSvg()).QuerySelectorAll("path.series").Select(p => p.GetAttribute("stroke")!).ToArray();

        Assert.Equal(13, strokes.Length);
        Assert.Equal(13, strokes.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Single(strokes, s => s == "#000000");
    }

    [Fact]
    public void The_epoch_and_trial_axes_tick_whole_numbers()
    {
        var result = Choices.Value;

        Assert.Equal(["1", "2"], Svg.Texts(Svg.Parse(SweepViews.ValidationCurves(result)!.ToSvg()), ".x-ticks text"));
        var trials = Svg.Texts(Svg.Parse(SweepViews.OptimizationHistory(result)!.ToSvg()), ".x-ticks text");
        Assert.All(trials, t => Assert.True(int.TryParse(t, NumberStyles.Integer, CultureInfo.InvariantCulture, out _), t));
    }

    [Fact]
    public void Trials_pruned_after_one_epoch_are_ringed_markers_on_the_curves()
    {
        var result = SweepFixtures.EarlyPruned();
        var oneEpoch = result.Trials.Count(t => t.Curve.Count == 1);
        Assert.True(oneEpoch > 0, result.ToString());

        var lone = Svg.Parse(SweepViews.ValidationCurves(result)!.ToSvg()).QuerySelectorAll(".lone-points circle");

        Assert.Equal(oneEpoch, lone.Length);
        Assert.All(lone, c => Assert.Equal("4.5", c.GetAttribute("r")));
    }
}
