using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace Interactive.DlExt;

/// <summary>
/// Unfolds one image into the columns matrix cols[(c·kH + ky)·kW + kx, oy·OW + ox] = x[c, oy·s − p + ky, ox·s − p + kx]
/// (zero outside the image), and folds such a matrix back by adding every entry into its pixel in a fixed
/// order. With stride 1 every row segment is a contiguous copy or add.
/// </summary>
internal static unsafe class Im2Col
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Unfold(in ConvolutionGeometry g, float* image, float* columns)
    {
        int oh = g.OutputHeight, ow = g.OutputWidth;
        var row = columns;
        for (var c = 0; c < g.InChannels; c++)
        {
            var plane = image + ((long)c * g.Height * g.Width);
            for (var ky = 0; ky < g.KernelHeight; ky++)
            {
                for (var kx = 0; kx < g.KernelWidth; kx++, row += oh * ow)
                {
                    var (first, end) = ValidRange(kx, ow, g.Width, g.Stride, g.Padding);
                    for (var oy = 0; oy < oh; oy++)
                    {
                        var dst = row + (oy * ow);
                        var iy = (oy * g.Stride) - g.Padding + ky;
                        if ((uint)iy >= (uint)g.Height || first >= end)
                        {
                            new Span<float>(dst, ow).Clear();
                            continue;
                        }

                        var src = plane + (iy * g.Width) - g.Padding + kx;
                        for (var ox = 0; ox < first; ox++)
                        {
                            dst[ox] = 0;
                        }

                        if (g.Stride == 1)
                        {
                            Copy(src + first, dst + first, end - first);
                        }
                        else
                        {
                            for (var ox = first; ox < end; ox++)
                            {
                                dst[ox] = src[ox * g.Stride];
                            }
                        }

                        for (var ox = end; ox < ow; ox++)
                        {
                            dst[ox] = 0;
                        }
                    }
                }
            }
        }
    }

    /// <summary>image = fold(columns), overwriting the image; entries are added in (c, ky, kx, oy, ox) order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Fold(in ConvolutionGeometry g, float* columns, float* image)
    {
        int oh = g.OutputHeight, ow = g.OutputWidth;
        new Span<float>(image, g.InputLength).Clear();
        var row = columns;
        for (var c = 0; c < g.InChannels; c++)
        {
            var plane = image + ((long)c * g.Height * g.Width);
            for (var ky = 0; ky < g.KernelHeight; ky++)
            {
                for (var kx = 0; kx < g.KernelWidth; kx++, row += oh * ow)
                {
                    var (first, end) = ValidRange(kx, ow, g.Width, g.Stride, g.Padding);
                    for (var oy = 0; oy < oh && first < end; oy++)
                    {
                        var iy = (oy * g.Stride) - g.Padding + ky;
                        if ((uint)iy >= (uint)g.Height)
                        {
                            continue;
                        }

                        var src = row + (oy * ow);
                        var dst = plane + (iy * g.Width) - g.Padding + kx;
                        if (g.Stride == 1)
                        {
                            AddTo(src + first, dst + first, end - first);
                        }
                        else
                        {
                            for (var ox = first; ox < end; ox++)
                            {
                                dst[ox * g.Stride] += src[ox];
                            }
                        }
                    }
                }
            }
        }
    }

    // Short rows (a feature map is often 7 to 28 wide): inline 8-wide moves beat Span calls.
    private static void Copy(float* src, float* dst, int count)
    {
        var i = 0;
        if (Avx.IsSupported)
        {
            for (; i + 8 <= count; i += 8)
            {
                Avx.Store(dst + i, Avx.LoadVector256(src + i));
            }
        }

        for (; i < count; i++)
        {
            dst[i] = src[i];
        }
    }

    private static void AddTo(float* src, float* dst, int count)
    {
        var i = 0;
        if (Avx.IsSupported)
        {
            for (; i + 8 <= count; i += 8)
            {
                Avx.Store(dst + i, Avx.Add(Avx.LoadVector256(dst + i), Avx.LoadVector256(src + i)));
            }
        }

        for (; i < count; i++)
        {
            dst[i] += src[i];
        }
    }

    /// <summary>The output columns [first, end) whose input column ox·s − p + kx lies inside the image.</summary>
    private static (int First, int End) ValidRange(int kx, int outputWidth, int width, int stride, int padding)
    {
        var first = 0;
        while (first < outputWidth && (first * stride) - padding + kx < 0)
        {
            first++;
        }

        var end = outputWidth;
        while (end > first && ((end - 1) * stride) - padding + kx >= width)
        {
            end--;
        }

        return (first, end);
    }
}
