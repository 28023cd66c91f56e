using Interactive.DlExt.Tests.Support;

namespace Interactive.DlExt.Tests.Layers;

public sealed class BatchNorm1dTests
{
    // Feature 0 = [1, 3, 5]: mean 3, biased variance 8/3, unbiased 4.
    // Feature 1 = [2, 6, 10]: mean 6, biased variance 32/3, unbiased 16.
    private static Tensor Batch() => new([1, 2, 3, 6, 5, 10], 3, 2);

    [Fact]
    public void Training_normalises_with_the_batch_mean_and_biased_variance()
    {
        var norm = new BatchNorm1d(2);
        LayerHarness.Model(norm, [2]);

        var y = norm.Forward(Batch(), LayerHarness.Context(training: true));

        var s0 = Math.Sqrt((8.0 / 3) + 1e-5);
        var s1 = Math.Sqrt((32.0 / 3) + 1e-5);
        double[] expected = [-2 / s0, -4 / s1, 0, 0, 2 / s0, 4 / s1];
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], y.Data[i], 6);
        }
    }

    [Fact]
    public void Training_updates_the_running_statistics_with_the_momentum_formula()
    {
        var norm = new BatchNorm1d(2, momentum: 0.1);
        LayerHarness.Model(norm, [2]);
        var context = LayerHarness.Context(training: true);

        norm.Forward(Batch(), context);

        // running = 0.9·running + 0.1·batch: mean 0.9·0 + 0.1·[3, 6]; variance 0.9·1 + 0.1·[4, 16] (unbiased).
        Assert.Equal([0.3f, 0.6f], norm.RunningMean.Values.ToArray());
        Assert.Equal([1.3f, 2.5f], norm.RunningVariance.Values.ToArray());

        norm.Forward(Batch(), context);

        // mean 0.9·[0.3, 0.6] + 0.1·[3, 6]; variance 0.9·[1.3, 2.5] + 0.1·[4, 16].
        Assert.Equal(0.57f, norm.RunningMean.Values[0], 6);
        Assert.Equal(1.14f, norm.RunningMean.Values[1], 6);
        Assert.Equal(1.57f, norm.RunningVariance.Values[0], 6);
        Assert.Equal(3.85f, norm.RunningVariance.Values[1], 6);
    }

    [Fact]
    public void Evaluation_uses_the_running_statistics_and_leaves_them_alone()
    {
        var norm = new BatchNorm1d(2);
        LayerHarness.Model(norm, [2]);
        float[] mean = [1, -2], variance = [4, 0.25f], gamma = [2, 1], beta = [0.5f, 0];
        mean.CopyTo(norm.RunningMean.Values);
        variance.CopyTo(norm.RunningVariance.Values);
        gamma.CopyTo(norm.Weight.Values);
        beta.CopyTo(norm.Bias.Values);

        var y = norm.Forward(new Tensor([3, -1], 1, 2), LayerHarness.Context(training: false));

        // γ·(x − running mean)/√(running variance + ε) + β: 2·(3 − 1)/√4.00001 + 0.5 and (−1 + 2)/√0.25001.
        Assert.Equal((2 * 2 / Math.Sqrt(4.00001)) + 0.5, y.Data[0], 6);
        Assert.Equal(1 / Math.Sqrt(0.25001), y.Data[1], 6);
        Assert.Equal(mean, norm.RunningMean.Values.ToArray());
        Assert.Equal(variance, norm.RunningVariance.Values.ToArray());
    }

    [Fact]
    public void Gradients_in_training_match_finite_differences() =>
        GradientCheck.Layer(new BatchNorm1d(4), [4], batch: 5);

    [Fact]
    public void Gradients_over_a_length_dimension_match_finite_differences() =>
        GradientCheck.Layer(new BatchNorm1d(3), [3, 2], batch: 3, seed: 4);

    [Fact]
    public void Gradients_in_evaluation_match_finite_differences() =>
        GradientCheck.Layer(new BatchNorm1d(4), [4], batch: 3, training: false);

    [Fact]
    public void Parameters_are_named_like_pytorch_and_running_statistics_are_not_trained()
    {
        var model = new Sequential(new Linear(4), new BatchNorm1d(4)).Build([3]);

        var parameters = model.AllParameters().ToList();

        Assert.Equal(["0.weight", "0.bias", "1.weight", "1.bias", "1.running_mean", "1.running_var"], parameters.Select(p => p.Name));
        Assert.Equal([true, true, true, true, false, false], parameters.Select(p => p.Trainable));
        Assert.Equal((4 * 3) + 4 + 4 + 4, model.Store.TrainableCount);
        Assert.Equal(8, model.Store.State.Length);
        Assert.Equal([1f, 1f, 1f, 1f], parameters[2].Values.ToArray());
        Assert.Equal([0f, 0f, 0f, 0f, 1f, 1f, 1f, 1f], model.Store.State);
    }

    [Fact]
    public void Training_on_a_single_item_is_rejected()
    {
        var norm = new BatchNorm1d(2);
        LayerHarness.Model(norm, [2]);

        var error = Assert.Throws<DlExtArgumentException>(() => norm.Forward(new Tensor(1, 2), LayerHarness.Context(training: true)));

        Assert.Equal("batch size", error.ParamName);
    }

    [Fact]
    public void A_feature_count_other_than_the_input_width_names_the_layer()
    {
        var error = Assert.Throws<DlExtArgumentException>(() => LayerHarness.Model(new BatchNorm1d(8), [6]));

        Assert.Equal("input shape = [6] is not accepted: expected an item shape of [8] or [8, length] for layer 'BatchNorm1d' (BatchNorm1d(8)).", error.Reason);
    }

    [Fact]
    public void Bad_momentum_and_epsilon_are_rejected_by_name()
    {
        Assert.Equal("momentum", Assert.Throws<DlExtArgumentException>(() => new BatchNorm1d(2, momentum: 1.5)).ParamName);
        Assert.Equal("epsilon", Assert.Throws<DlExtArgumentException>(() => new BatchNorm1d(2, epsilon: 0)).ParamName);
        Assert.Equal("features", Assert.Throws<DlExtArgumentException>(() => new BatchNorm1d(0)).ParamName);
    }
}
