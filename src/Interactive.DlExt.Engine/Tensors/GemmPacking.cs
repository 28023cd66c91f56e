using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Interactive.DlExt;

/// <summary>
/// Copies GEMM operand blocks into the layouts the micro-kernels stream: A as panels of
/// <see cref="GemmTiling.Rows"/> rows interleaved by k, B as strips of NR columns, row after row.
/// Transposed operands go through 8×8 AVX transposes instead of strided scalar loads.
/// </summary>
internal static unsafe class GemmPacking
{
    /// <summary>dst[k·mr + r] = op(A)[i0 + r, k0 + k], zero for r ≥ rows, for a panel <paramref name="mr"/> (6, 8 or 12)
    /// rows wide. Writes up to 8 floats past the panel.</summary>
    // Hot from the first batch: compiled optimized at once instead of after tier-0 warm-up (short notebook runs feel it).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void PackA(float* a, nint lda, bool transposed, int i0, int rows, int k0, int kc, int mr, float* dst)
    {
        if (transposed)
        {
            // A is stored k×m: each k gives `rows` contiguous values.
            var src = a + (k0 * lda) + i0;
            if (rows == mr)
            {
                for (var k = 0; k < kc; k++, src += lda, dst += mr)
                {
                    CopyRow(src, dst, mr);
                }

                return;
            }

            for (var k = 0; k < kc; k++, src += lda, dst += mr)
            {
                var r = 0;
                for (; r < rows; r++)
                {
                    dst[r] = src[r];
                }

                for (; r < mr; r++)
                {
                    dst[r] = 0;
                }
            }

            return;
        }

        var row = a + (i0 * lda) + k0;
        var kk = 0;
        if (rows == mr)
        {
            // Transpose 8 k-values of the panel's rows at a time. A 6-row block's stores carry 2 zero lanes and a 12-row
            // panel's rows 8–11 carry 4: each such store spills into the next k's first lanes, so those go first and the
            // stores of the next k (or of rows 0–7) overwrite the spill.
            var zero = Vector256<float>.Zero;
            for (; kk + 8 <= kc; kk += 8)
            {
                var d = dst + (kk * mr);
                if (mr == 12)
                {
                    var upper = row + (8 * lda) + kk;
                    Transpose.Block8x8(
                        Avx.LoadVector256(upper), Avx.LoadVector256(upper + lda), Avx.LoadVector256(upper + (2 * lda)),
                        Avx.LoadVector256(upper + (3 * lda)), zero, zero, zero, zero, d + 8, mr);
                }

                var lower = row + kk;
                Transpose.Block8x8(
                    Avx.LoadVector256(lower), Avx.LoadVector256(lower + lda), Avx.LoadVector256(lower + (2 * lda)),
                    Avx.LoadVector256(lower + (3 * lda)), Avx.LoadVector256(lower + (4 * lda)), Avx.LoadVector256(lower + (5 * lda)),
                    mr == 6 ? zero : Avx.LoadVector256(lower + (6 * lda)), mr == 6 ? zero : Avx.LoadVector256(lower + (7 * lda)), d, mr);
            }
        }

        for (; kk < kc; kk++)
        {
            var r = 0;
            for (; r < rows; r++)
            {
                dst[(kk * mr) + r] = row[(r * lda) + kk];
            }

            for (; r < mr; r++)
            {
                dst[(kk * mr) + r] = 0;
            }
        }
    }

    // mr (6, 8 or 12) contiguous floats.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void CopyRow(float* src, float* dst, int mr)
    {
        if (mr == 6)
        {
            Sse.Store(dst, Sse.LoadVector128(src));
            *(long*)(dst + 4) = *(long*)(src + 4);
            return;
        }

        Avx.Store(dst, Avx.LoadVector256(src));
        if (mr == 12)
        {
            Sse.Store(dst + 8, Sse.LoadVector128(src + 8));
        }
    }

    /// <summary>Packs op(B)[k0.., j0..j0+cols) as strips of <paramref name="nr"/> columns:
    /// strip s holds dst[s·kc·nr + k·nr + j] = op(B)[k0 + k, j0 + s·nr + j], zero past the last column.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void PackB(float* b, nint ldb, bool transposed, int k0, int kc, int j0, int cols, int nr, float* dst)
    {
        for (var s = 0; s * nr < cols; s++, dst += kc * nr)
        {
            var j = j0 + (s * nr);
            var width = Math.Min(nr, j0 + cols - j);
            if (transposed)
            {
                PackTransposedStrip(b + (j * ldb) + k0, ldb, kc, width, nr, dst);
            }
            else
            {
                PackStrip(b + (k0 * ldb) + j, ldb, kc, width, nr, dst);
            }
        }
    }

    // B stored k×n: each k gives `width` contiguous values.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void PackStrip(float* src, nint ldb, int kc, int width, int nr, float* dst)
    {
        if (width == nr)
        {
            for (var k = 0; k < kc; k++, src += ldb, dst += nr)
            {
                for (var j = 0; j < nr; j += 8)
                {
                    Avx.Store(dst + j, Avx.LoadVector256(src + j));
                }
            }

            return;
        }

        for (var k = 0; k < kc; k++, src += ldb, dst += nr)
        {
            var j = 0;
            for (; j < width; j++)
            {
                dst[j] = src[j];
            }

            for (; j < nr; j++)
            {
                dst[j] = 0;
            }
        }
    }

    // B stored n×k: column j of op(B) is row j in memory; 8×8 transposes turn 8 rows into 8 k-steps.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void PackTransposedStrip(float* src, nint ldb, int kc, int width, int nr, float* dst)
    {
        var jj = 0;
        var full = kc & ~7;
        for (; jj + 8 <= width; jj += 8)
        {
            var rows = src + (jj * ldb);
            for (var k = 0; k < full; k += 8)
            {
                Transpose.Block8x8(rows + k, ldb, dst + (k * nr) + jj, nr);
            }

            for (var k = full; k < kc; k++)
            {
                for (var t = 0; t < 8; t++)
                {
                    dst[(k * nr) + jj + t] = rows[(t * ldb) + k];
                }
            }
        }

        for (var k = 0; k < kc; k++)
        {
            for (var j = jj; j < nr; j++)
            {
                dst[(k * nr) + j] = j < width ? src[(j * ldb) + k] : 0;
            }
        }
    }
}
