using Interactive.DlExt.Charts;
using Interactive.DlExt.Tests.Support;

namespace Interactive.DlExt.Tests.Charts;

public class ParallelCoordinatesTests
{
    [Fact]
    public void One_polyline_per_trial_across_each_axis_plus_the_objective()
    {
        var root = Svg.Parse(ChartSamples.Trials().ToSvg());

        Assert.Equal(20, root.QuerySelectorAll("path.trial").Length);
        Assert.Equal(["learning rate", "dropout", "optimizer", "validation loss"], Svg.Texts(root, ".axis-name"));
        var optimizerTicks = Svg.Texts(root.QuerySelectorAll(".parallel-axis")[2], ".y-ticks text");
        Assert.Equal(["SGD", "Adam", "AdamW"], optimizerTicks);
        Assert.Contains("1e-3", Svg.Texts(root.QuerySelectorAll(".parallel-axis")[0], ".y-ticks text"));
    }

    [Fact]
    public void Failed_trials_are_grey_and_drawn_first_and_the_best_trial_is_drawn_last_in_the_bright_colour()
    {
        var root = Svg.Parse(ChartSamples.Trials().ToSvg());

        var trials = root.QuerySelectorAll("path.trial");
        Assert.Equal("#bbbbbb", trials[0].GetAttribute("stroke"));
        Assert.StartsWith("trial 5:", trials[0].QuerySelector("title")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(ChartPalette.Sequential(1), trials[^1].GetAttribute("stroke"));
    }

    [Fact]
    public void A_numeric_axis_with_one_round_tick_or_none_in_its_range_labels_its_ends()
    {
        var chart = new ParallelCoordinates
        {
            Axes = [ParallelAxis.Numeric("unused", [0.00954443, 0.512582, 0.989298]), ParallelAxis.Numeric("wide", [0, 5, 10])],
            Objective = [2.2, 0.16, 2.3],
            ObjectiveName = "validation loss",
        };

        var axes = Svg.Parse(chart.ToSvg()).QuerySelectorAll(".parallel-axis");

        Assert.Equal(["0.5", "0.009544", "0.9893"], Svg.Texts(axes[0], ".y-ticks text"));
        Assert.DoesNotContain("10", Svg.Texts(axes[1], ".y-ticks text").Where(t => t.Contains('.', StringComparison.Ordinal)));
        Assert.True(Svg.Texts(axes[1], ".y-ticks text").Count >= 2);
    }

    [Fact]
    public void No_trials_shows_a_placeholder()
    {
        var root = Svg.Parse(new ParallelCoordinates { Axes = [ParallelAxis.Numeric("x", [])] }.ToSvg());

        Assert.Equal("No data yet", root.QuerySelector(".no-data")!.TextContent);
    }

    [Fact]
    public void A_category_order_places_the_choices_bottom_to_top_in_that_order()
    {
        var chart = new ParallelCoordinates
        {
            Axes = [ParallelAxis.Categorical("hidden", ["32", "8", "16"], ["8", "16", "32"])],
            Objective = [0.3, 0.2, 0.1],
        };

        var root = Svg.Parse(chart.ToSvg());

        var ticks = root.QuerySelectorAll(".parallel-axis")[0].QuerySelectorAll(".y-ticks text")
            .OrderByDescending(t => double.Parse(t.GetAttribute("y")!, System.Globalization.CultureInfo.InvariantCulture)).Select(t => t.TextContent);
        Assert.Equal(["8", "16", "32"], ticks);
    }

    [Fact]
    public void A_colour_scale_says_what_the_colour_means_with_the_best_end_bright()
    {
        var root = Svg.Parse(ChartSamples.Trials().ToSvg());

        var scale = Assert.Single(root.QuerySelectorAll(".color-scale"));
        Assert.Equal("validation loss", scale.QuerySelector(".color-title")!.TextContent);
        Assert.True(scale.QuerySelectorAll(".color-ticks text").Length >= 2);
        var stops = scale.QuerySelectorAll("stop").Select(s => s.GetAttribute("stop-color")).ToArray();
        Assert.Equal(ChartPalette.Sequential(1), stops[0]); // the bottom (lowest loss) is the bright end
        Assert.Equal(ChartPalette.Sequential(0), stops[^1]);
    }
}
