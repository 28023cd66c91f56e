namespace Interactive.DlExt.Tests.Optimizers;

public class AdamTests
{
    [Fact]
    public void Adam_matches_the_hand_computed_first_three_steps()
    {
        const double eta = 0.1, beta1 = 0.9, beta2 = 0.999, epsilon = 1e-8;
        Trajectory.Check(new Adam(eta, beta1, beta2, epsilon), eta, Expected(eta, beta1, beta2, epsilon, 0));
    }

    [Fact]
    public void Adam_with_coupled_weight_decay_matches_the_hand_computed_first_three_steps()
    {
        const double eta = 0.05, beta1 = 0.8, beta2 = 0.99, epsilon = 1e-6, lambda = 0.5;
        Trajectory.Check(new Adam(eta, beta1, beta2, epsilon, lambda), eta, Expected(eta, beta1, beta2, epsilon, lambda));
    }

    [Fact]
    public void Adam_first_step_moves_each_parameter_by_the_learning_rate_against_the_gradient_sign()
    {
        // m̂ = g and v̂ = g² at t = 1, so the step is η·g/(|g| + ε) ≈ η·sign(g).
        var expected = Expected(0.1, 0.9, 0.999, 1e-8, 0);
        Assert.Equal(0.9, expected[0][0], 7);
        Assert.Equal(-1.9, expected[0][1], 7);
        Assert.Equal(0.4, expected[0][2], 7);
    }

    [Theory]
    [InlineData("beta1")]
    [InlineData("beta2")]
    public void Adam_rejects_a_beta_of_one_naming_it(string which)
    {
        var e = Assert.Throws<DlExtArgumentException>(() =>
            which == "beta1" ? new Adam(beta1: 1) : new Adam(beta2: 1));
        Assert.Equal(which, e.ParamName);
        Assert.Contains($"{which} = 1 is not accepted", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Adam_rejects_a_zero_learning_rate_naming_it()
    {
        var e = Assert.Throws<DlExtArgumentException>(() => new Adam(0));
        Assert.Equal("learning rate", e.ParamName);
    }

    internal static double[][] Expected(double eta, double beta1, double beta2, double epsilon, double lambda)
    {
        double[] m = new double[3], v = new double[3];
        return Trajectory.Expected((step, theta) =>
        {
            var t = step + 1;
            for (var i = 0; i < 3; i++)
            {
                var g = Trajectory.Gradients[step][i] + (lambda * theta[i]); // g ← g + λθ
                m[i] = (beta1 * m[i]) + ((1 - beta1) * g);                    // m ← β₁m + (1−β₁)g
                v[i] = (beta2 * v[i]) + ((1 - beta2) * g * g);                // v ← β₂v + (1−β₂)g²
                var mHat = m[i] / (1 - Math.Pow(beta1, t));                   // m̂ = m/(1−β₁ᵗ)
                var vHat = v[i] / (1 - Math.Pow(beta2, t));                   // v̂ = v/(1−β₂ᵗ)
                theta[i] -= eta * mHat / (Math.Sqrt(vHat) + epsilon);         // θ ← θ − η·m̂/(√v̂ + ε)
            }
        });
    }
}
