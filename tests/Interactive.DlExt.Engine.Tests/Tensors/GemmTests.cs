using static Interactive.DlExt.Tests.Tensors.KernelTestData;

namespace Interactive.DlExt.Tests.Tensors;

public class GemmTests
{
    public static TheoryData<bool, bool, int, int, int> Shapes()
    {
        var data = new TheoryData<bool, bool, int, int, int>();
        var sizes = new (int M, int N, int K)[]
        {
            (1, 1, 1), (7, 33, 65), (33, 7, 129), (65, 129, 7), (129, 65, 33), (6, 32, 300), (13, 70, 257), (100, 40, 520),
        };
        foreach (var (m, n, k) in sizes)
        {
            foreach (var ta in new[] { false, true })
            {
                foreach (var tb in new[] { false, true })
                {
                    data.Add(ta, tb, m, n, k);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Multiply_matches_a_double_precision_reference_on_every_path(bool ta, bool tb, int m, int n, int k)
    {
        var a = Random(m * k, 1);
        var b = Random(k * n, 2);
        var bias = Random(n, 3);
        var start = Random(m * n, 4);
        var expected = Reference(ta, tb, m, n, k, a, b, start, bias, relu: true);
        using var pool = new ComputePool(2);
        foreach (var path in Paths())
        {
            var c = (float[])start.Clone();
            With(path, () =>
            {
                Gemm.Multiply(pool, ta, tb, m, n, k, a, 0, b, 0, c, 0, accumulate: true, bias, 0, Activation.Relu);
                return 0;
            });
            for (var i = 0; i < c.Length; i++)
            {
                AssertClose(expected[i], c[i], (4e-6 * k) + 1e-5, $"{path} C[{i}]");
            }
        }
    }

    [Fact]
    public void Multiply_without_accumulate_overwrites_C_and_honours_offsets()
    {
        const int M = 9, N = 35, K = 17;
        var a = Random(3 + (M * K), 5);
        var b = Random(4 + (K * N), 6);
        var c = Enumerable.Repeat(float.NaN, 2 + (M * N)).ToArray();
        Gemm.Multiply(ComputePool.Serial, false, false, M, N, K, a, 3, b, 4, c, 2);
        var expected = Reference(false, false, M, N, K, a[3..], b[4..], null, null, relu: false);
        Assert.True(float.IsNaN(c[0]) && float.IsNaN(c[1]));
        for (var i = 0; i < M * N; i++)
        {
            AssertClose(expected[i], c[2 + i], 1e-4, $"C[{i}]");
        }
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(false, true)]
    [InlineData(true, false)]
    [InlineData(true, true)]
    public void Results_are_bit_identical_for_any_thread_count_and_any_SIMD_path(bool ta, bool tb)
    {
        foreach (var (m, n, k) in new[] { (64, 512, 784), (784, 256, 64), (250, 130, 600), (37, 1000, 300) })
        {
            var a = Random(m * k, 7);
            var b = Random(k * n, 8);
            var bias = Random(n, 9);
            float[]? first = null;
            foreach (var path in Paths())
            {
                foreach (var threads in new[] { 1, 2, 3 })
                {
                    using var pool = new ComputePool(threads);
                    var c = Random(m * n, 10);
                    With(path, () =>
                    {
                        Gemm.Multiply(pool, ta, tb, m, n, k, a, 0, b, 0, c, 0, accumulate: true, bias, 0, Activation.Relu);
                        return 0;
                    });
                    if (first is null)
                    {
                        first = c;
                    }
                    else
                    {
                        AssertSameBits(first, c, $"{m}×{n}×{k} {path} {threads} threads");
                    }
                }
            }
        }
    }

    [Fact]
    public void An_empty_inner_dimension_gives_the_bias_alone()
    {
        var c = new float[] { 5, 5, 5, 5 };
        Gemm.Multiply(ComputePool.Serial, false, false, 2, 2, 0, [], 0, [], 0, c, 0, bias: [1, -2], activation: Activation.Relu);
        Assert.Equal(new float[] { 1, 0, 1, 0 }, c);
    }

    [Fact]
    public void A_buffer_too_short_for_its_matrix_is_rejected_with_its_sizes()
    {
        var error = Assert.Throws<DlExtArgumentException>(() =>
            Gemm.Multiply(ComputePool.Serial, false, false, 4, 4, 4, new float[15], 0, new float[16], 0, new float[16], 0));
        Assert.Contains("a = 15 values", error.Message, StringComparison.Ordinal);
        Assert.Contains("4×4", error.Message, StringComparison.Ordinal);
    }

    internal static double[] Reference(bool ta, bool tb, int m, int n, int k, float[] a, float[] b, float[]? start, float[]? bias, bool relu)
    {
        var c = new double[m * n];
        for (var i = 0; i < m; i++)
        {
            for (var j = 0; j < n; j++)
            {
                double s = start?[(i * n) + j] ?? 0;
                for (var p = 0; p < k; p++)
                {
                    s += (double)(ta ? a[(p * m) + i] : a[(i * k) + p]) * (tb ? b[(j * k) + p] : b[(p * n) + j]);
                }

                s += bias?[j] ?? 0;
                c[(i * n) + j] = relu ? Math.Max(s, 0) : s;
            }
        }

        return c;
    }

    [Fact]
    public void The_fused_relu_keeps_NaN_on_every_path()
    {
        const int M = 3, N = 37, K = 5;
        var a = Random(M * K, 7);
        a[K] = float.NaN; // row 1 of A poisons row 1 of C
        var b = Random(K * N, 8);
        foreach (var path in Paths())
        {
            var c = new float[M * N];
            With(path, () =>
            {
                Gemm.Multiply(ComputePool.Serial, false, false, M, N, K, a, 0, b, 0, c, 0, activation: Activation.Relu);
                return 0;
            });
            for (var i = 0; i < c.Length; i++)
            {
                var nan = i / N == 1;
                Assert.True(nan == float.IsNaN(c[i]), $"{path}: C[{i}] = {c[i]}");
            }
        }
    }
}
