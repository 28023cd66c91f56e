using Interactive.DlExt.Charts;
using Interactive.DlExt.Tests.Support;

namespace Interactive.DlExt.Tests.Charts;

public sealed class LineSeriesStyleTests
{
    [Fact]
    public void A_series_colour_replaces_the_palette_colour_in_the_line_and_the_legend()
    {
        var chart = new LineChart { Series = [LineSeries.FromValues("pruned", [3, 2, 1.5]) with { Color = "#9a9a9a", Dashed = true }] };
        var svg = Svg.Parse(chart.ToSvg());
        var path = Assert.Single(svg.QuerySelectorAll("path.series"));
        Assert.Equal("#9a9a9a", path.GetAttribute("stroke"));
        Assert.NotNull(path.GetAttribute("stroke-dasharray"));
        Assert.DoesNotContain(ChartPalette.Category(0), chart.ToSvg(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_points_only_series_draws_its_points_without_a_line()
    {
        var chart = new LineChart { Series = [new LineSeries("trials", [0, 1, 2, 3], [0.5, 0.4, double.NaN, 0.3]) { PointsOnly = true }] };
        var svg = Svg.Parse(chart.ToSvg());
        Assert.Empty(svg.QuerySelectorAll("path.series"));
        Assert.Equal(3, svg.QuerySelectorAll("g.points circle").Length);
    }

    [Fact]
    public void A_colour_that_is_not_hex_is_refused_so_it_cannot_break_out_of_the_attribute()
    {
        var chart = new LineChart { Series = [LineSeries.FromValues("x", [1, 2]) with { Color = "red\" onload=\"x" }] };
        var e = Assert.Throws<ArgumentException>(chart.ToSvg);
        Assert.Contains("expected \"#rrggbb\"", e.Message, StringComparison.Ordinal);
    }
}
