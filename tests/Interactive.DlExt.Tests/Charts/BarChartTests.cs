using Interactive.DlExt.Charts;
using Interactive.DlExt.Tests.Support;

namespace Interactive.DlExt.Tests.Charts;

public class BarChartTests
{
    [Fact]
    public void Bars_keep_their_order_and_carry_labels_values_and_hover_text()
    {
        var root = Svg.Parse(ChartSamples.Importance().ToSvg());

        Assert.Equal(["learning rate", "batch size", "weight decay", "optimizer"], Svg.Texts(root, ".bar-labels text"));
        Assert.Equal(["0.62", "0.21", "0.12", "0.05"], Svg.Texts(root, ".bar-values text"));
        Assert.Equal("learning rate: 0.62", root.QuerySelector(".bars rect title")!.TextContent);
        var widths = root.QuerySelectorAll(".bars rect").Select(r => double.Parse(r.GetAttribute("width")!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(widths.OrderByDescending(w => w), widths);
    }

    [Fact]
    public void Negative_values_grow_left_of_zero_and_non_finite_values_draw_no_bar()
    {
        var root = Svg.Parse(new BarChart { Labels = ["a", "b", "c"], Values = [1, -1, double.NaN] }.ToSvg());

        var bars = root.QuerySelectorAll(".bars rect");
        Assert.Equal(2, bars.Length);
        var x = bars.Select(r => double.Parse(r.GetAttribute("x")!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.True(x[1] < x[0]);
    }

    [Fact]
    public void An_interval_per_bar_is_a_whisker_and_the_value_is_written_past_it()
    {
        var chart = new BarChart { Labels = ["lr", "hidden"], Values = [0.6, 0.4], Low = [0.1, 0], High = [0.95, 0.9], Width = 400 };

        var root = Svg.Parse(chart.ToSvg());

        var whiskers = root.QuerySelectorAll(".bar-intervals path");
        Assert.Equal(2, whiskers.Length);
        Assert.Equal(["lr: 0.1 to 0.95", "hidden: 0 to 0.9"], whiskers.Select(w => w.QuerySelector("title")!.TextContent));
        Assert.Equal(["0.6 [0.1–0.95]", "0.4 [0–0.9]"], Svg.Texts(root, ".bar-values text"));
        var valueX = root.QuerySelectorAll(".bar-values text").Select(t => double.Parse(t.GetAttribute("x")!, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var barEnd = root.QuerySelectorAll(".bars rect").Select(r => double.Parse(r.GetAttribute("x")!, System.Globalization.CultureInfo.InvariantCulture) + double.Parse(r.GetAttribute("width")!, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        Assert.All(Enumerable.Range(0, 2), i => Assert.True(valueX[i] > barEnd[i] + 20, $"{valueX[i]} vs {barEnd[i]}"));
    }
}
