using static Interactive.DlExt.Tests.Tensors.KernelTestData;

namespace Interactive.DlExt.Tests.Tensors;

public class MaskedColumnSumsTests
{
    public static TheoryData<int, int, int, int, bool> Blocks() => new()
    {
        // rows, columns, first column, end column, relu
        { 256, 512, 0, 512, true }, // the MLP's first layer at batch 256, one block
        { 64, 512, 64, 128, true }, // one of its parallel blocks
        { 7, 83, 0, 83, true }, // groups of four vectors, single vectors and a scalar tail
        { 5, 83, 16, 83, true },
        { 3, 10, 0, 10, false }, // the output layer: no mask, sums only
        { 9, 100, 32, 97, false },
        { 1, 1, 0, 1, true },
    };

    [Theory]
    [MemberData(nameof(Blocks))]
    public void The_masked_gradient_and_the_column_sums_have_the_bits_of_a_row_by_row_pass_on_every_path(int rows, int columns, int j0, int j1, bool relu)
    {
        var gradient = Random(rows * columns, 11, scale: 1e3);
        var output = Random(rows * columns, 12);
        for (var i = 0; i < output.Length; i += 7)
        {
            output[i] = i % 3 == 0 ? float.NaN : (i % 2 == 0 ? -0f : 0f); // the NaN rule and both zeros
            gradient[(i + 3) % gradient.Length] = -0f;
        }

        var (expectedMasked, expectedSums) = RowByRow(gradient, output, rows, columns, j0, j1, relu);
        foreach (var path in Paths())
        {
            var masked = Enumerable.Repeat(float.NaN, rows * columns).ToArray();
            var sums = Enumerable.Repeat(float.NaN, columns).ToArray();
            MaskedColumnSums.Run(gradient, output, masked, sums, rows, columns, j0, j1, relu, path);
            AssertSameBits(expectedSums, sums, $"sums {path}");
            AssertSameBits(expectedMasked, masked, $"masked {path}");
        }
    }

    // The reference: sums start at +0 and add each row's masked value in row order; untouched entries stay NaN.
    private static (float[] Masked, float[] Sums) RowByRow(float[] g, float[] y, int rows, int columns, int j0, int j1, bool relu)
    {
        var masked = Enumerable.Repeat(float.NaN, rows * columns).ToArray();
        var sums = Enumerable.Repeat(float.NaN, columns).ToArray();
        for (var j = j0; j < j1; j++)
        {
            var s = 0f;
            for (var r = 0; r < rows; r++)
            {
                var at = (r * columns) + j;
                var m = g[at];
                if (relu)
                {
                    m = y[at] > 0 ? g[at] : float.IsNaN(y[at]) ? y[at] : 0f;
                    masked[at] = m;
                }

                s += m;
            }

            sums[j] = s;
        }

        return (masked, sums);
    }
}
