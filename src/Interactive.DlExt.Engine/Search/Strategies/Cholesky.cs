namespace Interactive.DlExt.Search;

/// <summary>
/// The Cholesky factor L of a symmetric positive-definite matrix (A = LLᵀ, L lower-triangular, row-major), with the
/// solves a Gaussian process needs. Written out here (a few dozen lines, tested against direct products) rather
/// than adding a linear-algebra dependency to the engine; n stays in the hundreds.
/// </summary>
internal sealed class Cholesky
{
    private readonly double[] _l;

    private Cholesky(double[] l, int n)
    {
        _l = l;
        Size = n;
    }

    /// <summary>The matrix order.</summary>
    public int Size { get; }

    /// <summary>L[i, j].</summary>
    public double this[int i, int j] => _l[(i * Size) + j];

    /// <summary>Factors the n×n row-major matrix <paramref name="a"/>; null when it is not positive definite.</summary>
    public static Cholesky? TryFactor(double[] a, int n)
    {
        var l = new double[n * n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j <= i; j++)
            {
                var sum = a[(i * n) + j];
                for (var k = 0; k < j; k++)
                {
                    sum -= l[(i * n) + k] * l[(j * n) + k];
                }

                if (i == j)
                {
                    if (!(sum > 0))
                    {
                        return null;
                    }

                    l[(i * n) + i] = Math.Sqrt(sum);
                }
                else
                {
                    l[(i * n) + j] = sum / l[(j * n) + j];
                }
            }
        }

        return new Cholesky(l, n);
    }

    /// <summary>Solves L z = b.</summary>
    public double[] SolveLower(ReadOnlySpan<double> b)
    {
        var n = Size;
        var z = new double[n];
        for (var i = 0; i < n; i++)
        {
            var sum = b[i];
            for (var k = 0; k < i; k++)
            {
                sum -= _l[(i * n) + k] * z[k];
            }

            z[i] = sum / _l[(i * n) + i];
        }

        return z;
    }

    /// <summary>Solves Lᵀ x = z.</summary>
    public double[] SolveUpper(ReadOnlySpan<double> z)
    {
        var n = Size;
        var x = new double[n];
        for (var i = n - 1; i >= 0; i--)
        {
            var sum = z[i];
            for (var k = i + 1; k < n; k++)
            {
                sum -= _l[(k * n) + i] * x[k];
            }

            x[i] = sum / _l[(i * n) + i];
        }

        return x;
    }

    /// <summary>Solves A x = b.</summary>
    public double[] Solve(ReadOnlySpan<double> b) => SolveUpper(SolveLower(b));

    /// <summary>log det A = 2 Σ log Lᵢᵢ.</summary>
    public double LogDeterminant()
    {
        var sum = 0.0;
        for (var i = 0; i < Size; i++)
        {
            sum += Math.Log(_l[(i * Size) + i]);
        }

        return 2 * sum;
    }

    /// <summary>A⁻¹, row-major (for the gradient of the marginal likelihood).</summary>
    public double[] Inverse()
    {
        var n = Size;
        var inverse = new double[n * n];
        var e = new double[n];
        for (var j = 0; j < n; j++)
        {
            Array.Clear(e);
            e[j] = 1;
            var column = Solve(e);
            for (var i = 0; i < n; i++)
            {
                inverse[(i * n) + j] = column[i];
            }
        }

        return inverse;
    }
}
