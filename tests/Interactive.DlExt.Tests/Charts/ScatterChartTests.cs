using Interactive.DlExt.Charts;
using Interactive.DlExt.Tests.Support;

namespace Interactive.DlExt.Tests.Charts;

public class ScatterChartTests
{
    [Fact]
    public void Log_scatter_draws_every_point_with_hover_text_log_ticks_and_a_colour_bar()
    {
        var root = Svg.Parse(ChartSamples.LearningRateSweep().ToSvg());

        Assert.Equal(24, root.QuerySelectorAll(".points circle").Length);
        Assert.Equal(["1e-5", "1e-4", "1e-3", "1e-2", "1e-1", "1e0"], Svg.Texts(root, ".x-ticks text"));
        Assert.StartsWith("trial 0: learning rate = 1e-5, validation loss = ", root.QuerySelector(".points circle title")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("batch size", root.QuerySelector(".color-title")!.TextContent);
        Assert.Contains("16", Svg.Texts(root, ".color-ticks text"));
        Assert.Contains("128", Svg.Texts(root, ".color-ticks text"));
    }

    [Fact]
    public void Categories_get_palette_colours_and_one_legend_entry_each()
    {
        var chart = new ScatterChart { X = [1, 2, 3, 4], Y = [1, 2, 3, 4], Categories = ["SGD", "Adam", "SGD", "Adam"] };

        var root = Svg.Parse(chart.ToSvg());

        Assert.Equal(["SGD", "Adam"], Svg.Texts(root, ".legend-item text"));
        var fills = root.QuerySelectorAll(".points circle").Select(c => c.GetAttribute("fill")).ToList();
        Assert.Equal([ChartPalette.Category(0), ChartPalette.Category(1), ChartPalette.Category(0), ChartPalette.Category(1)], fills);
    }

    [Fact]
    public void Points_that_a_log_axis_cannot_show_are_skipped_and_no_points_means_a_placeholder()
    {
        var some = Svg.Parse(new ScatterChart { X = [0, -1, 1e-3, double.NaN, 0.1], Y = [1, 2, 3, 4, 5], LogX = true }.ToSvg());
        var none = Svg.Parse(new ScatterChart { X = [0], Y = [1], LogX = true }.ToSvg());

        Assert.Equal(2, some.QuerySelectorAll(".points circle").Length);
        Assert.Equal("No data yet", none.QuerySelector(".no-data")!.TextContent);
    }

    [Fact]
    public void Named_x_categories_are_the_tick_labels_and_order_the_legend()
    {
        var chart = new ScatterChart
        {
            X = [2, 0, 1, 0], Y = [1, 2, 3, 4], XCategories = ["8", "16", "32"], Categories = ["32", "8", "16", "8"], PointLabels = ["#0", "#1", "#2", "#3"],
        };

        var root = Svg.Parse(chart.ToSvg());

        Assert.Equal(["8", "16", "32"], Svg.Texts(root, ".x-ticks text"));
        Assert.Equal(["8", "16", "32"], Svg.Texts(root, ".legend-item text"));
        Assert.StartsWith("#0: x = 32, y = 1", root.QuerySelector(".points circle title")!.TextContent, StringComparison.Ordinal);
    }
}
