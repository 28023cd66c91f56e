using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Interactive.DlExt;

/// <summary>
/// The convolution products of a patch (InChannels·kH·kW) shorter than the filter count, as in a first layer over
/// one input channel (patch 9, 32 filters), with AVX-512, where the packed GEMM would spend more on packing, on
/// 9-deep panels and on transposes than on the multiply-adds. Forward: y[o, q] = (Σ_k W[o, k]·cols[k, q]) + b[o],
/// straight into the NCHW output, 16 pixels and 8 filters at a time. Weight gradient: dW[o, k] += Σ_images Σ_q
/// cols[k, q]·dY[o, q], 16 filters per lane register. Each value is the GEMM's chain (a fused multiply-add per term
/// in the GEMM's order: k for the forward, images then pixels for the gradient), so the bits are the same.
/// </summary>
internal static unsafe class SmallPatchConvolution
{
    /// <summary>The longest patch <see cref="AddWeightGradient"/> takes.</summary>
    private const int MaxGradientPatch = 32;

    [ThreadStatic]
    private static float[]? _scratch;

    /// <summary>Whether <see cref="Forward"/> serves <paramref name="g"/> on <paramref name="path"/>.</summary>
    public static bool Serves(in ConvolutionGeometry g, SimdPath path) =>
#if NET9_0_OR_GREATER
        path == SimdPath.Vector512 && g.Patch < g.OutChannels;
#else
        false; // the forward needs .NET 9's masked AVX-512 moves
#endif

    /// <summary>Whether <see cref="AddWeightGradient"/> serves <paramref name="g"/> on <paramref name="path"/>.</summary>
    public static bool ServesWeightGradient(in ConvolutionGeometry g, SimdPath path) =>
        Serves(g, path) && g.Patch <= MaxGradientPatch;

    /// <summary>dW[OutChannels × Patch] += Σ_images cols_b·dY_bᵀ, images in order, each pixel in order; one task per
    /// 16 filters.</summary>
    public static void AddWeightGradient(ComputePool pool, in ConvolutionGeometry g, float* columns, float* dy, float* dw) =>
        pool.For((g.OutChannels + 15) / 16, new WeightGradientTask(g, columns, dy, dw));

    /// <summary>y[OutChannels × pixels] = W[OutChannels × Patch]·cols[Patch × pixels] + bias (bias may be null).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Forward(in ConvolutionGeometry g, float* columns, float* weights, float* bias, float* y)
    {
#if !NET9_0_OR_GREATER
        throw new PlatformNotSupportedException("The small-patch forward needs .NET 9 or later.");
#else
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
#endif
    }

    private static float* Scratch(int length)
    {
        if (_scratch is null || _scratch.Length < length)
        {
            _scratch = GC.AllocateUninitializedArray<float>(length, pinned: true);
        }

        return (float*)Unsafe.AsPointer(ref System.Runtime.InteropServices.MemoryMarshal.GetArrayDataReference(_scratch));
    }

    // Filters [16·block, +16): lane l of sums[k] is dW[o0 + l, k]. Per image, dY's 16 rows are transposed so that each
    // pixel's 16 gradients are one load; the sums live in memory between images and groups of k (exact round trips).
    private readonly struct WeightGradientTask(ConvolutionGeometry g, float* columns, float* dy, float* dw) : IComputeBody
    {
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Run(int block)
        {
            int pixels = g.OutputPixels, patch = g.Patch, o0 = block * 16, rows = Math.Min(16, g.OutChannels - o0);
            var scratch = Scratch((pixels + patch) * 16);
            var transposed = scratch;
            var sums = scratch + (pixels * 16);
            for (var k = 0; k < patch; k++)
            {
                for (var l = 0; l < 16; l++)
                {
                    sums[(k * 16) + l] = l < rows ? dw[((o0 + l) * patch) + k] : 0f;
                }
            }

            for (var image = 0; image < g.Batch; image++)
            {
                // Lanes of filters past the last (rows < 16) hold stale values; they are never written back.
                Transpose.Matrix(dy + ((long)image * g.OutputLength) + ((long)o0 * pixels), rows, pixels, pixels, transposed, 16, SimdPath.Vector512);
                var cols = columns + ((long)image * patch * pixels);
                var k = 0;
                for (; k + 8 <= patch; k += 8)
                {
                    Chains8(cols + ((long)k * pixels), pixels, transposed, sums + (k * 16));
                }

                for (; k < patch; k++)
                {
                    var sum = Avx512F.LoadVector512(sums + (k * 16));
                    var x = cols + ((long)k * pixels);
                    for (var q = 0; q < pixels; q++)
                    {
                        sum = Avx512F.FusedMultiplyAdd(Vector512.Create(x[q]), Avx512F.LoadVector512(transposed + (q * 16)), sum);
                    }

                    Avx512F.Store(sums + (k * 16), sum);
                }
            }

            for (var k = 0; k < patch; k++)
            {
                for (var l = 0; l < rows; l++)
                {
                    dw[((o0 + l) * patch) + k] = sums[(k * 16) + l];
                }
            }
        }

        // Eight k at once: eight independent chains over the pixels.
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static void Chains8(float* x, int pixels, float* transposed, float* sums)
        {
            var s0 = Avx512F.LoadVector512(sums);
            var s1 = Avx512F.LoadVector512(sums + 16);
            var s2 = Avx512F.LoadVector512(sums + 32);
            var s3 = Avx512F.LoadVector512(sums + 48);
            var s4 = Avx512F.LoadVector512(sums + 64);
            var s5 = Avx512F.LoadVector512(sums + 80);
            var s6 = Avx512F.LoadVector512(sums + 96);
            var s7 = Avx512F.LoadVector512(sums + 112);
            for (var q = 0; q < pixels; q++, x++)
            {
                var gradient = Avx512F.LoadVector512(transposed + (q * 16));
                s0 = Avx512F.FusedMultiplyAdd(Vector512.Create(x[0]), gradient, s0);
                s1 = Avx512F.FusedMultiplyAdd(Vector512.Create(x[pixels]), gradient, s1);
                s2 = Avx512F.FusedMultiplyAdd(Vector512.Create(x[2 * pixels]), gradient, s2);
                s3 = Avx512F.FusedMultiplyAdd(Vector512.Create(x[3 * pixels]), gradient, s3);
                s4 = Avx512F.FusedMultiplyAdd(Vector512.Create(x[4 * pixels]), gradient, s4);
                s5 = Avx512F.FusedMultiplyAdd(Vector512.Create(x[5 * pixels]), gradient, s5);
                s6 = Avx512F.FusedMultiplyAdd(Vector512.Create(x[6 * pixels]), gradient, s6);
                s7 = Avx512F.FusedMultiplyAdd(Vector512.Create(x[7 * pixels]), gradient, s7);
            }

            Avx512F.Store(sums, s0);
            Avx512F.Store(sums + 16, s1);
            Avx512F.Store(sums + 32, s2);
            Avx512F.Store(sums + 48, s3);
            Avx512F.Store(sums + 64, s4);
            Avx512F.Store(sums + 80, s5);
            Avx512F.Store(sums + 96, s6);
            Avx512F.Store(sums + 112, s7);
        }
    }

#if NET9_0_OR_GREATER
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
#endif
}
