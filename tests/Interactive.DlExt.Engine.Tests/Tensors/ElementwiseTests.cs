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
                var y = new float[n];
                Elementwise.Relu(x, y, path);
                Assert.Equal(x.Select(v => v < 0 ? 0f : v), y);
                Elementwise.ReluBackward(x, g, y, path);
                Assert.Equal(x.Zip(g, (v, d) => v > 0 ? d : 0f), y);
                g.CopyTo(y, 0);
                Elementwise.AddInPlace(x, y, path);
                Assert.Equal(x.Zip(g, (a, b) => a + b), y);
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
            var sums = Paths().Select(p => Elementwise.Sum(x, p)).ToArray();
            AssertClose(expected, sums[0], 1e-5 * Math.Sqrt(n + 1) * 4, $"sum of {n}");
            AssertSameBits(sums.Take(1).ToArray(), sums.Skip(sums.Length - 1).ToArray(), $"sum of {n}");
            Assert.All(sums, s => Assert.Equal(BitConverter.SingleToInt32Bits(sums[0]), BitConverter.SingleToInt32Bits(s)));
        }
    }

    [Fact]
    public void Mismatched_lengths_are_rejected_naming_the_operand()
    {
        var error = Assert.Throws<DlExtArgumentException>(() => Elementwise.AddInPlace(new float[3], new float[4], Simd.Best));
        Assert.Contains("y = 4 values", error.Message, StringComparison.Ordinal);
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
            var y = new float[37];
            var dx = new float[37];
            Elementwise.Relu(x, y, path);
            Elementwise.ReluBackward(x, g, dx, path);
            for (var i = 0; i < x.Length; i++)
            {
                var nan = nans.Contains(i);
                Assert.True(nan == float.IsNaN(y[i]), $"{path}: y[{i}] = {y[i]}");
                Assert.True(nan == float.IsNaN(dx[i]), $"{path}: dx[{i}] = {dx[i]}");
            }
        }
    }
}
