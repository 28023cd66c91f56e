using static Interactive.DlExt.Tests.Tensors.KernelTestData;

namespace Interactive.DlExt.Tests.Tensors;

/// <summary>Every register tile and depth the tuner can choose gives the bits of the scalar reference: the tiling
/// decides who computes an element and when, never the order of its fused multiply-adds.</summary>
public sealed class GemmTilingTests
{
    /// <summary>Every tile, at depths that are a multiple of 64, of 8 only, the default and the largest.</summary>
    internal static IEnumerable<GemmTiling> Tilings() =>
        from rows in GemmTiling.TileRows
        from depth in new[] { 64, 72, 128, 256 }
        select new GemmTiling(rows, depth);

    public static TheoryData<bool, bool> Transposes() => new() { { false, false }, { false, true }, { true, false }, { true, true } };

    [Theory]
    [MemberData(nameof(Transposes))]
    public void Every_tile_depth_path_and_thread_count_gives_the_scalar_references_bits_on_odd_shapes(bool ta, bool tb)
    {
        var pools = new[] { new ComputePool(1), new ComputePool(2), new ComputePool(3) };
        try
        {
            foreach (var (m, n, k) in new[] { (1, 1, 1), (5, 31, 9), (7, 33, 65), (13, 70, 257), (25, 97, 131), (37, 95, 300), (100, 40, 520), (64, 540, 200) })
            {
                var a = Random(m * k, 1);
                var b = Random(k * n, 2);
                var bias = Random(n, 3);
                var start = Random(m * n, 4);
                var expected = Run(ComputePool.Serial, SimdPath.Scalar, GemmTiling.Default, ta, tb, m, n, k, a, b, start, bias);
                foreach (var tiling in Tilings())
                {
                    foreach (var path in Paths())
                    {
                        foreach (var pool in pools)
                        {
                            var c = Run(pool, path, tiling, ta, tb, m, n, k, a, b, start, bias);
                            AssertSameBits(expected, c, $"{m}×{n}×{k} {(ta ? 'T' : 'N')}{(tb ? 'T' : 'N')} {tiling} {path} {pool.Threads} threads");
                        }
                    }
                }
            }
        }
        finally
        {
            foreach (var pool in pools)
            {
                pool.Dispose();
            }
        }
    }

