using Interactive.DlExt.Tests.Support;
using Interactive.DlExt.Tests.Tensors;

namespace Interactive.DlExt.Tests.Layers;

public sealed class LinearTests
{
    [Fact]
    public void Forward_matches_a_hand_computed_two_by_three_example()
    {
        var linear = new Linear(3, 2);
        LayerHarness.Model(linear, [3]);
        float[] w = [1, 2, 3, 4, 5, 6];
        w.CopyTo(linear.Weight.Values);
        float[] b = [0.5f, -1];
        b.CopyTo(linear.Bias.Values);

        var y = linear.Forward(new Tensor([1, 0, -1, 2, 1, 0], 2, 3), LayerHarness.Context());

        // Row 0: [1·1 + 2·0 + 3·(−1) + 0.5, 4·1 + 5·0 + 6·(−1) − 1]; row 1: [1·2 + 2·1 + 0.5, 4·2 + 5·1 − 1].
        Assert.Equal([2, 2], y.Shape);
        Assert.Equal([-1.5f, -3f, 4.5f, 12f], y.Values());
    }

    [Fact]
    public void The_fused_relu_zeroes_negative_outputs()
    {
        var linear = new Linear(3, 2, Activation.Relu);
        LayerHarness.Model(linear, [3]);
        float[] w = [1, 2, 3, 4, 5, 6];
        w.CopyTo(linear.Weight.Values);
        float[] b = [0.5f, -1];
        b.CopyTo(linear.Bias.Values);

        var y = linear.Forward(new Tensor([1, 0, -1, 2, 1, 0], 2, 3), LayerHarness.Context());

        Assert.Equal([0f, 0f, 4.5f, 12f], y.Values());
    }

    [Fact]
    public void Gradients_match_finite_differences() =>
        GradientCheck.Layer(new Linear(4, 3), [4], batch: 3);

    [Fact]
    public void Gradients_with_the_fused_relu_match_finite_differences() =>
        GradientCheck.Layer(new Linear(5, activation: Activation.Relu), [4], batch: 3, seed: 2);

    [Fact]
    public void Parameter_gradients_accumulate_until_zeroed()
    {
        var linear = new Linear(2);
        var model = LayerHarness.Model(linear, [3], seed: 5);
        var x = new Tensor([1, 2, 3, -1, 0, 2], 2, 3);
        var g = new Tensor([1, -2, 0.5f, 3], 2, 2);
        var context = LayerHarness.Context(training: true);

        model.Forward(x, context);
        model.Backward(g, context);
        var once = (float[])model.Store.Gradients.Clone();
        model.Forward(x, context);
        model.Backward(g, context);

        Assert.Equal(once.Select(v => 2 * v), model.Store.Gradients);

        // Bias gradient = column sums of g; weight gradient = gᵀ·x.
        Assert.Equal([1f + 0.5f, -2f + 3f], linear.Bias.Gradient[..2].ToArray().Select(v => v / 2));
        Assert.Equal((1 * 1) + (0.5f * -1), linear.Weight.Gradient[0] / 2);
    }

    [Fact]
    public void The_first_layer_of_a_model_skips_the_input_gradient()
    {
        var model = LayerHarness.Model(new Linear(2), [3]);
        var context = LayerHarness.Context(training: true);
        model.Forward(new Tensor(1, 3), context);

        Assert.Null(model.Backward(new Tensor(1, 2), context));
    }

    [Fact]
    public void The_input_width_is_inferred_when_not_declared()
    {
        var linear = new Linear(10);
        Assert.Equal("Linear(? → 10)", linear.Describe());

        LayerHarness.Model(linear, [20]);

        Assert.Equal(20, linear.InFeatures);
        Assert.Equal([10, 20], linear.Weight.Shape);
        Assert.Equal([10], linear.Bias.Shape);
        Assert.Equal("Linear(20 → 10)", linear.Describe());
    }

    [Fact]
    public void A_batch_of_the_wrong_width_names_the_layer_and_both_shapes()
    {
        var model = LayerHarness.Model(new Linear(784, 10), [784]);

        var error = Assert.Throws<DlExtArgumentException>(() => model.Forward(new Tensor(64, 100), LayerHarness.Context()));

        Assert.Equal("input shape = [64, 100] is not accepted: expected [batch, 784] for layer 'Linear' (Linear(784 → 10)).", error.Reason);
    }

    [Fact]
    public void Building_with_a_width_other_than_the_declared_one_fails()
    {
        var error = Assert.Throws<DlExtArgumentException>(() => LayerHarness.Model(new Linear(784, 10), [100]));

        Assert.Equal(
            "input shape = [100] is not accepted: expected an item shape of [784] (batches of [batch, 784]) for layer 'Linear' (Linear(784 → 10)).",
            error.Reason);
    }

