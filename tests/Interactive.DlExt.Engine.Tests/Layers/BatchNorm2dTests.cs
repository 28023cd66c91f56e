using Interactive.DlExt.Tests.Support;

namespace Interactive.DlExt.Tests.Layers;

public sealed class BatchNorm2dTests
{
    // [N=2, C=2, H=1, W=2]. Channel 0 = {1, 2, 3, 4}: mean 2.5, biased variance 1.25, unbiased 5/3.
    // Channel 1 = {10, 10, 10, 14}: mean 11, biased variance 3, unbiased 4.
    private static Tensor Batch() => new([1, 2, 10, 10, 3, 4, 10, 14], 2, 2, 1, 2);

    [Fact]
    public void Statistics_are_taken_per_channel_over_the_batch_and_all_positions()
    {
        var norm = new BatchNorm2d(2);
        LayerHarness.Model(norm, [2, 1, 2]);

        var y = norm.Forward(Batch(), LayerHarness.Context(training: true));

        var s0 = Math.Sqrt(1.25 + 1e-5);
        var s1 = Math.Sqrt(3 + 1e-5);
        double[] expected = [-1.5 / s0, -0.5 / s0, -1 / s1, -1 / s1, 0.5 / s0, 1.5 / s0, -1 / s1, 3 / s1];
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], y.Data[i], 6);
        }

        // running = 0.9·[0, 0] + 0.1·[2.5, 11] and 0.9·[1, 1] + 0.1·[5/3, 4].
        Assert.Equal(0.25f, norm.RunningMean.Values[0], 6);
        Assert.Equal(1.1f, norm.RunningMean.Values[1], 6);
        Assert.Equal(0.9 + (0.1 * 5 / 3), norm.RunningVariance.Values[0], 6);
        Assert.Equal(1.3f, norm.RunningVariance.Values[1], 6);
    }

    [Fact]
    public void Evaluation_uses_the_running_statistics()
    {
        var norm = new BatchNorm2d(2);
        LayerHarness.Model(norm, [2, 1, 2]);
        float[] mean = [2, 10], variance = [4, 1];
        mean.CopyTo(norm.RunningMean.Values);
        variance.CopyTo(norm.RunningVariance.Values);

        var y = norm.Forward(Batch(), LayerHarness.Context(training: false));

        var s0 = Math.Sqrt(4 + 1e-5);
        var s1 = Math.Sqrt(1 + 1e-5);
        double[] expected = [-1 / s0, 0, 0, 0, 1 / s0, 2 / s0, 0, 4 / s1];
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], y.Data[i], 6);
        }
    }

    [Fact]
    public void Gradients_in_training_match_finite_differences() =>
        GradientCheck.Layer(new BatchNorm2d(2), [2, 3, 3], batch: 3);

    [Fact]
    public void Gradients_in_evaluation_match_finite_differences() =>
        GradientCheck.Layer(new BatchNorm2d(2), [2, 2, 2], batch: 3, training: false);

    [Fact]
    public void A_channel_count_other_than_the_input_names_the_layer()
    {
        var error = Assert.Throws<DlExtArgumentException>(() => LayerHarness.Model(new BatchNorm2d(2), [3, 4, 4]));

        Assert.Equal("input shape = [3, 4, 4] is not accepted: expected an item shape of [2, height, width] for layer 'BatchNorm2d' (BatchNorm2d(2)).", error.Reason);
    }

    [Fact]
    public void Running_statistics_are_not_trainable()
    {
        var norm = new BatchNorm2d(3);
        LayerHarness.Model(norm, [3, 2, 2]);

        Assert.Equal(["weight", "bias", "running_mean", "running_var"], norm.Parameters.Select(p => p.LocalName));
        Assert.True(norm.RunningMean.Gradient.IsEmpty);
        Assert.True(norm.RunningVariance.Gradient.IsEmpty);
    }
}