    [Fact]
    public void Overwriting_C_gives_the_same_bits_under_every_tile_and_depth()
    {
        // Without accumulate the first depth block starts from zero instead of loading C: the chain must not change.
        const int M = 29, N = 70, K = 300;
        var a = Random(M * K, 5);
        var b = Random(K * N, 6);
        using var pool = new ComputePool(2);
        var expected = Run(ComputePool.Serial, SimdPath.Scalar, GemmTiling.Default, false, true, M, N, K, a, b, null, null);
        foreach (var tiling in Tilings())
        {
            foreach (var path in Paths())
            {
                AssertSameBits(expected, Run(pool, path, tiling, false, true, M, N, K, a, b, null, null), $"{tiling} {path}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(ConvolutionTests.Cases), MemberType = typeof(ConvolutionTests))]
    public void A_convolution_gives_the_same_bits_under_every_tile_path_and_thread_count(int batch, int cin, int h, int w, int cout, int kh, int kw, int strideAndPadding)
    {
        var g = new ConvolutionGeometry(batch, cin, h, w, cout, kh, kw, strideAndPadding / 10, strideAndPadding % 10);
        var x = Random(batch * g.InputLength, 1);
        var weights = Random(g.WeightLength, 2);
        var bias = Random(cout, 3);
        var dy = Random(batch * g.OutputLength, 4);
        float[]? firstY = null, firstDx = null, firstDw = null;
        foreach (var tiling in Tilings())
        {
            foreach (var path in Paths())
            {
                foreach (var threads in new[] { 1, 2, 3 })
                {
                    using var pool = new ComputePool(threads);
                    var y = new float[batch * g.OutputLength];
                    var dx = new float[x.Length];
                    var dw = Enumerable.Repeat(0.5f, g.WeightLength).ToArray();
                    var db = new float[cout];
                    With(tiling, path, () =>
                    {
                        Convolution.Forward(pool, g, x, weights, 0, bias, 0, y, new float[g.ColumnsLength]);
                        Convolution.BackwardData(pool, g, dy, weights, 0, dx);
                        var columns = new float[g.ColumnsLength];
                        Convolution.Forward(pool, g, x, weights, 0, bias, 0, new float[y.Length], columns);
                        Convolution.BackwardWeights(pool, g, columns, dy, dw, 0, db, 0);
                        return 0;
                    });
                    var label = $"{tiling} {path} {threads} threads";
                    AssertSameBits(firstY ??= y, y, $"y {label}");
                    AssertSameBits(firstDx ??= dx, dx, $"dx {label}");
                    AssertSameBits(firstDw ??= dw, dw, $"dW {label}");
                }
            }
        }
    }

    [Fact]
    public void A_forced_tiling_applies_to_its_own_thread_only()
    {
        var other = GemmTuning.Automatic.Rows == 12 ? new GemmTiling(6, 64) : new GemmTiling(12, 64);
        With(other, SimdPath.Scalar, () =>
        {
            Assert.Equal(other, GemmTuning.Current);
            var elsewhere = default(GemmTiling);
            var thread = new Thread(() => elsewhere = GemmTuning.Current);
            thread.Start();
            thread.Join();
            Assert.Equal(GemmTuning.Automatic, elsewhere);
            return 0;
        });
        Assert.Null(GemmTuning.Forced);
        Assert.Equal(GemmTuning.Automatic, GemmTuning.Current);
    }

    [Theory]
    [InlineData("6x32", 6, 128)]
    [InlineData("8x32", 8, 128)]
    [InlineData(" 12X32/256 ", 12, 256)]
    [InlineData("8x32/72", 8, 72)]
    public void The_tile_text_parses_into_rows_and_depth(string text, int rows, int depth)
    {
        Assert.Equal(new GemmTiling(rows, depth), GemmTiling.Parse(text, GemmTuning.Variable));
    }

    [Theory]
    [InlineData("")]
    [InlineData("8")]
    [InlineData("9x32")]
    [InlineData("8x16")]
    [InlineData("8x32/")]
    [InlineData("8x32/100")]
    [InlineData("8x32/512")]
    [InlineData("8x32/128/2")]
    [InlineData("-8x32")]
    public void A_bad_tile_text_is_rejected_naming_the_variable_the_value_and_what_is_accepted(string text)
    {
        var error = Assert.Throws<DlExtArgumentException>(() => GemmTiling.Parse(text, GemmTuning.Variable));

        Assert.Contains("DLEXT_GEMM_TILE", error.Message, StringComparison.Ordinal);
        Assert.Contains($"\"{text}\"", error.Message, StringComparison.Ordinal);
        Assert.Contains("6x32, 8x32 or 12x32", error.Message, StringComparison.Ordinal);
    }

    internal static T With<T>(GemmTiling tiling, SimdPath path, Func<T> action)
    {
        var before = GemmTuning.Forced;
        GemmTuning.Forced = tiling;
        try
        {
            return KernelTestData.With(path, action);
        }
        finally
        {
            GemmTuning.Forced = before;
        }
    }

    private static float[] Run(ComputePool pool, SimdPath path, GemmTiling tiling, bool ta, bool tb, int m, int n, int k, float[] a, float[] b, float[]? start, float[]? bias)
    {
        var c = start is null ? new float[m * n] : (float[])start.Clone();
        With(tiling, path, () =>
        {
            Gemm.Multiply(pool, ta, tb, m, n, k, a, 0, b, 0, c, 0, accumulate: start is not null, bias, 0, bias is null ? Activation.None : Activation.Relu);
            return 0;
        });
        return c;
    }
}
