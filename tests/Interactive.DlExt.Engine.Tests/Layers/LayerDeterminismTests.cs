using Interactive.DlExt.Tests.Support;

namespace Interactive.DlExt.Tests.Layers;

public sealed class LayerDeterminismTests
{
    [Fact]
    public void A_linear_and_batch_norm_model_is_bit_identical_on_one_or_two_threads()
    {
        // 128 × 256 = 32,768 batch-norm values: enough for the channels to be spread over the pool.
        var random = new RandomSource(21);
        var x = GradientCheck.RandomTensor([128, 64], random);
        var g = GradientCheck.RandomTensor([128, 10], random);

        (float[] Output, float[] Gradients, float[] State) Run(int threads, bool training)
        {
            var model = new Sequential(
                new Linear(256), new BatchNorm1d(256), new ReLU(), new Dropout(0.1), new Linear(10)).Build([64], seed: 9);
            using var pool = new ComputePool(threads);
            var context = new LayerContext(pool, new RandomSource(3), training);
            var y = model.Forward(x, context).Values();
            if (training)
            {
                model.Backward(g, context);
            }

            return (y, (float[])model.Store.Gradients.Clone(), (float[])model.Store.State.Clone());
        }

        foreach (var training in new[] { true, false })
        {
            var serial = Run(1, training);
            var parallel = Run(2, training);
            Assert.Equal(serial.Output, parallel.Output);
            Assert.Equal(serial.Gradients, parallel.Gradients);
            Assert.Equal(serial.State, parallel.State);
        }
    }
}
