using Interactive.DlExt.Search;

namespace Interactive.DlExt.Tests.Search;

public sealed class CholeskyTests
{
    // A = [[4, 2, 0.4], [2, 5, 1], [0.4, 1, 3]]: symmetric, positive definite.
    private static readonly double[] A = [4, 2, 0.4, 2, 5, 1, 0.4, 1, 3];

    [Fact]
    public void The_factor_times_its_transpose_is_the_matrix()
    {
        var factor = Cholesky.TryFactor(A, 3)!;

        for (var i = 0; i < 3; i++)
        {
            for (var j = 0; j < 3; j++)
            {
                var product = 0.0;
                for (var k = 0; k < 3; k++)
                {
                    product += factor[i, k] * factor[j, k];
                }

                Assert.Equal(A[(i * 3) + j], product, 12);
            }
        }

        Assert.Equal(0, factor[0, 1]);
        Assert.Equal(2, factor[0, 0]);
    }

    [Fact]
    public void Solve_inverse_and_determinant_agree_with_the_matrix()
    {
        var factor = Cholesky.TryFactor(A, 3)!;
        double[] b = [1, -2, 0.5];

        var x = factor.Solve(b);
        var inverse = factor.Inverse();

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(b[i], (A[i * 3] * x[0]) + (A[(i * 3) + 1] * x[1]) + (A[(i * 3) + 2] * x[2]), 12);
            for (var j = 0; j < 3; j++)
            {
                var identity = (A[i * 3] * inverse[j]) + (A[(i * 3) + 1] * inverse[3 + j]) + (A[(i * 3) + 2] * inverse[6 + j]);
                Assert.Equal(i == j ? 1 : 0, identity, 12);
            }
        }

        // det A = 4(15 − 1) − 2(6 − 0.4) + 0.4(2 − 2) = 44.8.
        Assert.Equal(Math.Log(44.8), factor.LogDeterminant(), 12);
    }

    [Fact]
    public void A_matrix_that_is_not_positive_definite_has_no_factor()
    {
        Assert.Null(Cholesky.TryFactor([1, 2, 2, 1], 2));
    }
}
