using Interactive.DlExt.Tests.Support;

namespace Interactive.DlExt.Tests.Layers;

public class AvgPool2dTests
{
    [Fact]
    public void Gradients_match_finite_differences() => GradientCheck.Layer(new AvgPool2d(2), [2, 4, 6]);

    [Fact]
    public void Gradients_match_finite_differences_with_overlapping_padded_windows() =>
        GradientCheck.Layer(new AvgPool2d(3, stride: 2, padding: 1), [2, 5, 5]);

    [Fact]
    public void Output_shape_and_description_follow_the_arguments()
    {
        var layer = new AvgPool2d(3, stride: 2, padding: 1);
        layer.Build([4, 7, 7]);
        Assert.Equal(new[] { 4, 4, 4 }, layer.OutputShape);
        Assert.Equal("AvgPool2d(3×3, stride 2, pad 1)", layer.Describe());
    }

    [Fact]
    public void A_window_larger_than_the_input_is_rejected()
    {
        var error = Assert.Throws<DlExtArgumentException>(() => new AvgPool2d(4).Build([1, 3, 3]));
        Assert.Contains("[1, 3, 3]", error.Message, StringComparison.Ordinal);
        Assert.Contains("4×4", error.Message, StringComparison.Ordinal);
    }
}
