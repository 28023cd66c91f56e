using Interactive.DlExt.Search;

namespace Interactive.DlExt.Tests.Search;

public sealed class GaussianProcessTests
{
    private static (double[][] X, double[] Y) Samples()
    {
        var x = Enumerable.Range(0, 12).Select(i => new[] { i / 11.0, ((i * 7) % 12) / 11.0 }).ToArray();
        var y = x.Select(p => Math.Sin(6 * p[0]) + (0.3 * p[1])).ToArray();
        return (x, y);
    }

    [Fact]
    public void The_likelihood_gradient_matches_central_differences()
    {
        var (x, y) = Samples();
        var mean = y.Average();
        var z = y.Select(v => v - mean).ToArray();
        double[] theta = [Math.Log(0.3), Math.Log(0.7), Math.Log(1.2), Math.Log(0.01)];
        const double h = 1e-6;

        var (_, gradient) = GaussianProcess.LikelihoodAndGradient(x, z, theta);

        for (var j = 0; j < theta.Length; j++)
        {
            var up = (double[])theta.Clone();
            var down = (double[])theta.Clone();
            up[j] += h;
            down[j] -= h;
            var numeric = (GaussianProcess.LikelihoodAndGradient(x, z, up).Value - GaussianProcess.LikelihoodAndGradient(x, z, down).Value) / (2 * h);
            Assert.Equal(numeric, gradient![j], 4);
        }
    }

    [Fact]
    public void A_fitted_process_interpolates_its_points_and_is_unsure_away_from_them()
    {
        var (x, y) = Samples();

        var process = GaussianProcess.Fit(x, y);

        for (var i = 0; i < x.Length; i++)
        {
            var (mean, deviation) = process.Predict(x[i]);
            Assert.Equal(y[i], mean, 2);
            Assert.True(deviation < 0.05, $"σ = {deviation} at a data point");
        }

        // Between the samples the prediction still follows sin(6x) + 0.3y closely.
        var (between, _) = process.Predict([0.5, 0.5]);
        Assert.Equal(Math.Sin(3) + 0.15, between, 1);

        // Fitting raised the likelihood above the start (ℓ = 0.5, σ² = 1, σₙ² = 1e-3) and found x₁ matters more than x₂.
        var start = GaussianProcess.LikelihoodAndGradient(x, Standardised(y), [Math.Log(0.5), Math.Log(0.5), 0, Math.Log(1e-3)]).Value;
        Assert.True(process.LogMarginalLikelihood > start);
        Assert.True(process.LengthScales[0] < process.LengthScales[1]);
    }

    [Fact]
    public void Expected_improvement_is_zero_far_above_the_best_and_grows_with_uncertainty()
    {
        Assert.Equal(0, GpSearch.ExpectedImprovement(best: 0, mean: 10, deviation: 0.1), 12);
        Assert.Equal(0.3989423, GpSearch.ExpectedImprovement(0, 0, 1), 6);   // σ φ(0)
        Assert.True(GpSearch.ExpectedImprovement(0, 1, 2) > GpSearch.ExpectedImprovement(0, 1, 1));
    }

    private static double[] Standardised(double[] y)
    {
        var mean = y.Average();
        var deviation = Math.Sqrt(y.Sum(v => (v - mean) * (v - mean)) / y.Length);
        return [.. y.Select(v => (v - mean) / deviation)];
    }
}
