using Interactive.DlExt.Tests.Support;

namespace Interactive.DlExt.Tests.Layers;

/// <summary>Checks shared by the element-wise layers.</summary>
internal static class ElementwiseChecks
{
    /// <summary>Runs forward and backward over a tensor of several chunks on one and on two threads and
    /// requires bit-identical outputs and gradients.</summary>
    public static void SameOnOneOrTwoThreads(Func<Layer> create)
    {
        const int width = 1000;
        const int batch = 41; // 41,000 values: three chunks, the last one partial.
        var random = new RandomSource(11);
        var x = GradientCheck.RandomTensor([batch, width], random, scale: 3);
        var g = GradientCheck.RandomTensor([batch, width], random);

        (float[] Output, float[] Gradient) Run(int threads)
        {
            using var pool = new ComputePool(threads);
            var layer = create();
            layer.Build([width]); // parameter-free, so no store is needed
            var context = new LayerContext(pool, new RandomSource(5), training: true);
            var y = layer.Forward(x, context).Values();
            var dx = layer.Backward(g, context)!.Values();
            return (y, dx);
        }

        var serial = Run(1);
        var parallel = Run(2);
        Assert.Equal(serial.Output, parallel.Output);
        Assert.Equal(serial.Gradient, parallel.Gradient);
    }
}
