using System.Text;
using Interactive.DlExt.Charts;
using Interactive.DlExt.Tests.Support;

namespace Interactive.DlExt.Tests.Charts;

public class LineChartTests
{
    [Fact]
    public void Training_run_has_one_path_per_series_a_faint_raw_path_legend_markers_and_panel()
    {
        var root = Svg.Parse(ChartSamples.TrainingRun().ToSvg());

        Assert.Equal(4, root.QuerySelectorAll("path.series").Length); // per-step EMA, train, validation, learning rate
        Assert.Single(root.QuerySelectorAll("path.series-raw"));
        Assert.Equal(["train (per step)", "train", "validation", "learning rate"], Svg.Texts(root, ".legend-item text"));
        Assert.Equal("Loss per epoch", root.QuerySelector("svg > title")!.TextContent);
        Assert.Equal("Loss per epoch", root.QuerySelector(".chart-title")!.TextContent);
        Assert.Contains("best: epoch", root.QuerySelector(".marker-point text")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("early stop", root.QuerySelector(".marker-vertical text")!.TextContent);
        Assert.Equal("5 4", root.QuerySelector(".marker-vertical line")!.GetAttribute("stroke-dasharray"));
        Assert.Equal(2, root.QuerySelectorAll("path.epoch-grid").Length); // main plot and panel
        Assert.Equal(["0", "1", "2", "3"], Svg.Texts(root, ".y-ticks text").Take(4));
        Assert.Equal(["0", "20", "40", "60", "80", "100"], Svg.Texts(root, ".x-ticks text"));
        Assert.Equal(["loss", "learning rate", "epoch"], Svg.Texts(root, ".axis-label"));
    }

    [Fact]
    public void Marker_labels_have_a_white_halo_so_they_read_over_the_curves_they_cross()
    {
        var root = Svg.Parse(ChartSamples.TrainingRun().ToSvg());

        foreach (var label in root.QuerySelectorAll(".marker-point text, .marker-vertical text"))
        {
            Assert.Equal(("#ffffff", "stroke"), (label.GetAttribute("stroke"), label.GetAttribute("paint-order")));
        }

        Assert.Equal(2, root.QuerySelectorAll(".marker-point text, .marker-vertical text").Length);
    }

    [Fact]
    public void Series_titles_give_the_last_and_minimum_values_on_hover()
    {
        var chart = new LineChart { Series = [LineSeries.FromValues("validation", [0.9, 0.5, 0.7])] };

        var root = Svg.Parse(chart.ToSvg());

        Assert.Equal("validation: last 0.7 at 3, min 0.5 at 2", root.QuerySelector("path.series > title")!.TextContent);
        Assert.Equal(["validation: 0.9 at 1", "validation: 0.5 at 2", "validation: 0.7 at 3"], Svg.Texts(root, ".points circle title"));
    }

    [Fact]
    public void Log_axis_labels_powers_of_ten_and_drops_non_positive_values()
    {
        var chart = new LineChart { LogY = true, Series = [LineSeries.FromValues("loss", [2.3, 0.5, 0.0, -1, 0.02, 0.004])] };

        var root = Svg.Parse(chart.ToSvg());

        Assert.Equal(["0.001", "0.01", "0.1", "1", "10"], Svg.Texts(root, ".y-ticks text"));
        Assert.Equal(2, root.QuerySelector("path.series")!.GetAttribute("d")!.Count(c => c == 'M'));
    }

    [Fact]
    public void Log_axis_over_many_decades_uses_exponent_labels()
    {
        var chart = new LineChart { LogY = true, Series = [LineSeries.FromValues("learning rate", [1e-6, 1e-4, 1e-2])] };

        Assert.Equal(["1e-6", "1e-5", "1e-4", "1e-3", "1e-2"], Svg.Texts(Svg.Parse(chart.ToSvg()), ".y-ticks text"));
    }

    [Fact]
    public void A_log_x_axis_labels_powers_of_ten_for_learning_rates()
    {
        var chart = new LineChart { LogX = true, Series = [new LineSeries("loss", [1e-6, 1e-4, 1e-2], [2.0, 1.0, 3.0])] };

        Assert.Equal(["1e-6", "1e-5", "1e-4", "1e-3", "1e-2"], Svg.Texts(Svg.Parse(chart.ToSvg()), ".x-ticks text"));
    }

    [Fact]
    public void NaN_and_infinity_leave_gaps_and_isolated_points_become_dots()
    {
        var chart = new LineChart
        {
            Series = [LineSeries.FromValues("loss", [1, 0.8, double.NaN, 0.6, double.PositiveInfinity, 0.5, 0.4])],
        };

        var root = Svg.Parse(chart.ToSvg());

        var d = root.QuerySelector("path.series")!.GetAttribute("d")!;
        Assert.Equal(2, d.Count(c => c == 'M'));
        Assert.DoesNotContain("NaN", d, StringComparison.Ordinal);
        Assert.Equal(5, root.QuerySelectorAll(".points circle").Length);
    }

    [Fact]
    public void A_single_point_and_a_constant_series_still_get_axes()
    {
        var single = Svg.Parse(new LineChart { Series = [LineSeries.FromValues("loss", [0.7])] }.ToSvg());
        var constant = Svg.Parse(new LineChart { Series = [LineSeries.FromValues("accuracy", [0.5, 0.5, 0.5])] }.ToSvg());

        Assert.Single(single.QuerySelectorAll(".points circle"));
        Assert.True(single.QuerySelectorAll(".y-ticks text").Length >= 2);
        Assert.True(constant.QuerySelectorAll(".y-ticks text").Length >= 2);
        Assert.Contains("0.50", Svg.Texts(constant, ".y-ticks text"));
    }

    [Fact]
    public void Empty_chart_shows_a_no_data_placeholder()
    {
        var empty = Svg.Parse(new LineChart { Title = "Loss" }.ToSvg());
        var emptySeries = Svg.Parse(new LineChart { Series = [new LineSeries("train", [], [])] }.ToSvg());
        var allNaN = Svg.Parse(new LineChart { Series = [LineSeries.FromValues("train", [double.NaN])] }.ToSvg());

        Assert.Equal("No data yet", empty.QuerySelector(".no-data")!.TextContent);
        Assert.Equal("No data yet", emptySeries.QuerySelector(".no-data")!.TextContent);
        Assert.Equal("No data yet", allNaN.QuerySelector(".no-data")!.TextContent);
        Assert.Equal(["train"], Svg.Texts(emptySeries, ".legend-item text"));
    }

    [Fact]
    public void Hundred_epoch_loss_chart_with_thousand_steps_is_under_ten_kilobytes()
    {
        var svg = ChartSamples.TrainingRun(panel: false).ToSvg();

        Assert.True(Encoding.UTF8.GetByteCount(svg) < 10_000, $"{Encoding.UTF8.GetByteCount(svg)} bytes");
    }

    [Fact]
    public void Dense_series_are_thinned_without_losing_their_extremes()
    {
        var y = Enumerable.Range(0, 5000).Select(i => i == 2500 ? 10.0 : Math.Sin(i * 0.01)).ToArray();
        var chart = new LineChart { Width = 400, Series = [LineSeries.FromValues("loss", y)] };

        var root = Svg.Parse(chart.ToSvg());

        var d = root.QuerySelector("path.series")!.GetAttribute("d")!;
        Assert.True(d.Length < 6000, $"{d.Length} characters of path data");
        Assert.Contains("10", Svg.Texts(root, ".y-ticks text")); // the spike still sets the range
    }

    [Fact]
    public void Mismatched_lengths_and_bad_smoothing_are_rejected_with_the_series_name()
    {
        var lengths = Assert.Throws<ArgumentException>(() => new LineChart { Series = [new LineSeries("train", [1, 2], [1])] }.ToSvg());
        var smoothing = Assert.Throws<ArgumentException>(() => new LineChart { Series = [LineSeries.FromValues("train", [1]) with { Smoothing = 1 }] }.ToSvg());
        var width = Assert.Throws<ArgumentOutOfRangeException>(() => new LineChart { Width = 10 }.ToSvg());

        Assert.Contains("'train'", lengths.Message, StringComparison.Ordinal);
        Assert.Contains("Smoothing = 1", smoothing.Message, StringComparison.Ordinal);
        Assert.Contains("Width = 10", width.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_one_point_line_among_longer_ones_is_a_ringed_marker_drawn_on_top()
    {
        var chart = new LineChart
        {
            Series = [LineSeries.FromValues("#3 pruned", [0.9]) with { Color = "#9a9a9a", Dashed = true }, LineSeries.FromValues("#1", [1.0, 0.8, 0.7])],
        };

        var root = Svg.Parse(chart.ToSvg());

        var lone = Assert.Single(root.QuerySelectorAll(".lone-points circle"));
        Assert.Equal("4.5", lone.GetAttribute("r"));
        Assert.Equal("#9a9a9a", lone.GetAttribute("fill"));
        Assert.Equal("#ffffff", lone.ParentElement!.GetAttribute("stroke"));
        Assert.StartsWith("#3 pruned: 0.9 at 1", lone.QuerySelector("title")!.TextContent, StringComparison.Ordinal);
        Assert.Same(root.QuerySelectorAll("g.points")[^1], lone.ParentElement); // after every other series
    }

    [Fact]
    public void Integer_x_ticks_a_two_epoch_run_at_one_and_two_only()
    {
        var chart = new LineChart { IntegerX = true, Series = [LineSeries.FromValues("loss", [1.0, 0.8])] };

        Assert.Equal(["1", "2"], Svg.Texts(Svg.Parse(chart.ToSvg()), ".x-ticks text"));
    }
}
