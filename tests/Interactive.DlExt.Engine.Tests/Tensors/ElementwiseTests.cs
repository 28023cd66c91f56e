using static Interactive.DlExt.Tests.Tensors.KernelTestData;

namespace Interactive.DlExt.Tests.Tensors;

public class ElementwiseTests
{
    private static readonly int[] Lengths = [0, 1, 7, 8, 15, 16, 17, 33, 100, 1000];

    [Fact]
    public void Each_kernel_matches_its_formula_on_every_path()
    {
        foreach (var n in Lengths)
        {
            var x = Random(n, 1);
            x[..Math.Min(n, 1)].AsSpan().Fill(-0f);
            var g = Random(n, 2);
            foreach (var path in Paths())
            {
                With(path, () =>
                {
                    var y = new float[n];
                    Elementwise.Relu(x, y);
                    Assert.Equal(x.Select(v => v > 0 ? v : 0f), y);
                    Elementwise.ReluBackward(x, g, y);
                    Assert.Equal(x.Zip(g, (v, d) => v > 0 ? d : 0f), y);
                    Elementwise.Add(x, g, y);
                    Assert.Equal(x.Zip(g, (a, b) => a + b), y);
                    Elementwise.Scale(x, 0.3f, y);
                    Assert.Equal(x.Select(v => v * 0.3f), y);
                    Elementwise.Copy(g, y);
                    Elementwise.MultiplyAdd(-0.7f, x, y);
                    Assert.Equal(x.Zip(g, (a, b) => MathF.FusedMultiplyAdd(-0.7f, a, b)), y);
                    Elementwise.Copy(g, y);
                    Elementwise.AddInPlace(x, y);
                    Assert.Equal(x.Zip(g, (a, b) => a + b), y);
                    return 0;
                });
            }
        }
    }

    [Fact]
    public void Sum_is_accurate_and_bit_identical_on_every_path()
    {
        foreach (var n in Lengths.Append(12345))
        {
            var x = Random(n, 3);
            var expected = x.Sum(v => (double)v);
            var sums = Paths().Select(p => With(p, () => Elementwise.Sum(x))).ToArray();
            AssertClose(expected, sums[0], 1e-5 * Math.Sqrt(n + 1) * 4, $"sum of {n}");
            AssertSameBits(sums.Take(1).ToArray(), sums.Skip(sums.Length - 1).ToArray(), $"sum of {n}");
            Assert.All(sums, s => Assert.Equal(BitConverter.SingleToInt32Bits(sums[0]), BitConverter.SingleToInt32Bits(s)));
        }
    }

    [Fact]
    public void SumColumns_adds_each_column_in_row_order_and_can_accumulate()
    {
        const int Rows = 13, Columns = 21;
        var x = Random(Rows * Columns, 4);
        var sums = Enumerable.Repeat(1f, Columns).ToArray();
        Elementwise.SumColumns(x, Rows, Columns, sums, accumulate: true);
        for (var j = 0; j < Columns; j++)
        {
            var s = 1f;
            for (var i = 0; i < Rows; i++)
            {
                s += x[(i * Columns) + j];
            }

            Assert.Equal(s, sums[j]);
        }

        Elementwise.SumColumns(x, Rows, Columns, sums);
        Assert.Equal(x.Take(Columns).Select((_, j) => Enumerable.Range(0, Rows).Aggregate(0f, (s, i) => s + x[(i * Columns) + j])), sums);
    }

    [Fact]
    public void Mismatched_lengths_are_rejected_naming_the_operand()
    {
        var error = Assert.Throws<DlExtArgumentException>(() => Elementwise.Add(new float[3], new float[4], new float[3]));
        Assert.Contains("b = 4 values", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Relu_and_its_gradient_keep_NaN_on_every_path()
    {
        var x = Random(37, 5);
        int[] nans = [0, 15, 16, 31, 36];
        foreach (var i in nans)
        {
            x[i] = float.NaN;
        }

        var g = Random(37, 6);
        foreach (var path in Paths())
        {
            var (y, dx) = With(path, () =>
            {
                var y = new float[37];
                var dx = new float[37];
                Elementwise.Relu(x, y);
                Elementwise.ReluBackward(x, g, dx);
                return (y, dx);
            });
            for (var i = 0; i < x.Length; i++)
            {
                var nan = nans.Contains(i);
                Assert.True(nan == float.IsNaN(y[i]), $"{path}: y[{i}] = {y[i]}");
                Assert.True(nan == float.IsNaN(dx[i]), $"{path}: dx[{i}] = {dx[i]}");
            }
        }
    }
}
