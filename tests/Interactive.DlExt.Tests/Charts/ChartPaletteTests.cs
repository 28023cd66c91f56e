using Interactive.DlExt.Charts;

namespace Interactive.DlExt.Tests.Charts;

public class ChartPaletteTests
{
    [Fact]
    public void Twelve_lines_get_twelve_distinct_colours_none_black_or_faint_yellow()
    {
        var colours = Enumerable.Range(0, 12).Select(ChartPalette.Line).ToArray();

        Assert.Equal(12, ChartPalette.LineCount);
        Assert.Equal(12, colours.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.DoesNotContain("#000000", colours);
        Assert.DoesNotContain("#F0E442", colours);
        Assert.Equal(ChartPalette.Line(0), ChartPalette.Line(12));
    }

    [Fact]
    public void The_first_six_line_colours_are_the_colour_blind_safe_okabe_ito_ones()
    {
        Assert.Equal(["#0072B2", "#D55E00", "#009E73", "#E69F00", "#CC79A7", "#56B4E9"], Enumerable.Range(0, 6).Select(ChartPalette.Line));
        Assert.Equal(["#0072B2", "#D55E00", "#009E73", "#E69F00", "#CC79A7", "#56B4E9", "#000000", "#F0E442"], Enumerable.Range(0, 8).Select(ChartPalette.Category));
    }
}
