namespace Interactive.DlExt;

/// <summary>
/// General matrix multiply on row-major float32 matrices:
/// C[m×n] = (accumulate ? C : 0) + op(A)·op(B) (+ bias[n] per row) followed by an activation,
/// where op(A) is m×k (A stored k×m when transposed) and op(B) is k×n (B stored n×k when transposed).
/// Every C element is reduced by one thread in a fixed k order, so results do not depend on the thread count.
/// </summary>
public static class Gemm
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
    public static void Multiply(
        ComputePool pool, bool transposeA, bool transposeB, int m, int n, int k,
        float[] a, int aOffset, float[] b, int bOffset, float[] c, int cOffset,
        bool accumulate = false, float[]? bias = null, int biasOffset = 0, Activation activation = Activation.None)
    {
        ArgumentNullException.ThrowIfNull(pool);
        pool.For(m, i =>
        {
            for (var j = 0; j < n; j++)
            {
                var sum = 0f;
                for (var p = 0; p < k; p++)
                {
                    var av = transposeA ? a[aOffset + (p * m) + i] : a[aOffset + (i * k) + p];
                    var bv = transposeB ? b[bOffset + (j * k) + p] : b[bOffset + (p * n) + j];
                    sum = MathF.FusedMultiplyAdd(av, bv, sum);
                }

                var idx = cOffset + (i * n) + j;
                var v = (accumulate ? c[idx] : 0f) + sum + (bias is null ? 0f : bias[biasOffset + j]);
                c[idx] = activation == Activation.Relu ? MathF.Max(v, 0f) : v;
            }
        });
    }
}
