using Interactive.DlExt.Tests.Support;

namespace Interactive.DlExt.Tests.Layers;

public class MaxPool2dTests
{
    [Fact]
    public void Gradients_match_finite_differences() => GradientCheck.Layer(new MaxPool2d(2), [2, 4, 6], h: 1e-3);

    [Fact]
    public void Gradients_match_finite_differences_with_overlapping_padded_windows() =>
        GradientCheck.Layer(new MaxPool2d(3, stride: 2, padding: 1), [2, 5, 5], h: 1e-3);

    [Fact]
    public void Output_shape_and_description_follow_the_arguments()
    {
        var layer = new MaxPool2d(2);
        layer.Build([32, 28, 28]);
        Assert.Equal(new[] { 32, 14, 14 }, layer.OutputShape);
        Assert.Equal("MaxPool2d(2×2, stride 2)", layer.Describe());
    }

    [Fact]
    public void A_rank_2_input_is_rejected_naming_the_layer_and_both_shapes()
    {
        var error = Assert.Throws<DlExtArgumentException>(() => new MaxPool2d(2).Build([28, 28]));
        Assert.Contains("[28, 28]", error.Message, StringComparison.Ordinal);
        Assert.Contains("MaxPool2d", error.Message, StringComparison.Ordinal);
    }
}
