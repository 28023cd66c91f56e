using Interactive.DlExt;

/// <summary>Times a convolution's forward pass and forward + backward (weights, bias and input gradients).</summary>
internal static class ConvolutionBench
{
    public static void Run(ComputePool pool, int batch, int inChannels, int outChannels, int size, int kernel, int padding)
    {
        var g = new ConvolutionGeometry(batch, inChannels, size, size, outChannels, kernel, kernel, 1, padding);
        var x = new float[batch * g.InputLength];
        var w = new float[g.WeightLength];
        var bias = new float[outChannels];
        var y = new float[batch * g.OutputLength];
        var dy = new float[y.Length];
        var dx = new float[x.Length];
        var dw = new float[w.Length];
        var db = new float[outChannels];
        var columns = new float[g.ColumnsLength];
        for (var i = 0; i < x.Length; i++)
        {
            x[i] = (i % 17) * 0.1f;
        }

        for (var i = 0; i < w.Length; i++)
        {
            w[i] = (i % 7) * 0.01f;
        }

        var needInputGradient = inChannels > 1;
        void Forward() => Convolution.Forward(pool, g, x, w, 0, bias, 0, y, columns);
        void ForwardBackward()
        {
            Forward();
            Convolution.BackwardWeights(pool, g, columns, dy, dw, 0, db, 0);
            if (needInputGradient)
            {
                Convolution.BackwardData(pool, g, dy, w, 0, dx);
            }
        }

        var flops = 2.0 * batch * g.OutputLength * g.Patch;
        var (fBest, fMedian) = Timer.Measure(Forward);
        var (wBest, _) = Timer.Measure(() => Convolution.BackwardWeights(pool, g, columns, dy, dw, 0, db, 0));
        var (dBest, _) = Timer.Measure(() => Convolution.BackwardData(pool, g, dy, w, 0, dx));
        var (fbBest, fbMedian) = Timer.Measure(ForwardBackward);
        var fbFlops = flops * (needInputGradient ? 3 : 2);
        Console.WriteLine(FormattableString.Invariant(
            $"conv threads={pool.Threads} b{batch} {inChannels}x{size}x{size}->{outChannels} k{kernel} fwd_best_ms={fBest:F3} fwd_median_ms={fMedian:F3} fwd_gflops={flops / fBest / 1e6:F1} fwdbwd_best_ms={fbBest:F3} fwdbwd_median_ms={fbMedian:F3} fwdbwd_gflops={fbFlops / fbBest / 1e6:F1} bwd_weights_best_ms={wBest:F3} bwd_data_best_ms={dBest:F3} input_gradient={needInputGradient}"));
    }
}
