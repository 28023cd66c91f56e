using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Interactive.DlExt;

/// <summary>
/// The forward convolution of one image when its patch (InChannels·kH·kW) is shorter than its filter count, as in a
/// first layer over one input channel (patch 9, 32 filters): y[o, q] = (Σ_k W[o, k]·cols[k, q]) + b[o], computed
/// straight into the NCHW output with AVX-512, 16 pixels and 8 filters at a time. The packed GEMM would spend more
/// on packing, on 9-deep panels and on transposing its pixels×filters result than on the multiply-adds. Each output
/// is the GEMM's chain: a fused multiply-add per k from +0 in patch order, then + b[o], so the bits are the same.
/// </summary>
internal static unsafe class SmallPatchConvolution
{
    /// <summary>Whether <see cref="Forward"/> serves <paramref name="g"/> on <paramref name="path"/>.</summary>
    public static bool Serves(in ConvolutionGeometry g, SimdPath path) =>
        path == SimdPath.Vector512 && g.Patch < g.OutChannels;

    /// <summary>y[OutChannels × pixels] = W[OutChannels × Patch]·cols[Patch × pixels] + bias (bias may be null).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Forward(in ConvolutionGeometry g, float* columns, float* weights, float* bias, float* y)
    {
        int pixels = g.OutputPixels, patch = g.Patch, filters = g.OutChannels;
        for (var q = 0; q < pixels; q += 16)
        {
            var mask = Vector512.LessThan(Vector512<int>.Indices, Vector512.Create(pixels - q)).AsSingle();
            var cols = columns + q;
            var o = 0;
            for (; o + 8 <= filters; o += 8)
            {
                Vector512<float> a0 = default, a1 = default, a2 = default, a3 = default, a4 = default, a5 = default, a6 = default, a7 = default;
                var w = weights + ((long)o * patch);
                for (var k = 0; k < patch; k++, w++)
                {
                    var x = Avx512F.MaskLoad(cols + ((long)k * pixels), mask, Vector512<float>.Zero);
                    a0 = Avx512F.FusedMultiplyAdd(x, Vector512.Create(w[0]), a0);
                    a1 = Avx512F.FusedMultiplyAdd(x, Vector512.Create(w[patch]), a1);
                    a2 = Avx512F.FusedMultiplyAdd(x, Vector512.Create(w[2 * patch]), a2);
                    a3 = Avx512F.FusedMultiplyAdd(x, Vector512.Create(w[3 * patch]), a3);
                    a4 = Avx512F.FusedMultiplyAdd(x, Vector512.Create(w[4 * patch]), a4);
                    a5 = Avx512F.FusedMultiplyAdd(x, Vector512.Create(w[5 * patch]), a5);
                    a6 = Avx512F.FusedMultiplyAdd(x, Vector512.Create(w[6 * patch]), a6);
                    a7 = Avx512F.FusedMultiplyAdd(x, Vector512.Create(w[7 * patch]), a7);
                }

                var row = y + ((long)o * pixels) + q;
                Finish(row, a0, bias, o, mask);
                Finish(row + pixels, a1, bias, o + 1, mask);
                Finish(row + (2 * pixels), a2, bias, o + 2, mask);
                Finish(row + (3 * pixels), a3, bias, o + 3, mask);
                Finish(row + (4 * pixels), a4, bias, o + 4, mask);
                Finish(row + (5 * pixels), a5, bias, o + 5, mask);
                Finish(row + (6 * pixels), a6, bias, o + 6, mask);
                Finish(row + (7 * pixels), a7, bias, o + 7, mask);
            }

            for (; o < filters; o++)
            {
                var a = Vector512<float>.Zero;
                var w = weights + ((long)o * patch);
                for (var k = 0; k < patch; k++)
                {
                    a = Avx512F.FusedMultiplyAdd(Avx512F.MaskLoad(cols + ((long)k * pixels), mask, Vector512<float>.Zero), Vector512.Create(w[k]), a);
                }

                Finish(y + ((long)o * pixels) + q, a, bias, o, mask);
            }
        }
    }

    // The GEMM's epilogue: + b[o] (no activation in a convolution).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Finish(float* row, Vector512<float> sum, float* bias, int filter, Vector512<float> mask)
    {
        if (bias != null)
        {
            sum += Vector512.Create(bias[filter]);
        }

        Avx512F.MaskStore(row, mask, sum);
    }
}
