using Interactive.DlExt.Tests.Support;
using Interactive.DlExt.Tests.Tensors;

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

    [Fact]
    public void The_benchmark_cnn_trains_to_the_same_bits_on_every_simd_path_and_thread_count()
    {
        // The first conv (patch 9 < 32 filters) takes the small-patch kernels on AVX-512 and the GEMM elsewhere; the
        // 2×2 pools take their AVX-512 forms; stride-1 im2col/col2im their masked rows: the weights must not notice.
        var random = new RandomSource(23);
        var x = GradientCheck.RandomTensor([6, 1, 12, 12], random);
        var labels = new Tensor(Enumerable.Range(0, 6).Select(i => (float)(i % 10)).ToArray(), 6);

        float[] Train(SimdPath path, int threads) => KernelTestData.With(path, () =>
        {
            var model = new Sequential(
                new Conv2d(1, 32, 3, 1, 1), new ReLU(), new MaxPool2d(2),
                new Conv2d(32, 16, 3, 1, 1), new ReLU(), new MaxPool2d(2),
                new Flatten(), new Linear(10)).Build([1, 12, 12], seed: 5);
            using var pool = new ComputePool(threads);
            var context = new LayerContext(pool, new RandomSource(3), training: true);
            var optimizer = new Adam();
            var loss = new CrossEntropy();
            for (var step = 0; step < 3; step++)
            {
                var logits = model.Forward(x, context);
                var gradient = new Tensor(logits.ShapeArray());
                loss.Compute(logits, labels, gradient);
                model.Backward(gradient, context);
                optimizer.Step(model.Store, optimizer.LearningRate, pool);
            }

            return (float[])model.Store.Values.Clone();
        });

        var reference = Train(SimdPath.Scalar, 1);
        foreach (var path in KernelTestData.Paths())
        {
            foreach (var threads in new[] { 1, 2, 3 })
            {
                KernelTestData.AssertSameBits(reference, Train(path, threads), $"weights {path} {threads} threads");
            }
        }
    }
}
