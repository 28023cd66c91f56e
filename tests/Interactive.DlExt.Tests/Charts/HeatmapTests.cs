using Interactive.DlExt.Charts;
using Interactive.DlExt.Tests.Support;

namespace Interactive.DlExt.Tests.Charts;

public class HeatmapTests
{
    [Fact]
    public void Confusion_matrix_has_a_cell_value_and_hover_per_entry_and_both_label_sets()
    {
        var root = Svg.Parse(ChartSamples.ConfusionMatrix().ToSvg());

        Assert.Equal(100, root.QuerySelectorAll(".cells rect").Length);
        Assert.Equal(100, root.QuerySelectorAll(".cell-values text").Length);
        Assert.Equal("T-shirt/top / T-shirt/top: 850", root.QuerySelector(".cells rect title")!.TextContent);
        Assert.Equal(10, root.QuerySelectorAll(".row-labels text").Length);
        Assert.Equal("Ankle boot", root.QuerySelectorAll(".column-labels text")[^1].TextContent);
        Assert.Equal(["true class", "predicted class"], Svg.Texts(root, ".axis-label"));
    }

    [Fact]
    public void Large_matrices_hide_cell_values_and_NaN_cells_are_grey()
    {
        var values = new double[40, 40];
        values[3, 4] = double.NaN;
        values[0, 0] = 1;

        var root = Svg.Parse(new Heatmap { Values = values, Width = 400, Height = 400 }.ToSvg());

        Assert.Empty(root.QuerySelectorAll(".cell-values"));
        Assert.Equal("#bbbbbb", root.QuerySelectorAll(".cells rect")[(3 * 40) + 4].GetAttribute("fill"));
        var columnLabels = Svg.Texts(root, ".column-labels text");
        Assert.Equal(["0", "2", "4"], columnLabels.Take(3)); // thinned: cells are narrower than a line of text
        Assert.DoesNotContain(columnLabels, l => l.Contains('…', StringComparison.Ordinal));
    }

    [Fact]
    public void Empty_matrix_shows_a_placeholder_and_wrong_label_counts_are_rejected()
    {
        Assert.Equal("No data yet", Svg.Parse(new Heatmap().ToSvg()).QuerySelector(".no-data")!.TextContent);
        var error = Assert.Throws<ArgumentException>(() => new Heatmap { Values = new double[2, 2], RowLabels = ["a"] }.ToSvg());
        Assert.Contains("RowLabels has 1 values but 2", error.Message, StringComparison.Ordinal);
    }
}
