using static Interactive.DlExt.Tests.Tensors.KernelTestData;

namespace Interactive.DlExt.Tests.Tensors;

public class PoolingTests
{
    [Theory]
    [InlineData(2, 2, 0)]
    [InlineData(3, 2, 1)]
    [InlineData(3, 1, 1)]
    [InlineData(2, 3, 0)]
    public void Max_and_average_pooling_match_naive_windows(int kernel, int stride, int padding)
    {
        var g = new PoolingGeometry(6, 7, 8, kernel, stride, padding);
        var x = Random(g.Planes * g.InputLength, 5);
        var dy = Random(g.Planes * g.OutputLength, 6);
        using var pool = new ComputePool(2);
        var max = new float[dy.Length];
        var avg = new float[dy.Length];
        var argmax = new int[dy.Length];
        var dxMax = new float[x.Length];
        var dxAvg = new float[x.Length];
        Pooling.MaxForward(pool, g, x, max, argmax);
        Pooling.AverageForward(pool, g, x, avg);
        Pooling.MaxBackward(pool, g, dy, argmax, dxMax);
        Pooling.AverageBackward(pool, g, dy, dxAvg);
        var expectedDxMax = new double[x.Length];
        var expectedDxAvg = new double[x.Length];
        for (int p = 0, o = 0; p < g.Planes; p++)
        {
            for (var oy = 0; oy < g.OutputHeight; oy++)
            {
                for (var ox = 0; ox < g.OutputWidth; ox++, o++)
                {
                    var best = float.NegativeInfinity;
                    var at = -1;
                    double sum = 0;
                    var inside = new List<int>();
                    for (var ky = 0; ky < kernel; ky++)
                    {
                        for (var kx = 0; kx < kernel; kx++)
                        {
                            int iy = (oy * stride) - padding + ky, ix = (ox * stride) - padding + kx;
                            if (iy >= 0 && iy < g.Height && ix >= 0 && ix < g.Width)
                            {
                                var i = (p * g.InputLength) + (iy * g.Width) + ix;
                                inside.Add(i);
                                sum += x[i];
                                (best, at) = x[i] > best ? (x[i], i) : (best, at);
                            }
                        }
                    }

                    Assert.Equal(best, max[o]);
                    AssertClose(sum / (kernel * kernel), avg[o], 1e-5, $"avg[{o}]");
                    expectedDxMax[at] += dy[o];
                    inside.ForEach(i => expectedDxAvg[i] += (double)dy[o] / (kernel * kernel));
                }
            }
        }

        for (var i = 0; i < x.Length; i++)
        {
            AssertClose(expectedDxMax[i], dxMax[i], 1e-5, $"max dx[{i}]");
            AssertClose(expectedDxAvg[i], dxAvg[i], 1e-5, $"avg dx[{i}]");
        }
    }

    [Theory]
    [InlineData(5)] // 2 windows per row: the scalar form
    [InlineData(11)] // 5 windows per row: 4 at a time, the last group overlapping
    public void Max_pooling_2x2_keeps_the_first_maximum_of_ties_for_any_thread_count(int width)
    {
        // 40 planes span several tasks; values from {-inf, 0, 1} make ties and all-(-inf) windows common.
        var g = new PoolingGeometry(40, 6, width, 2, 2, 0);
        var x = Random(g.Planes * g.InputLength, 7).Select(v => v < -0.5f ? float.NegativeInfinity : v < 0 ? 0f : 1f).ToArray();
        foreach (var threads in new[] { 1, 2, 3 })
        {
            using var pool = new ComputePool(threads);
            var max = new float[g.Planes * g.OutputLength];
            var argmax = new int[max.Length];
            Pooling.MaxForward(pool, g, x, max, argmax);
            for (int p = 0, o = 0; p < g.Planes; p++)
            {
                for (var oy = 0; oy < g.OutputHeight; oy++)
                {
                    for (var ox = 0; ox < g.OutputWidth; ox++, o++)
                    {
                        int[] window = [(2 * oy * g.Width) + (2 * ox), (2 * oy * g.Width) + (2 * ox) + 1,
                            (((2 * oy) + 1) * g.Width) + (2 * ox), (((2 * oy) + 1) * g.Width) + (2 * ox) + 1];
                        var first = window.FirstOrDefault(i => x[(p * g.InputLength) + i] == window.Max(j => x[(p * g.InputLength) + j]));
                        Assert.Equal(first, argmax[o]);
                        Assert.Equal(x[(p * g.InputLength) + first], max[o]);
                    }
                }
            }
        }
    }

    [Fact]
    public void Padding_above_half_the_kernel_is_rejected()
    {
        var error = Assert.Throws<DlExtArgumentException>(new PoolingGeometry(1, 4, 4, 2, 2, 2).Validate);
        Assert.Contains("Padding = 2", error.Message, StringComparison.Ordinal);
    }
}
