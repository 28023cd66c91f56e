namespace Interactive.DlExt.Tests.Optimizers;

public class RmsPropTests
{
    [Fact]
    public void RmsProp_matches_the_hand_computed_first_three_steps()
    {
        const double eta = 0.01, beta = 0.9, epsilon = 1e-8;
        var v = new double[3];
        var expected = Trajectory.Expected((t, theta) =>
        {
            for (var i = 0; i < 3; i++)
            {
                var g = Trajectory.Gradients[t][i];
                v[i] = (beta * v[i]) + ((1 - beta) * g * g);           // v ← βv + (1−β)g²
                theta[i] -= eta * g / (Math.Sqrt(v[i]) + epsilon);     // θ ← θ − η·g/(√v + ε)
            }
        });

        Assert.Equal(1 - (0.005 / Math.Sqrt(0.025)), expected[0][0], 7); // v = 0.1·0.25
        Trajectory.Check(new RmsProp(eta, beta, epsilon), eta, expected);
    }

    [Fact]
    public void RmsProp_with_weight_decay_matches_the_hand_computed_first_three_steps()
    {
        const double eta = 0.01, beta = 0.5, epsilon = 1e-6, lambda = 0.3;
        var v = new double[3];
        var expected = Trajectory.Expected((t, theta) =>
        {
            for (var i = 0; i < 3; i++)
            {
                var g = Trajectory.Gradients[t][i] + (lambda * theta[i]);
                v[i] = (beta * v[i]) + ((1 - beta) * g * g);
                theta[i] -= eta * g / (Math.Sqrt(v[i]) + epsilon);
            }
        });

        Trajectory.Check(new RmsProp(eta, beta, epsilon, lambda), eta, expected);
    }
}
