using static Interactive.DlExt.Tests.Tensors.KernelTestData;

namespace Interactive.DlExt.Tests.Tensors;

public unsafe class Im2ColTests
{
    public static TheoryData<int, int, int, int, int, int, int> Geometries() => new()
    {
        // in, height, width, kernelHeight, kernelWidth, stride, padding
        { 32, 14, 14, 3, 3, 1, 1 }, // the CNN's second convolution
        { 1, 28, 28, 3, 3, 1, 1 }, // its first
        { 2, 7, 5, 3, 3, 1, 1 },
        { 3, 9, 17, 3, 2, 1, 0 },
        { 2, 6, 33, 5, 5, 1, 2 },
        { 1, 5, 19, 1, 1, 1, 0 },
        { 2, 11, 9, 3, 3, 2, 1 },
        { 1, 8, 13, 2, 3, 3, 0 },
    };

    [Theory]
    [MemberData(nameof(Geometries))]
    public void Unfold_copies_exactly_the_naive_columns_on_every_path(int cin, int h, int w, int kh, int kw, int stride, int padding)
    {
        var g = new ConvolutionGeometry(1, cin, h, w, 4, kh, kw, stride, padding);
        var image = WithSignedZeros(Random(g.InputLength, 5));
        var expected = NaiveUnfold(g, image);
        foreach (var path in Paths())
        {
            var columns = Enumerable.Repeat(float.NaN, g.Patch * g.OutputPixels).ToArray();
            fixed (float* x = image, cols = columns)
            {
                var (xp, cp) = ((nint)x, (nint)cols);
                With(path, () =>
                {
                    Im2Col.Unfold(g, (float*)xp, (float*)cp, Simd.Current);
                    return 0;
                });
            }

            AssertSameBits(expected, columns, $"unfold {path}");
        }
    }

    [Theory]
    [MemberData(nameof(Geometries))]
    public void Fold_adds_each_pixels_entries_in_the_naive_order_to_the_same_bits_on_every_path(int cin, int h, int w, int kh, int kw, int stride, int padding)
    {
        var g = new ConvolutionGeometry(1, cin, h, w, 4, kh, kw, stride, padding);
        var columns = WithSignedZeros(Random(g.Patch * g.OutputPixels, 6, scale: 1e3));
        var expected = NaiveFold(g, columns);
        foreach (var path in Paths())
        {
            var image = Enumerable.Repeat(float.NaN, g.InputLength).ToArray();
            fixed (float* x = image, cols = columns)
            {
                var (xp, cp) = ((nint)x, (nint)cols);
                With(path, () =>
                {
                    Im2Col.Fold(g, (float*)cp, (float*)xp, Simd.Current);
                    return 0;
                });
            }

            AssertSameBits(expected, image, $"fold {path}");
        }
    }

    // Every seventh value −0 and every eleventh +0, so that a sign of zero lost on the way shows.
    private static float[] WithSignedZeros(float[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = i % 7 == 3 ? -0f : i % 11 == 5 ? 0f : values[i];
        }

        return values;
    }

    private static float[] NaiveUnfold(ConvolutionGeometry g, float[] image)
    {
        var columns = new float[g.Patch * g.OutputPixels];
        foreach (var (column, pixel) in Taps(g))
        {
            columns[column] = pixel >= 0 ? image[pixel] : 0f;
        }

        return columns;
    }

    // The image starts at +0 and each entry is added into its pixel in (c, ky, kx, oy, ox) order.
    private static float[] NaiveFold(ConvolutionGeometry g, float[] columns)
    {
        var image = new float[g.InputLength];
        foreach (var (column, pixel) in Taps(g).Where(t => t.Pixel >= 0))
        {
            image[pixel] += columns[column];
        }

        return image;
    }

    // Every entry of the unfolded columns with the image pixel it reads (-1 in the padding), in (c, ky, kx, oy, ox) order.
    private static IEnumerable<(int Column, int Pixel)> Taps(ConvolutionGeometry g)
    {
        for (var c = 0; c < g.InChannels; c++)
        {
            for (var ky = 0; ky < g.KernelHeight; ky++)
            {
                for (var kx = 0; kx < g.KernelWidth; kx++)
                {
                    var row = (((c * g.KernelHeight) + ky) * g.KernelWidth) + kx;
                    for (var oy = 0; oy < g.OutputHeight; oy++)
                    {
                        for (var ox = 0; ox < g.OutputWidth; ox++)
                        {
                            int iy = (oy * g.Stride) - g.Padding + ky, ix = (ox * g.Stride) - g.Padding + kx;
                            var inside = iy >= 0 && iy < g.Height && ix >= 0 && ix < g.Width;
                            yield return ((row * g.OutputPixels) + (oy * g.OutputWidth) + ox, inside ? (((c * g.Height) + iy) * g.Width) + ix : -1);
                        }
                    }
                }
            }
        }
    }
}
