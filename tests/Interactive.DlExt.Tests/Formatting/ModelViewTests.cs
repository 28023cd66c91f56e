using Interactive.DlExt.Tests.Support;

namespace Interactive.DlExt.Tests.Formatting;

public sealed class ModelViewTests
{
    [Fact]
    public void A_built_model_shows_its_summary_table_with_shapes_and_parameter_counts()
    {
        var model = FormattingSamples.SpiralModel().Build([2]);

        var root = HtmlDom.ParseView(Html.Render(model));

        Assert.Equal("dlext-model", root.ClassName);
        var rows = HtmlDom.DataRows(root.QuerySelector("table")!);
        Assert.Equal(["[batch, 16]", "[batch, 3]"], rows.Select(r => r.Children[3].TextContent));
        Assert.Equal(["48", "51"], rows.Select(r => r.Children[4].TextContent)); // 2·16 + 16 and 16·3 + 3
        Assert.Contains("99 parameters", root.TextContent, StringComparison.Ordinal);
        Assert.Equal(Html.Render(model.Summary()).Replace("Sequential", "Model", StringComparison.Ordinal), Html.Render(model).Replace("Sequential", "Model", StringComparison.Ordinal));
    }

    [Fact]
    public void An_unbuilt_model_lists_its_layers_with_a_hint_to_build_it()
    {
        var root = HtmlDom.ParseView(Html.Render(FormattingSamples.SpiralModel()));

        Assert.Equal(2, HtmlDom.DataRows(root.QuerySelector("table")!).Count);
        Assert.Contains("model.Build(", root.TextContent, StringComparison.Ordinal);
        Assert.Contains("model.Build(", Html.RenderText(FormattingSamples.SpiralModel()), StringComparison.Ordinal);
    }

    [Fact]
    public void The_plain_text_of_a_built_model_is_its_summary()
    {
        var model = FormattingSamples.SpiralModel().Build([2]);

        Assert.Equal(model.Summary().ToString(), Html.RenderText(model));
    }
}
