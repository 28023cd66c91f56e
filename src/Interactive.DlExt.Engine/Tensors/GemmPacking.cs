using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Interactive.DlExt;

/// <summary>
/// Copies GEMM operand blocks into the layouts the micro-kernels stream: A as panels of
/// <see cref="GemmKernels.RowsPerPanel"/> rows interleaved by k, B as strips of NR columns, row after row.
/// Transposed operands go through 8×8 AVX transposes instead of strided scalar loads.
/// </summary>
internal static unsafe class GemmPacking
{
    private const int Mr = GemmKernels.RowsPerPanel;

    /// <summary>dst[k·6 + r] = op(A)[i0 + r, k0 + k], zero for r ≥ rows. Writes up to 8 floats past the panel.</summary>
    // Hot from the first batch: compiled optimized at once instead of after tier-0 warm-up (short notebook runs feel it).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void PackA(float* a, nint lda, bool transposed, int i0, int rows, int k0, int kc, float* dst)
    {
        if (transposed)
        {
            // A is stored k×m: each k gives `rows` contiguous values.
            var src = a + (k0 * lda) + i0;
            if (rows == Mr)
            {
                for (var k = 0; k < kc; k++, src += lda, dst += Mr)
                {
                    Sse.Store(dst, Sse.LoadVector128(src));
                    *(long*)(dst + 4) = *(long*)(src + 4);
                }

                return;
            }

            for (var k = 0; k < kc; k++, src += lda, dst += Mr)
            {
                var r = 0;
                for (; r < rows; r++)
                {
                    dst[r] = src[r];
                }

                for (; r < Mr; r++)
                {
                    dst[r] = 0;
                }
            }

            return;
        }

        var row = a + (i0 * lda) + k0;
        var kk = 0;
        if (rows == Mr)
        {
            // Transpose 8 k-values of the 6 rows at a time; each 8-float store overlaps the next one's first 2.
            var zero = Vector256<float>.Zero;
            for (; kk + 8 <= kc; kk += 8)
            {
                // Stores go in k order, so each one's 2 zero lanes are overwritten by the next.
                Transpose.Block8x8(
                    Avx.LoadVector256(row + kk), Avx.LoadVector256(row + lda + kk), Avx.LoadVector256(row + (2 * lda) + kk),
                    Avx.LoadVector256(row + (3 * lda) + kk), Avx.LoadVector256(row + (4 * lda) + kk), Avx.LoadVector256(row + (5 * lda) + kk),
                    zero, zero, dst + (kk * Mr), Mr);
            }
        }

        for (; kk < kc; kk++)
        {
            var r = 0;
            for (; r < rows; r++)
            {
                dst[(kk * Mr) + r] = row[(r * lda) + kk];
            }

            for (; r < Mr; r++)
            {
                dst[(kk * Mr) + r] = 0;
            }
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
