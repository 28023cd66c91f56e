using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace Interactive.DlExt;

/// <summary>
/// Unfolds one image into the columns matrix cols[(c·kH + ky)·kW + kx, oy·OW + ox] = x[c, oy·s − p + ky, ox·s − p + kx]
/// (zero outside the image), and folds such a matrix back by adding every entry into its pixel in a fixed
/// order: each pixel starts at +0 and receives its entries in (ky, kx) order. With stride 1 and SIMD every row is one
/// masked load and store per 16 (or 8) values; otherwise row segments are copied or added in place. Every path gives
/// the same bits: the copies are exact, and the folds add the same entries in the same order (a masked-off lane adds
/// +0, which leaves any sum that started at +0 unchanged, since such a sum is never −0).
/// </summary>
internal static unsafe class Im2Col
{
    /// <summary>columns = unfold(image), overwritten.</summary>
    public static void Unfold(in ConvolutionGeometry g, float* image, float* columns, SimdPath path)
    {
#if NET9_0_OR_GREATER
        if (g.Stride == 1 && path == SimdPath.Vector512)
        {
            UnfoldStride1<MaskedLanes512>(g, image, columns);
            return;
        }
#endif

        if (g.Stride == 1 && path != SimdPath.Scalar)
        {
            UnfoldStride1<MaskedLanes256>(g, image, columns);
        }
        else
        {
            UnfoldRows(g, image, columns);
        }
    }

    /// <summary>image = fold(columns), overwriting the image; each pixel adds its entries in (c, ky, kx, oy, ox) order.</summary>
    public static void Fold(in ConvolutionGeometry g, float* columns, float* image, SimdPath path)
    {
#if NET9_0_OR_GREATER
        if (g.Stride == 1 && path == SimdPath.Vector512)
        {
            FoldStride1<MaskedLanes512>(g, columns, image);
            return;
        }
#endif

        if (g.Stride == 1 && path != SimdPath.Scalar)
        {
            FoldStride1<MaskedLanes256>(g, columns, image);
        }
        else
        {
            FoldRows(g, columns, image);
        }
    }

    // Row (c, ky, kx), output row oy: lane ox holds x[c, oy − p + ky, ox − p + kx], zero where that is outside the image.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void UnfoldStride1<T>(in ConvolutionGeometry g, float* image, float* columns)
        where T : struct, IMaskedLanes<T>
    {
        int oh = g.OutputHeight, ow = g.OutputWidth, height = g.Height, width = g.Width, padding = g.Padding;
        var row = columns;
        var end = columns + ((long)g.Patch * oh * ow);
        for (var c = 0; c < g.InChannels; c++)
        {
            var plane = image + ((long)c * height * width);
            for (var ky = 0; ky < g.KernelHeight; ky++)
            {
                for (var kx = 0; kx < g.KernelWidth; kx++, row += oh * ow)
                {
                    for (var oy = 0; oy < oh; oy++)
                    {
                        var dst = row + (oy * ow);
                        var iy = oy - padding + ky;
                        var inside = (uint)iy < (uint)height;
                        var src = plane + ((long)iy * width) - padding + kx;
                        for (var ox = 0; ox < ow; ox += T.Count)
                        {
                            // Lane l reads input column ox + l − p + kx, inside the image for ox + l in [p − kx, W + p − kx).
                            var values = inside ? T.Load(src + ox, padding - kx - ox, width + padding - kx - ox) : T.Zero;
                            values.StoreAscending(dst + ox, Math.Min(T.Count, ow - ox), end);
                        }
                    }
                }
            }
        }
    }

    // Each image row is summed in registers, T.Count pixels at a time: pixel ix gets the entry of (ky, kx) at output
    // (iy + p − ky, ix + p − kx) when that lies in the output, in (ky, kx) order, as the general fold adds them.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void FoldStride1<T>(in ConvolutionGeometry g, float* columns, float* image)
        where T : struct, IMaskedLanes<T>
    {
        int oh = g.OutputHeight, ow = g.OutputWidth, height = g.Height, width = g.Width, padding = g.Padding;
        int kh = g.KernelHeight, kw = g.KernelWidth, rowLength = oh * ow;
        var end = image + g.InputLength;
        for (var c = 0; c < g.InChannels; c++)
        {
            var plane = image + ((long)c * height * width);
            var channelRows = columns + ((long)c * kh * kw * rowLength);
            for (var iy = 0; iy < height; iy++)
            {
                for (var ix = 0; ix < width; ix += T.Count)
                {
                    var sum = T.Zero;
                    for (var ky = 0; ky < kh; ky++)
                    {
                        var oy = iy + padding - ky;
                        if ((uint)oy >= (uint)oh)
                        {
                            continue;
                        }

                        for (var kx = 0; kx < kw; kx++)
                        {
                            var ox = ix + padding - kx;
                            var src = channelRows + ((long)((ky * kw) + kx) * rowLength) + (oy * ow) + ox;
                            sum += T.Load(src, -ox, ow - ox);
                        }
                    }

                    sum.StoreAscending(plane + (iy * width) + ix, Math.Min(T.Count, width - ix), end);
                }
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void UnfoldRows(in ConvolutionGeometry g, float* image, float* columns)
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

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void FoldRows(in ConvolutionGeometry g, float* columns, float* image)
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
