using System.Globalization;
using Interactive.DlExt.Tests.Support;

namespace Interactive.DlExt.Tests.Formatting;

public sealed class EvaluationViewTests
{
    [Fact]
    public void An_evaluation_shows_metrics_per_class_scores_and_a_100_cell_heatmap_for_10_classes()
    {
        var result = FormattingSamples.DigitsEvaluation();
        var matrix = result.ConfusionMatrix!;

        var root = HtmlDom.ParseView(Html.Render(result));

        Assert.Equal("dlext-evaluation", root.ClassName);
        var tables = root.QuerySelectorAll("table");
        var metrics = HtmlDom.DataRows(tables[0]).ToDictionary(r => r.Children[0].TextContent, r => r.Children[1].TextContent);
        Assert.Equal(result.Accuracy!.Value.ToString("P2", CultureInfo.InvariantCulture), metrics["accuracy"]);
        var perClass = HtmlDom.DataRows(tables[1]);
        Assert.Equal(Datasets.DigitClassNames, perClass.Select(r => r.Children[0].TextContent));
        Assert.Equal(matrix.F1(3).ToString("0.000", CultureInfo.InvariantCulture), perClass[3].Children[3].TextContent);
        var heatmap = root.QuerySelector("svg")!;
        Assert.Equal(100, heatmap.QuerySelectorAll("g.cells rect").Length);
        Assert.Equal(Datasets.DigitClassNames, heatmap.QuerySelectorAll("g.row-labels text").Select(t => t.TextContent));
    }

    [Fact]
    public void A_confusion_matrix_alone_renders_the_same_heatmap()
    {
        var matrix = FormattingSamples.DigitsEvaluation().ConfusionMatrix!;

        var root = HtmlDom.ParseView(Html.Render(matrix));

        Assert.Equal(100, root.QuerySelectorAll("g.cells rect").Length);
        Assert.StartsWith("Confusion matrix: 1797 samples", Html.RenderText(matrix), StringComparison.Ordinal);
    }
}
