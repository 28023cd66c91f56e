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

    [Theory]
    [InlineData(5, 4)]
    [InlineData(11, 7)]
    [InlineData(28, 28)] // the CNN's first pooling: 14 windows per row, one masked 16-lane group
    [InlineData(33, 5)] // 16 windows: one full group, the odd last column unused
    [InlineData(69, 3)] // 34 windows: two full groups and a group of 2
    public void Max_pooling_2x2_gives_the_same_values_and_winners_on_every_path_and_thread_count(int width, int height)
    {
        // Ties, −∞ and NaN among ordinary values: the winner rule (first strict maximum) is what the paths must share.
        var g = new PoolingGeometry(37, height, width, 2, 2, 0);
        var x = Random(g.Planes * g.InputLength, 8).Select((v, i) =>
            i % 17 == 0 ? float.NaN : v < -1f ? float.NegativeInfinity : v < -0.3f ? 0f : v > 1f ? 1f : v).ToArray();
        float[]? firstMax = null;
        int[]? firstArgmax = null;
        foreach (var path in Paths())
        {
            foreach (var threads in new[] { 1, 2, 3 })
            {
                using var pool = new ComputePool(threads);
                var max = new float[g.Planes * g.OutputLength];
                var argmax = new int[max.Length];
                With(path, () =>
                {
                    Pooling.MaxForward(pool, g, x, max, argmax);
                    return 0;
                });
                firstMax ??= max;
                firstArgmax ??= argmax;
                AssertSameBits(firstMax, max, $"max {path} {threads}");
                Assert.Equal(firstArgmax, argmax);
            }
        }

        // And the winners are the scalar rule's: the first window entry strictly above all before it (from −∞).
        for (int p = 0, o = 0; p < g.Planes; p++)
        {
            for (var oy = 0; oy < g.OutputHeight; oy++)
            {
                for (var ox = 0; ox < g.OutputWidth; ox++, o++)
                {
                    int[] window = [(2 * oy * g.Width) + (2 * ox), (2 * oy * g.Width) + (2 * ox) + 1,
                        (((2 * oy) + 1) * g.Width) + (2 * ox), (((2 * oy) + 1) * g.Width) + (2 * ox) + 1];
                    var (best, winner) = (float.NegativeInfinity, window[0]);
                    foreach (var i in window)
                    {
                        (best, winner) = x[(p * g.InputLength) + i] > best ? (x[(p * g.InputLength) + i], i) : (best, winner);
                    }

                    Assert.Equal(winner, firstArgmax![o]);
                    Assert.Equal(BitConverter.SingleToInt32Bits(x[(p * g.InputLength) + winner]), BitConverter.SingleToInt32Bits(firstMax![o]));
                }
            }
        }
    }

    [Theory]
    [InlineData(28, 28)]
    [InlineData(14, 14)]
    [InlineData(33, 7)] // odd width and height: the last column and row belong to no window
    [InlineData(69, 4)]
    [InlineData(5, 3)]
    public void Max_pooling_2x2_backward_gives_the_same_bits_on_every_path_and_thread_count(int width, int height)
    {
        var g = new PoolingGeometry(37, height, width, 2, 2, 0);
        var x = Random(g.Planes * g.InputLength, 9).Select(v => v < -0.5f ? 0f : v).ToArray();
        var dy = Random(g.Planes * g.OutputLength, 10).Select((v, i) => i % 5 == 1 ? -0f : i % 23 == 0 ? float.NaN : v).ToArray();
        using (var one = new ComputePool(1))
        {
            var max = new float[dy.Length];
            var argmax = new int[dy.Length];
            Pooling.MaxForward(one, g, x, max, argmax);

            // The rule: every input +0, then + dy at its window's winner.
            var expected = new float[x.Length];
            for (var o = 0; o < dy.Length; o++)
            {
                expected[((o / g.OutputLength) * g.InputLength) + argmax[o]] += dy[o];
            }

            foreach (var path in Paths())
            {
                foreach (var threads in new[] { 1, 2, 3 })
                {
                    using var pool = new ComputePool(threads);
                    var dx = Enumerable.Repeat(float.NaN, x.Length).ToArray();
                    With(path, () =>
                    {
                        Pooling.MaxBackward(pool, g, dy, argmax, dx);
                        return 0;
                    });
                    AssertSameBits(expected, dx, $"dx {path} {threads}");
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
