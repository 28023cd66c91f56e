using Interactive.DlExt.Formatting;
using Interactive.DlExt.Tests.Support;

namespace Interactive.DlExt.Tests.Formatting;

public sealed class DatasetViewTests
{
    [Fact]
    public void An_image_dataset_shows_its_class_balance_and_two_samples_per_class()
    {
        var digits = Datasets.Digits();

        var root = HtmlDom.ParseView(Html.Render(digits));

        Assert.Equal("dlext-dataset", root.ClassName);
        Assert.Contains("1,797 samples · item shape [1, 8, 8] · 10 classes", root.TextContent, StringComparison.Ordinal);
        var charts = root.QuerySelectorAll("svg");
        Assert.Equal(2, charts.Length);
        Assert.Equal(10, charts[0].QuerySelectorAll("g.bars rect").Length);
        var images = charts[1].QuerySelectorAll("g.grid-image");
        Assert.Equal(20, images.Length);
        Assert.Equal(Enumerable.Range(0, 10).SelectMany(c => new[] { c.ToString(System.Globalization.CultureInfo.InvariantCulture) }).Concat(Enumerable.Range(0, 10).Select(c => c.ToString(System.Globalization.CultureInfo.InvariantCulture))).Order(),
            images.Select(i => i.QuerySelector("text")!.TextContent).Order());
    }

    [Fact]
    public void A_tabular_dataset_has_no_sample_images()
    {
        var root = HtmlDom.ParseView(Html.Render(Datasets.Spirals(20, 3)));

        Assert.Single(root.QuerySelectorAll("svg"));
        Assert.Empty(root.QuerySelectorAll("g.grid-image"));
    }

    [Theory]
    [InlineData(new[] { 1, 28, 28 }, 28)]
    [InlineData(new[] { 8, 8 }, 8)]
    [InlineData(new[] { 64 }, 8)]
    [InlineData(new[] { 784 }, 28)]
    [InlineData(new[] { 4 }, 0)]
    [InlineData(new[] { 10 }, 0)]
    [InlineData(new[] { 3, 32, 32 }, 0)]
    public void Items_are_images_when_shaped_1_H_W_or_H_W_or_a_flat_square_of_at_least_64(int[] shape, int side) =>
        Assert.Equal(side == 0 ? null : (side, side), DatasetView.ImageSize(shape));

    [Fact]
    public void The_plain_text_names_the_count_shape_and_class_balance()
    {
        var text = Html.RenderText(Datasets.Spirals(20, 3));

        Assert.Equal("spirals: 60 samples · item shape [2] · 3 classes\nper class: 0 20, 1 20, 2 20", text.ReplaceLineEndings("\n"));
    }
}
