using System.Runtime.CompilerServices;

namespace Interactive.DlExt;

/// <summary>
/// General matrix multiply on row-major float32 matrices:
/// C[m×n] = (accumulate ? C : 0) + op(A)·op(B) (+ bias[n] per row) followed by an activation,
/// where op(A) is m×k (A stored k×m when transposed) and op(B) is k×n (B stored n×k when transposed).
/// Every C element is one fused-multiply-add chain over k in order (starting from C when accumulating),
/// computed by one thread, so results are bit-identical for any thread count and any SIMD width.
/// </summary>
internal static unsafe class Gemm
{
    /// <summary>Computes C = op(A)·op(B) (+ C) (+ bias) then <paramref name="activation"/>.</summary>
    /// <param name="pool">The threads to use.</param>
    /// <param name="transposeA">Whether A is stored k×m.</param>
    /// <param name="transposeB">Whether B is stored n×k.</param>
    /// <param name="m">Rows of C.</param>
    /// <param name="n">Columns of C.</param>
    /// <param name="k">The inner dimension.</param>
    /// <param name="a">A's buffer.</param>
    /// <param name="aOffset">Where A starts in <paramref name="a"/>.</param>
    /// <param name="b">B's buffer.</param>
    /// <param name="bOffset">Where B starts in <paramref name="b"/>.</param>
    /// <param name="c">C's buffer.</param>
    /// <param name="cOffset">Where C starts in <paramref name="c"/>.</param>
    /// <param name="accumulate">Adds to C instead of overwriting it.</param>
    /// <param name="bias">An optional length-n bias added to every row, or null.</param>
    /// <param name="biasOffset">Where the bias starts in <paramref name="bias"/>.</param>
    /// <param name="activation">The element-wise function applied last.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Multiply(
        ComputePool pool, bool transposeA, bool transposeB, int m, int n, int k,
        float[] a, int aOffset, float[] b, int bOffset, float[] c, int cOffset,
        bool accumulate = false, float[]? bias = null, int biasOffset = 0, Activation activation = Activation.None)
    {
        ArgumentNullException.ThrowIfNull(pool);
        Check(m, n, k, a, aOffset, b, bOffset, c, cOffset);
        CheckRange(bias, biasOffset, n, nameof(bias), $"a bias of {n} values");
        fixed (float* pa = a, pb = b, pc = c, pbias = bias)
        {
            var g = GemmOperands.Dense(transposeA, transposeB, m, n, k, pa + aOffset, pb + bOffset, pc + cOffset);
            g.Accumulate = accumulate;
            g.Epilogue.Bias = pbias == null ? null : pbias + biasOffset;
            g.Epilogue.Relu = activation == Activation.Relu;
            GemmDriver.Run(pool, g);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Check(int m, int n, int k, float[] a, int aOffset, float[] b, int bOffset, float[] c, int cOffset)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(c);
        Guard.AtLeast(m, 0, nameof(m));
        Guard.AtLeast(n, 0, nameof(n));
        Guard.AtLeast(k, 0, nameof(k));
        CheckRange(a, aOffset, (long)m * k, nameof(a), $"an {m}×{k} matrix");
        CheckRange(b, bOffset, (long)k * n, nameof(b), $"a {k}×{n} matrix");
        CheckRange(c, cOffset, (long)m * n, nameof(c), $"an {m}×{n} matrix");
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void CheckRange(float[]? buffer, int offset, long length, string parameter, string what)
    {
        if (buffer is not null && (offset < 0 || offset + length > buffer.Length))
        {
            throw new DlExtArgumentException(parameter, $"{buffer.Length} values read from offset {offset}", $"room for {what} ({length} values) after the offset");
        }
    }
}
