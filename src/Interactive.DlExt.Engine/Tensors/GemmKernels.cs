using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Interactive.DlExt;

/// <summary>
/// Register-blocked GEMM micro-kernels. Each updates a rows×NR tile of C held in vector registers:
/// acc = (load ? C : 0), then acc = fma(a[k], b[k], acc) for k in order, then C = acc. Loading C back
/// continues the same fused-multiply-add chain, so an element's value is one FMA chain over k whatever the
/// cache blocking, the tile shape (<see cref="GemmTiling"/>), the vector width or the thread, and the scalar path
/// reproduces it exactly. This file holds the AVX2 kernel and the epilogue; <see cref="GemmKernels512"/> the AVX-512 ones.
/// </summary>
internal static unsafe class GemmKernels
{
    /// <summary>NR for a path: columns per packed B strip and per register tile.</summary>
    public static int StripWidth(SimdPath path) => path == SimdPath.Vector512 ? 32 : 16;

    /// <summary>The 6×16 AVX2/FMA kernel over packed panels a[k·6 + r] and b[k·16 + j].</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Kernel6x16(int kc, float* a, float* b, float* c, nint ldc, bool load)
    {
        Vector256<float> c00, c01, c10, c11, c20, c21, c30, c31, c40, c41, c50, c51;
        if (load)
        {
            c00 = Avx.LoadVector256(c);
            c01 = Avx.LoadVector256(c + 8);
            c10 = Avx.LoadVector256(c + ldc);
            c11 = Avx.LoadVector256(c + ldc + 8);
            c20 = Avx.LoadVector256(c + (2 * ldc));
            c21 = Avx.LoadVector256(c + (2 * ldc) + 8);
            c30 = Avx.LoadVector256(c + (3 * ldc));
            c31 = Avx.LoadVector256(c + (3 * ldc) + 8);
            c40 = Avx.LoadVector256(c + (4 * ldc));
            c41 = Avx.LoadVector256(c + (4 * ldc) + 8);
            c50 = Avx.LoadVector256(c + (5 * ldc));
            c51 = Avx.LoadVector256(c + (5 * ldc) + 8);
        }
        else
        {
            c00 = c01 = c10 = c11 = c20 = c21 = c30 = c31 = c40 = c41 = c50 = c51 = Vector256<float>.Zero;
        }

        for (var k = 0; k < kc; k++, a += 6, b += 16)
        {
            var b0 = Avx.LoadVector256(b);
            var b1 = Avx.LoadVector256(b + 8);
            var x = Vector256.Create(a[0]);
            c00 = Fma.MultiplyAdd(x, b0, c00);
            c01 = Fma.MultiplyAdd(x, b1, c01);
            x = Vector256.Create(a[1]);
            c10 = Fma.MultiplyAdd(x, b0, c10);
            c11 = Fma.MultiplyAdd(x, b1, c11);
            x = Vector256.Create(a[2]);
            c20 = Fma.MultiplyAdd(x, b0, c20);
            c21 = Fma.MultiplyAdd(x, b1, c21);
            x = Vector256.Create(a[3]);
            c30 = Fma.MultiplyAdd(x, b0, c30);
            c31 = Fma.MultiplyAdd(x, b1, c31);
            x = Vector256.Create(a[4]);
            c40 = Fma.MultiplyAdd(x, b0, c40);
            c41 = Fma.MultiplyAdd(x, b1, c41);
            x = Vector256.Create(a[5]);
            c50 = Fma.MultiplyAdd(x, b0, c50);
            c51 = Fma.MultiplyAdd(x, b1, c51);
        }

        Avx.Store(c, c00);
        Avx.Store(c + 8, c01);
        Avx.Store(c + ldc, c10);
        Avx.Store(c + ldc + 8, c11);
        Avx.Store(c + (2 * ldc), c20);
        Avx.Store(c + (2 * ldc) + 8, c21);
        Avx.Store(c + (3 * ldc), c30);
        Avx.Store(c + (3 * ldc) + 8, c31);
        Avx.Store(c + (4 * ldc), c40);
        Avx.Store(c + (4 * ldc) + 8, c41);
        Avx.Store(c + (5 * ldc), c50);
        Avx.Store(c + (5 * ldc) + 8, c51);
    }

    /// <summary>Applies the epilogue to a rows×width block of C that holds finished sums: v += bias[j];
    /// v = v &lt; 0 ? 0 : v (ReLU, NaN kept). Same operations on every path.</summary>
    // Hot from the first batch: compiled optimized at once instead of after tier-0 warm-up (short notebook runs feel it).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Epilogue(in GemmEpilogue e, float* c, nint ldc, int column, int rows, int width, SimdPath path)
    {
        for (var r = 0; r < rows; r++)
        {
            var p = c + (r * ldc);
            var bias = e.Bias == null ? null : e.Bias + column;
            var j = 0;
            if (path == SimdPath.Vector512)
            {
                for (; j + 16 <= width; j += 16)
                {
                    var v = Avx512F.LoadVector512(p + j);
                    if (bias != null)
                    {
                        v = Avx512F.Add(v, Avx512F.LoadVector512(bias + j));
                    }

                    if (e.Relu)
                    {
                        v = Vector512.ConditionalSelect(Vector512.LessThan(v, Vector512<float>.Zero), Vector512<float>.Zero, v);
                    }

                    Avx512F.Store(p + j, v);
                }
            }
            else if (path == SimdPath.Vector256)
            {
                for (; j + 8 <= width; j += 8)
                {
                    var v = Avx.LoadVector256(p + j);
                    if (bias != null)
                    {
                        v = Avx.Add(v, Avx.LoadVector256(bias + j));
                    }

                    if (e.Relu)
                    {
                        v = Vector256.ConditionalSelect(Vector256.LessThan(v, Vector256<float>.Zero), Vector256<float>.Zero, v);
                    }

                    Avx.Store(p + j, v);
                }
            }

            for (; j < width; j++)
            {
                p[j] = Finish(e, p[j], bias == null ? 0 : bias[j]);
            }
        }
    }

    /// <summary>The scalar epilogue. The ReLU is <see cref="ReluRule"/>'s v &lt; 0 ? 0 : v on every path (not x86's max,
    /// which turns NaN into 0 and would hide a diverging run).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Finish(in GemmEpilogue e, float v, float bias)
    {
        if (e.Bias != null)
        {
            v += bias;
        }

        if (e.Relu)
        {
            v = v < 0 ? 0 : v;
        }

        return v;
    }
}
