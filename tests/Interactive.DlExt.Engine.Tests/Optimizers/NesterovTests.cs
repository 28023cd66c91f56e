namespace Interactive.DlExt.Tests.Optimizers;

public class NesterovTests
{
    [Fact]
    public void Nesterov_matches_the_hand_computed_first_three_steps()
    {
        const double eta = 0.1, mu = 0.9;
        var v = new double[3];
        var expected = Trajectory.Expected((t, theta) =>
        {
            for (var i = 0; i < 3; i++)
            {
                var g = Trajectory.Gradients[t][i];
                v[i] = (mu * v[i]) + g;              // v ← μv + g
                theta[i] -= eta * (g + (mu * v[i])); // θ ← θ − η(g + μv)
            }
        });

        Assert.Equal(0.905, expected[0][0], 12); // v = 0.5, θ = 1 − 0.1·(0.5 + 0.45)
        Trajectory.Check(new Nesterov(eta, mu), eta, expected);
    }

    [Fact]
    public void Nesterov_with_weight_decay_matches_the_hand_computed_first_three_steps()
    {
        const double eta = 0.05, mu = 0.8, lambda = 0.1;
        var v = new double[3];
        var expected = Trajectory.Expected((t, theta) =>
        {
            for (var i = 0; i < 3; i++)
            {
                var g = Trajectory.Gradients[t][i] + (lambda * theta[i]);
                v[i] = (mu * v[i]) + g;
                theta[i] -= eta * (g + (mu * v[i]));
            }
        });

        Trajectory.Check(new Nesterov(eta, mu, lambda), eta, expected);
    }

    [Fact]
    public void Nesterov_rejects_a_momentum_of_one_naming_it()
    {
        var e = Assert.Throws<DlExtArgumentException>(() => new Nesterov(0.1, momentum: 1));
        Assert.Equal("momentum", e.ParamName);
    }
}