    [Fact]
    public void Building_on_images_suggests_a_flatten_layer()
    {
        var error = Assert.Throws<DlExtArgumentException>(() => LayerHarness.Model(new Linear(10), [1, 28, 28]));

        Assert.Contains("[1, 28, 28]", error.Reason, StringComparison.Ordinal);
        Assert.Contains("Flatten", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_sizes_are_rejected_by_name()
    {
        Assert.Equal("outFeatures", Assert.Throws<DlExtArgumentException>(() => new Linear(0)).ParamName);
        Assert.Equal("inFeatures", Assert.Throws<DlExtArgumentException>(() => new Linear(0, 3)).ParamName);
    }

    [Fact]
    public void The_weight_starts_he_normal_and_the_bias_at_zero()
    {
        var linear = new Linear(784, 128);
        LayerHarness.Model(linear, [784], seed: 3);

        var w = linear.Weight.Values.ToArray();
        var mean = w.Average(v => (double)v);
        var std = Math.Sqrt(w.Average(v => (v - mean) * (v - mean)));

        Assert.Same(Initializer.HeNormal, linear.Weight.Initializer);
        Assert.InRange(mean, -0.002, 0.002);
        Assert.InRange(std / Math.Sqrt(2.0 / 784), 0.98, 1.02);
        Assert.All(linear.Bias.Values.ToArray(), v => Assert.Equal(0f, v));
    }

    [Fact]
    public void A_glorot_initializer_can_be_chosen()
    {
        var linear = new Linear(30, 20, initializer: Initializer.GlorotUniform);
        LayerHarness.Model(linear, [30], seed: 3);

        var limit = (float)Math.Sqrt(6.0 / (30 + 20));
        Assert.Same(Initializer.GlorotUniform, linear.Weight.Initializer);
        Assert.All(linear.Weight.Values.ToArray(), v => Assert.InRange(v, -limit, limit));
    }

    [Fact]
    public void The_same_seed_gives_the_same_initial_values()
    {
        static float[] Init(ulong seed) =>
            (float[])new Sequential(new Linear(12), new Linear(4)).Build([6], seed).Store.Values.Clone();

        Assert.Equal(Init(7), Init(7));
        Assert.NotEqual(Init(7), Init(8));
    }

    [Theory]
    [InlineData(Activation.Relu)]
    [InlineData(Activation.None)]
    public void The_mask_and_bias_sums_of_a_large_batch_are_bit_identical_on_one_two_or_three_threads(Activation activation)
    {
        // 160 × 520 gradient values: enough for the column blocks to be spread over the pool (520 is not a
        // multiple of 16, so the last block is ragged).
        var random = new RandomSource(5);
        var x = GradientCheck.RandomTensor([160, 40], random);
        var g = GradientCheck.RandomTensor([160, 520], random);

        float[] Gradients(int threads)
        {
            var model = new Sequential(new Linear(40, 520, activation)).Build([40], seed: 2);
            using var pool = new ComputePool(threads);
            var context = new LayerContext(pool, new RandomSource(1), training: true);
            model.Forward(x, context);
            model.Backward(g, context);
            return (float[])model.Store.Gradients.Clone();
        }

        var serial = Gradients(1);
        Assert.Equal(serial, Gradients(2));
        Assert.Equal(serial, Gradients(3));

        // The bias gradient is the column sum of the (masked) output gradient.
        var model = new Sequential(new Linear(40, 520, activation)).Build([40], seed: 2);
        var y = model.Forward(x, LayerHarness.Context(training: true));
        var bias = model.Layers[0].Parameters[1];
        for (var j = 0; j < 520; j += 37)
        {
            double expected = 0;
            for (var r = 0; r < 160; r++)
            {
                var passes = activation == Activation.None || y.Data[(r * 520) + j] > 0;
                expected += passes ? g.Data[(r * 520) + j] : 0;
            }

            Assert.Equal(expected, serial[bias.Offset + j], 3);
        }
    }

    [Fact]
    public void The_fused_relu_keeps_NaN_forward_and_in_the_gradient_on_every_simd_path()
    {
        const int outputs = 37;
        foreach (var path in KernelTestData.Paths())
        {
            var (y, dx) = KernelTestData.With(path, () =>
            {
                var linear = new Linear(3, outputs, Activation.Relu);
                LayerHarness.Model(linear, [3]);
                linear.InputGradientRequired = true; // a first layer skips its input gradient
                var context = LayerHarness.Context();
                var output = linear.Forward(new Tensor([1, float.NaN, 0, 1, 2, -1], 2, 3), context).Values();
                var gradient = linear.Backward(new Tensor(Enumerable.Repeat(1f, 2 * outputs).ToArray(), 2, outputs), context)!.Values();
                return (output, gradient);
            });
            Assert.All(y.Take(outputs), v => Assert.True(float.IsNaN(v), $"{path}: a NaN input must give NaN outputs, got {v}"));
            Assert.All(y.Skip(outputs), v => Assert.False(float.IsNaN(v), $"{path}: the finite row gave NaN"));
            Assert.All(dx.Take(3), v => Assert.True(float.IsNaN(v), $"{path}: the NaN row's input gradient must be NaN, got {v}"));
            Assert.All(dx.Skip(3), v => Assert.False(float.IsNaN(v), $"{path}: the finite row's input gradient is NaN"));
        }
    }
}
