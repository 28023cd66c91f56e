using static Interactive.DlExt.Tests.Tensors.KernelTestData;

namespace Interactive.DlExt.Tests.Tensors;

public unsafe class SmallPatchConvolutionTests
{
    [Theory]
    [InlineData(1, 28, 28, 32, 3, true)]
    [InlineData(2, 5, 7, 19, 3, true)]
    [InlineData(1, 3, 6, 9, 2, false)]
    [InlineData(1, 7, 7, 17, 4, true)]
    public void The_small_patch_forward_gives_the_bits_of_the_gemms_chain_from_zero_plus_the_bias(int cin, int h, int w, int filters, int kernel, bool withBias)
    {
        var g = new ConvolutionGeometry(1, cin, h, w, filters, kernel, kernel, 1, kernel / 2);
        if (Simd.Best < SimdPath.Vector512 || !SmallPatchConvolution.Serves(g, SimdPath.Vector512))
        {
            return; // the kernel runs only on AVX-512 (and .NET 9+); elsewhere the GEMM serves these shapes
        }

        var columns = Tricky(Random(g.Patch * g.OutputPixels, 7));
        var weights = Tricky(Random(g.WeightLength, 8));
        var bias = withBias ? Random(filters, 9) : null;
        var expected = new float[g.OutputLength];
        for (var o = 0; o < filters; o++)
        {
            for (var q = 0; q < g.OutputPixels; q++)
            {
                var sum = 0f;
                for (var k = 0; k < g.Patch; k++)
                {
                    sum = MathF.FusedMultiplyAdd(columns[(k * g.OutputPixels) + q], weights[(o * g.Patch) + k], sum);
                }

                expected[(o * g.OutputPixels) + q] = bias is null ? sum : sum + bias[o];
            }
        }

        var output = Enumerable.Repeat(float.NaN, g.OutputLength + 5).ToArray();
        fixed (float* cols = columns, wp = weights, b = bias, y = output)
        {
            SmallPatchConvolution.Forward(g, cols, wp, b, y);
        }

        AssertSameBits(expected, output[..g.OutputLength], "y");
        Assert.All(output[g.OutputLength..], v => Assert.True(float.IsNaN(v), "wrote past the output"));
    }

    [Theory]
    [InlineData(1, 28, 28, 32, 3, 1)]
    [InlineData(2, 5, 7, 19, 3, 2)] // patch 18: a group of 8 k, 8 more, then 2 single chains; filters 16 + 3
    [InlineData(1, 6, 9, 17, 4, 1)]
    public void The_small_patch_weight_gradient_gives_the_bits_of_the_gemms_chain_over_images_then_pixels(int cin, int h, int w, int filters, int kernel, int threads)
    {
        var g = new ConvolutionGeometry(3, cin, h, w, filters, kernel, kernel, 1, kernel / 2);
        if (Simd.Best < SimdPath.Vector512 || !SmallPatchConvolution.ServesWeightGradient(g, SimdPath.Vector512))
        {
            return; // the kernel runs only on AVX-512 (and .NET 9+); elsewhere the GEMM serves these shapes
        }

        var columns = Tricky(Random(g.Batch * g.Patch * g.OutputPixels, 10));
        var dy = Tricky(Random(g.Batch * g.OutputLength, 11));
        var start = Random(g.WeightLength, 12);
        var expected = (float[])start.Clone();
        for (var o = 0; o < filters; o++)
        {
            for (var k = 0; k < g.Patch; k++)
            {
                var sum = expected[(o * g.Patch) + k];
                for (var image = 0; image < g.Batch; image++)
                {
                    for (var q = 0; q < g.OutputPixels; q++)
                    {
                        sum = MathF.FusedMultiplyAdd(columns[(((image * g.Patch) + k) * g.OutputPixels) + q], dy[(image * g.OutputLength) + (o * g.OutputPixels) + q], sum);
                    }
                }

                expected[(o * g.Patch) + k] = sum;
            }
        }

        var gradient = (float[])start.Clone();
        using var pool = new ComputePool(threads);
        fixed (float* cols = columns, dyp = dy, dw = gradient)
        {
            SmallPatchConvolution.AddWeightGradient(pool, g, cols, dyp, dw);
        }

        AssertSameBits(expected, gradient, "dW");
    }

    // Signed zeros and products too small for a float, so a chain that differs in where it starts or what it adds shows.
    private static float[] Tricky(float[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = (i % 13) switch
            {
                1 => -0f,
                2 => 0f,
                3 => 1e-30f,
                4 => -1e-25f,
                _ => values[i],
            };
        }

        return values;
    }
}
