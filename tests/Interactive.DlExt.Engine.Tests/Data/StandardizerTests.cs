namespace Interactive.DlExt.Tests.Data;

public sealed class StandardizerTests
{
    private static Dataset Table(float[] values, int features) =>
        new(new Tensor(values, values.Length / features, features), new Tensor(values.Length / features, 1));

    [Fact]
    public void Per_feature_statistics_come_from_the_training_set_only()
    {
        // Feature 0: 1, 3 → mean 2, σ 1. Feature 1: 10, 30 → mean 20, σ 10.
        var train = Table([1, 10, 3, 30], 2);
        var validation = Table([5, 40], 2);
        var s = Standardizer.Fit(train);
        Assert.Equal([2f, 20f], s.Mean);
        Assert.Equal([1f, 10f], s.StandardDeviation);
        Assert.Equal([-1f, -1f, 1f, 1f], s.Apply(train).Features.Data);
        Assert.Equal([3f, 2f], s.Apply(validation).Features.Data);
    }

    [Fact]
    public void Applying_returns_a_new_data_set_and_leaves_the_input_unchanged()
    {
        var train = Table([1, 10, 3, 30], 2);
        var result = Standardizer.Fit(train).Apply(train);
        Assert.NotSame(train.Features, result.Features);
        Assert.Equal([1f, 10f, 3f, 30f], train.Features.Data);
    }

    [Fact]
    public void A_feature_constant_in_training_is_centred_but_not_divided_by_zero()
    {
        var train = Table([0, 1, 0, 3], 2);
        var s = Standardizer.Fit(train);
        Assert.Equal(1f, s.StandardDeviation[0]);
        Assert.Equal([7f, 0f], s.Apply(Table([7, 2], 2)).Features.Data);
    }

    [Fact]
    public void Global_scope_uses_one_mean_and_deviation()
    {
        var s = Standardizer.Fit(Table([1, 3, 1, 3], 2), StandardizationScope.Global);
        Assert.Equal([2f], s.Mean);
        Assert.Equal([1f], s.StandardDeviation);
    }

    [Fact]
    public void Per_channel_scope_pools_the_pixels_of_each_channel()
    {
        // One sample [2 channels, 2 pixels]: channel 0 = {0, 2}, channel 1 = {10, 10}.
        var images = new Dataset(new Tensor([0, 2, 10, 10], 1, 2, 2), new Tensor(1, 1));
        var s = Standardizer.Fit(images, StandardizationScope.PerChannel);
        Assert.Equal([1f, 10f], s.Mean);
        Assert.Equal([1f, 1f], s.StandardDeviation);
    }

    [Fact]
    public void Applying_to_another_item_shape_is_rejected()
    {
        var s = Standardizer.Fit(Table([1, 2, 3, 4], 2));
        var e = Assert.Throws<DlExtArgumentException>(() => s.Apply(new Tensor(2, 3)));
        Assert.Contains("[2]", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Scaling_bytes_to_0_1_divides_by_the_given_maximum()
    {
        var images = new Dataset(new Tensor([0, 51, 255, 255], 2, 2), new Tensor([0, 1], 2), 2);
        var scaled = FeatureScaling.ScaleTo01(images, 255);
        Assert.Equal([0f, 0.2f, 1f, 1f], scaled.Features.Data);
        Assert.Equal(2, scaled.ClassCount);
        Assert.Equal(255f, FeatureScaling.MaximumAbsolute(images));
        Assert.Equal(scaled.Features.Data, FeatureScaling.DivideByMaximum(images).Features.Data);
    }
}
