namespace Interactive.DlExt.Tests.Layers;

/// <summary>Layers keep the buffers of earlier batch sizes for reuse; a batch after a size change must still give
/// exactly what a fresh layer gives, forward and backward.</summary>
public sealed class BatchSizeChangeTests
{
    public static TheoryData<string> Layers => ["linear", "linear-relu", "conv", "maxpool", "avgpool", "relu", "dropout", "batchnorm"];

    [Theory]
    [MemberData(nameof(Layers))]
    public void Alternating_batch_sizes_give_the_same_bits_as_a_fresh_layer_for_each_batch(string kind)
    {
        var (itemShape, reused) = Create(kind);
        foreach (var batch in new[] { 4, 2, 4, 3, 4, 2 })
        {
            var (_, fresh) = Create(kind);
            var x = Input(batch, itemShape, seed: (ulong)batch);

            var (y1, dx1, dp1) = Step(reused, x);
            var (y2, dx2, dp2) = Step(fresh, x);

            Assert.Equal(Bits(y2), Bits(y1));
            Assert.Equal(Bits(dx2), Bits(dx1));
            Assert.Equal(Bits(dp2), Bits(dp1));
        }
    }

    [Fact]
    public void A_layer_hands_back_its_earlier_output_buffer_when_the_batch_size_returns()
    {
        var model = new Sequential(new Linear(5, 3)).Build([5], seed: 1);
        var context = LayerHarness.Context(training: true);

        var full = model.Forward(Input(4, [5], 1), context);
        var last = model.Forward(Input(2, [5], 2), context);
        var again = model.Forward(Input(4, [5], 3), context);

        Assert.Same(full, again);
        Assert.NotSame(full, last);
    }

    private static (int[] ItemShape, Sequential Model) Create(string kind)
    {
        var (shape, layer) = kind switch
        {
            "linear" => (new[] { 6 }, (Layer)new Linear(6, 5)),
            "linear-relu" => ([6], new Linear(6, 5, Activation.Relu)),
            "conv" => ([2, 5, 5], new Conv2d(2, 3, 3, 1, 1)),
            "maxpool" => ([2, 4, 4], new MaxPool2d(2)),
            "avgpool" => ([2, 4, 4], new AvgPool2d(2)),
            "relu" => ([7], new ReLU()),
            "dropout" => ([7], new Dropout(0.5)),
            "batchnorm" => ([3, 2, 2], new BatchNorm2d(3)),
            _ => throw new ArgumentException(kind),
        };
        var model = new Sequential(layer).Build(shape, seed: 11);
        layer.InputGradientRequired = true; // a first layer skips its input gradient; these tests need it
        return (shape, model);
    }

    // Forward and backward in training mode with a fresh seeded context (dropout draws the same mask for both models).
    private static (float[] Output, float[] InputGradient, float[] ParameterGradients) Step(Sequential model, Tensor x)
    {
        var context = LayerHarness.Context(training: true, seed: 5);
        model.Store.ZeroGradients();
        var y = model.Forward(x, context).Values();
        var g = Input(x.BatchSize, model.Layers[^1].OutputShape.ToArray(), seed: 99);
        var dx = model.Layers[0].Backward(g, context)!.Values();
        return (y, dx, (float[])model.Store.Gradients.Clone());
    }

    private static Tensor Input(int batch, int[] itemShape, ulong seed)
    {
        var random = new RandomSource(seed);
        var shape = new[] { batch }.Concat(itemShape).ToArray();
        var x = new Tensor(shape);
        for (var i = 0; i < x.Length; i++)
        {
            x.Data[i] = (float)random.NextGaussian();
        }

        return x;
    }

    private static int[] Bits(float[] values) => values.Select(BitConverter.SingleToInt32Bits).ToArray();
}
