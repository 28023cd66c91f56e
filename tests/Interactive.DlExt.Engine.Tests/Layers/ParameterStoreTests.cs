namespace Interactive.DlExt.Tests.Layers;

/// <summary>Zeroing gradients only marks them; these pin down that every reader and writer still sees zeros.</summary>
public sealed class ParameterStoreTests
{
    [Fact]
    public void Zeroed_gradients_read_as_zero_through_the_store_and_each_parameter()
    {
        var (model, x, g) = TwoLayerModel();
        Backward(model, x, g);
        Assert.Contains(model.Store.Gradients, v => v != 0);

        model.Store.ZeroGradients();

        Assert.All(model.Layers[0].Parameters, p => Assert.All(p.Gradient.ToArray(), v => Assert.Equal(0f, v)));
        Assert.All(model.Store.Gradients, v => Assert.Equal(0f, v));
    }

    [Fact]
    public void A_backward_pass_after_zeroing_writes_the_same_bits_as_one_into_a_cleared_buffer()
    {
        var (model, x, g) = TwoLayerModel();
        Backward(model, x, g);
        var fresh = (float[])model.Store.Gradients.Clone();

        Backward(model, x, g);
        model.Store.ZeroGradients();
        Backward(model, x, g);

        Assert.Equal(Bits(fresh), Bits(model.Store.Gradients));
    }

    [Fact]
    public void Two_backward_passes_without_zeroing_add_up()
    {
        var (model, x, g) = TwoLayerModel();
        model.Store.ZeroGradients();
        Backward(model, x, g);
        var once = (float[])model.Store.Gradients.Clone();

        Backward(model, x, g);

        // The second pass continues each weight's FMA chain from the first sum, so equal up to rounding.
        var twice = model.Store.Gradients;
        Assert.Contains(once, v => v != 0);
        for (var i = 0; i < once.Length; i++)
        {
            Assert.Equal(2 * once[i], twice[i], 1e-5f);
        }
    }

    [Fact]
    public void An_optimizer_step_leaves_gradients_reading_zero_and_the_next_pass_overwrites_them()
    {
        var (model, x, g) = TwoLayerModel();
        Backward(model, x, g);
        new Sgd(0.1).Step(model.Store, 0.1, ComputePool.Serial);

        Assert.All(model.Store.Gradients, v => Assert.Equal(0f, v));
        Backward(model, x, g);
        var afterStep = (float[])model.Store.Gradients.Clone();
        model.Store.Gradients.AsSpan().Clear();
        Backward(model, x, g);
        Assert.Equal(Bits(model.Store.Gradients), Bits(afterStep));
    }

    [Fact]
    public void A_penalty_gradient_added_after_zeroing_is_kept_by_the_backward_pass()
    {
        var (model, x, g) = TwoLayerModel();
        Backward(model, x, g);
        var data = (float[])model.Store.Gradients.Clone();

        model.Store.ZeroGradients();
        new Penalty(l2: 0.5).Apply(model.Store);
        var penalty = (float[])model.Store.Gradients.Clone();
        Backward(model, x, g);

        // Weights get ½λ‖w‖²'s gradient λw plus the data gradient; biases (no penalty) only the data gradient.
        var weight = model.Layers[0].Parameters[0];
        Assert.NotEqual(0f, penalty[weight.Offset]);
        Assert.Equal(penalty[weight.Offset] + data[weight.Offset], model.Store.Gradients[weight.Offset], 5);
        var bias = model.Layers[0].Parameters[1];
        Assert.Equal(data[bias.Offset], model.Store.Gradients[bias.Offset]);
    }

    private static (Sequential Model, Tensor X, Tensor G) TwoLayerModel()
    {
        var model = new Sequential(new Linear(5, 4, Activation.Relu), new Linear(4, 3)).Build([5], seed: 3);
        var random = new RandomSource(7);
        var x = new Tensor(Enumerable.Range(0, 6 * 5).Select(_ => (float)random.NextGaussian()).ToArray(), 6, 5);
        var g = new Tensor(Enumerable.Range(0, 6 * 3).Select(_ => (float)random.NextGaussian()).ToArray(), 6, 3);
        return (model, x, g);
    }

    private static void Backward(Sequential model, Tensor x, Tensor g)
    {
        var context = LayerHarness.Context(training: true);
        model.Forward(x, context);
        model.Backward(g, context);
    }

    private static int[] Bits(float[] values) => values.Select(BitConverter.SingleToInt32Bits).ToArray();
}
