using static Interactive.DlExt.Tests.Tensors.KernelTestData;

namespace Interactive.DlExt.Tests.Tensors;

public class ConvolutionTests
{
    public static TheoryData<int, int, int, int, int, int, int, int> Cases() => new()
    {
        // batch, in, height, width, out, kernelHeight, kernelWidth, stride/padding packed below
        { 2, 3, 7, 6, 5, 3, 3, 11 },
        { 3, 1, 9, 9, 4, 3, 2, 10 },
        { 2, 2, 8, 7, 3, 2, 2, 20 },
        { 1, 4, 5, 5, 7, 5, 5, 12 },
        { 5, 3, 6, 6, 33, 1, 1, 10 },
        { 4, 1, 10, 9, 16, 3, 3, 11 }, // one input channel: patch 9 < 16 filters (the transposed weight gradient)
        { 2, 1, 28, 28, 32, 3, 3, 11 }, // the CNN's first convolution (the small-patch forward on AVX-512)
        { 3, 2, 5, 7, 19, 3, 3, 11 }, // patch 18 < 19 filters: 8 + 8 + 3 filters, 35 pixels (a masked tail)
        { 2, 1, 9, 9, 12, 3, 3, 21 }, // small patch with stride 2
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Forward_and_backward_match_naive_loops_on_every_path_and_thread_count(int batch, int cin, int h, int w, int cout, int kh, int kw, int strideAndPadding)
    {
        var g = new ConvolutionGeometry(batch, cin, h, w, cout, kh, kw, strideAndPadding / 10, strideAndPadding % 10);
        var x = Random(batch * g.InputLength, 1);
        var weights = Random(g.WeightLength + 3, 2);
        var bias = Random(cout + 1, 3);
        var dy = Random(batch * g.OutputLength, 4);
        var (y, dx, dw, db) = Naive(g, x, weights, 3, bias, 1, dy);
        float[]? firstY = null, firstDx = null, firstDw = null;
        foreach (var path in Paths())
        {
            foreach (var threads in new[] { 1, 2, 3 })
            {
                using var pool = new ComputePool(threads);
                var output = new float[batch * g.OutputLength];
                var columns = new float[g.ColumnsLength];
                var inputGradient = new float[x.Length];
                var weightGradient = Enumerable.Repeat(0.5f, g.WeightLength + 3).ToArray();
                var biasGradient = Enumerable.Repeat(0.25f, cout + 1).ToArray();
                With(path, () =>
                {
                    Convolution.Forward(pool, g, x, weights, 3, bias, 1, output, columns);
                    Convolution.BackwardData(pool, g, dy, weights, 3, inputGradient);
                    Convolution.BackwardWeights(pool, g, columns, dy, weightGradient, 3, biasGradient, 1);
                    return 0;
                });
                Compare(y, output, 0, "y");
                Compare(dx, inputGradient, 0, "dx");
                Compare(dw, weightGradient, 3, "dW", 0.5);
                Compare(db, biasGradient, 1, "db", 0.25);
                firstY ??= output;
                firstDx ??= inputGradient;
                firstDw ??= weightGradient;
                AssertSameBits(firstY, output, $"y {path} {threads}");
                AssertSameBits(firstDx, inputGradient, $"dx {path} {threads}");
                AssertSameBits(firstDw, weightGradient, $"dW {path} {threads}");
            }
        }
    }

    [Fact]
    public void A_kernel_larger_than_the_padded_input_is_rejected()
    {
        var g = new ConvolutionGeometry(1, 1, 2, 2, 1, 5, 5, 1, 1);
        var error = Assert.Throws<DlExtArgumentException>(g.Validate);
        Assert.Contains("2×2 with padding 1", error.Message, StringComparison.Ordinal);
    }

    private static void Compare(double[] expected, float[] actual, int offset, string what, double start = 0)
    {
        for (var i = 0; i < expected.Length; i++)
        {
            AssertClose(expected[i] + start, actual[offset + i], 1e-4 * (1 + Math.Abs(expected[i])), $"{what}[{i}]");
        }
    }

    private static (double[] Y, double[] Dx, double[] Dw, double[] Db) Naive(
        ConvolutionGeometry g, float[] x, float[] w, int wo, float[] bias, int bo, float[] dy)
    {
        var y = new double[g.Batch * g.OutputLength];
        var dx = new double[x.Length];
        var dw = new double[g.WeightLength];
        var db = new double[g.OutChannels];
        for (var n = 0; n < g.Batch; n++)
        {
            for (var o = 0; o < g.OutChannels; o++)
            {
                for (var oy = 0; oy < g.OutputHeight; oy++)
                {
                    for (var ox = 0; ox < g.OutputWidth; ox++)
                    {
                        var yi = (((n * g.OutChannels) + o) * g.OutputPixels) + (oy * g.OutputWidth) + ox;
                        double s = bias[bo + o];
                        db[o] += dy[yi];
                        for (var c = 0; c < g.InChannels; c++)
                        {
                            for (var ky = 0; ky < g.KernelHeight; ky++)
                            {
                                for (var kx = 0; kx < g.KernelWidth; kx++)
                                {
                                    int iy = (oy * g.Stride) - g.Padding + ky, ix = (ox * g.Stride) - g.Padding + kx;
                                    if (iy < 0 || iy >= g.Height || ix < 0 || ix >= g.Width)
                                    {
                                        continue;
                                    }

                                    var xi = (((n * g.InChannels) + c) * g.Height * g.Width) + (iy * g.Width) + ix;
                                    var wi = (((o * g.InChannels) + c) * g.KernelHeight * g.KernelWidth) + (ky * g.KernelWidth) + kx;
                                    s += (double)x[xi] * w[wo + wi];
                                    dx[xi] += (double)dy[yi] * w[wo + wi];
                                    dw[wi] += (double)dy[yi] * x[xi];
                                }
                            }
                        }

                        y[yi] = s;
                    }
                }
            }
        }

        return (y, dx, dw, db);
    }
}
